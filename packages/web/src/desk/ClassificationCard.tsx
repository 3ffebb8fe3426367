import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Collapse, DatePicker, Descriptions, Form, Input, List, Modal, Select, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { ApiError, post } from '../shared/api';
import { label, useI18n, type Translate } from '../shared/i18n';
import { formatAt, localInputToIso } from '../shared/time';
import type { ComplaintView, TimelineEntry, WorkOrderDetail } from '../shared/types';
import { groupSummary } from './matter';
import { eventTitle } from './OrderTimeline';
import { useDesk } from './session';
import { useUndoMessage } from './undo';

const NATURES = ['responsible', 'non_responsible', 'assistance'] as const;
const REASONS = ['repeated_unresolved', 'major_loss_or_injury', 'unresolved_one_month', 'government_or_media', 'collective', 'manual'] as const;
/** What the classification history shows of the timeline. */
const HISTORY = new Set(['nature_decided', 'determination_booked', 'major_reason_added', 'major_reason_withdrawn', 'upgrade_suggested', 'upgrade_dismissed', 'collective_detected']);
const ISO_INSTANT = /\d{4}-\d\d-\d\dT[\d:.]+Z/;

type Body = Record<string, unknown> & { action: string };
type Classify = (body: Body, done: string, undo?: (next: WorkOrderDetail) => Body) => Promise<boolean>;

/**
 * Complaint classification on the work order (issue #3 item 4): the nature —
 * responsible, non-responsible, assistance, or undetermined until an on-site
 * determination — the severity with its recorded reasons, suggested upgrades to
 * confirm or dismiss, and the history of every step. Desk staff change it; the
 * others read it.
 */
export function ClassificationCard({ order, onChanged }: { order: WorkOrderDetail; onChanged: (o: WorkOrderDetail) => void }) {
  const { t } = useI18n();
  const desk = useDesk();
  const { message } = App.useApp();
  const undoMessage = useUndoMessage();
  const complaint = order.complaint!;
  const editable = desk.can('work_order.dispatch') && order.status !== 'closed' && order.status !== 'cancelled';

  const send = async (body: Body, version: number) => post<WorkOrderDetail>(`/work-orders/${order.id}/classification`, { ...body, version });
  const classify: Classify = async (body, done, undo) => {
    try {
      const next = await send(body, order.version);
      onChanged(next);
      if (!undo) message.success(done);
      else undoMessage(done, async () => {
        try {
          onChanged(await send(undo(next), next.version));
          message.info(t('undo.done'));
        } catch (e) {
          message.error(errorText(t, e));
        }
      });
      return true;
    } catch (e) {
      message.error(errorText(t, e));
      return false;
    }
  };

  return (
    <Card title={t('grading.title')} size="small" data-testid="classification">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <CurrentState complaint={complaint} timeZone={desk.timeZoneOf(order.siteId)} editable={editable} classify={classify} />
        {editable && <ChangeTabs order={order} complaint={complaint} classify={classify} />}
        <History timeline={order.timeline} timeZone={desk.timeZoneOf(order.siteId)} />
      </Space>
    </Card>
  );
}

function errorText(t: Translate, e: unknown): string {
  return e instanceof ApiError ? `${e.title}${e.body.detail ? `：${String(e.body.detail)}` : ''}` : t('common.error');
}

const who = (p: { name: string; employeeNo: string | null } | null) => (p ? `${p.name}${p.employeeNo ? `（${p.employeeNo}）` : ''}` : '');

function CurrentState({ complaint: c, timeZone, editable, classify }: { complaint: ComplaintView; timeZone: string; editable: boolean; classify: Classify }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [asking, setAsking] = useState<{ action: 'withdraw_reason' | 'dismiss_upgrade'; reason: string } | null>(null);
  return (
    <>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('classify.nature')}>
          <Space size={4} wrap>
            <Tag color={c.natureConfirmed ? 'blue' : 'default'} data-testid="grading-nature">{label(t, 'nature', c.nature)}</Tag>
            {!c.natureConfirmed && c.nature !== 'undetermined' && <Typography.Text type="secondary">{t('grading.provisional')}</Typography.Text>}
            {c.nature === 'undetermined' && <Typography.Text type="secondary">{t('grading.handledAs', { nature: label(t, 'nature', c.handledAs) })}</Typography.Text>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('order.severity')}><Tag color={c.severity === 'major' ? 'red' : 'default'} data-testid="grading-severity">{label(t, 'severity', c.severity)}</Tag></Descriptions.Item>
        {c.basis && <Descriptions.Item label={t('classify.basis')}>{c.basis}</Descriptions.Item>}
        {c.classifiedBy && <Descriptions.Item label={t('grading.classifiedBy')}>{who(c.classifiedBy)} · {formatAt(t, c.classifiedAt, timeZone)}</Descriptions.Item>}
        {c.determination && (
          <Descriptions.Item label={t('grading.determination')}>
            {formatAt(t, c.determination.appointmentAt, timeZone)}
            {c.determination.attendees.length > 0 && ` · ${c.determination.attendees.join('、')}`}
            {c.determination.pending && <Tag color="orange" style={{ marginLeft: 6 }}>{t('grading.determinationPending')}</Tag>}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('grading.lead')}>
          {label(t, 'party', c.authority.lead)}
          {c.authority.assist.length > 0 && <Typography.Text type="secondary">{t('grading.assist', { parties: c.authority.assist.map((p) => label(t, 'party', p)).join('、') })}</Typography.Text>}
        </Descriptions.Item>
      </Descriptions>

      {c.majorReasons.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('grading.reasons')}</Typography.Text>}
          dataSource={c.majorReasons}
          data-testid="grading-reasons"
          renderItem={(r) => (
            <List.Item
              actions={editable ? [<Button key="w" size="small" type="link" danger onClick={() => setAsking({ action: 'withdraw_reason', reason: r.reason })} data-testid={`withdraw-${r.reason}`}>{t('grading.withdraw')}</Button>] : []}
            >
              <List.Item.Meta
                title={<Space size={4}><span>{label(t, 'majorReason', r.reason)}</span>{r.automatic && <Tag>{t('grading.automatic')}</Tag>}</Space>}
                description={<>{!r.automatic && r.detail && <div>{r.detail}</div>}<Typography.Text type="secondary" style={{ fontSize: 12 }}>{[who(r.by), formatAt(t, r.at, timeZone)].filter(Boolean).join(' · ')}</Typography.Text></>}
              />
            </List.Item>
          )}
        />
      )}

      {c.upgradeSuggestions.map((s) => (
        <Alert
          key={s.reason}
          type="warning"
          showIcon
          data-testid={`suggestion-${s.reason}`}
          title={t('grading.suggested', { reason: label(t, 'majorReason', s.reason) })}
          description={s.relatedOrders.length > 0 && (
            <Space size={4} wrap>{t('grading.related')}{s.relatedOrders.map((o) => <Typography.Link key={o.id} onClick={() => navigate(`/work-orders/${o.id}`)}>{o.number}</Typography.Link>)}</Space>
          )}
          action={editable && (
            <Space direction="vertical" size={4}>
              <Button size="small" type="primary" danger onClick={() => void classify({ action: 'confirm_upgrade', reason: s.reason }, t('grading.upgraded'))} data-testid="confirm-upgrade">{t('grading.confirmUpgrade')}</Button>
              <Button size="small" onClick={() => setAsking({ action: 'dismiss_upgrade', reason: s.reason })} data-testid="dismiss-upgrade">{t('grading.dismissUpgrade')}</Button>
            </Space>
          )}
        />
      ))}

      {c.collectiveGroup && (
        <Alert
          type="error"
          showIcon
          title={t('grading.collective', { customers: c.collectiveGroup.distinctCustomers, orders: c.collectiveGroup.members.length })}
          description={(
            <>
              <div>{groupSummary(t, c.collectiveGroup.summary)}</div>
              <Button size="small" type="link" style={{ padding: 0 }} onClick={() => navigate('/queue/collective')} data-testid="open-collective">{t('grading.collectiveOpen')}</Button>
            </>
          )}
        />
      )}

      <ReasonDialog asking={asking} onClose={() => setAsking(null)} classify={classify} />
    </>
  );
}

/** Withdrawing a reason and dismissing a suggestion both need the reason why, on record. */
function ReasonDialog({ asking, onClose, classify }: { asking: { action: 'withdraw_reason' | 'dismiss_upgrade'; reason: string } | null; onClose: () => void; classify: Classify }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ detail: string }>();
  const [busy, setBusy] = useState(false);
  if (!asking) return null;
  const withdraw = asking.action === 'withdraw_reason';
  return (
    <Modal
      open
      title={withdraw ? t('grading.withdrawTitle', { reason: label(t, 'majorReason', asking.reason) }) : t('grading.dismissTitle', { reason: label(t, 'majorReason', asking.reason) })}
      okText={withdraw ? t('grading.withdraw') : t('grading.dismissUpgrade')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'reason-dialog-ok' } as never}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={async ({ detail }) => {
        setBusy(true);
        const ok = await classify({ action: asking.action, reason: asking.reason, detail }, withdraw ? t('grading.withdrawn') : t('grading.dismissed'));
        setBusy(false);
        if (ok) onClose();
      }}>
        <Form.Item name="detail" label={t('grading.why')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} id="reason-dialog-detail" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ChangeTabs({ order, complaint, classify }: { order: WorkOrderDetail; complaint: ComplaintView; classify: Classify }) {
  const { t } = useI18n();
  return (
    <Tabs
      size="small"
      items={[
        { key: 'nature', label: t('grading.tabNature'), children: <DecideNature order={order} complaint={complaint} classify={classify} /> },
        { key: 'determination', label: t('grading.tabDetermination'), children: <BookDetermination order={order} classify={classify} /> },
        { key: 'reason', label: t('grading.tabReason'), children: <AddReason complaint={complaint} classify={classify} /> },
      ]}
    />
  );
}

function DecideNature({ order, complaint, classify }: { order: WorkOrderDetail; complaint: ComplaintView; classify: Classify }) {
  const { t } = useI18n();
  const desk = useDesk();
  const pending = complaint.determination?.pending ? complaint.determination : null;
  const early = pending !== null && Date.parse(pending.appointmentAt) > Date.now();
  const opinionRequired = complaint.nature === 'undetermined';
  return (
    <Form
      layout="vertical"
      initialValues={{ nature: complaint.natureConfirmed ? complaint.nature : undefined, basis: '' }}
      onFinish={(v: { nature: string; basis?: string }) => void classify({ action: 'decide_nature', nature: v.nature, basis: v.basis?.trim() || null }, t('grading.decided'))}
    >
      {early && <Alert type="info" showIcon title={t('grading.waitDetermination', { at: formatAt(t, pending.appointmentAt, desk.timeZoneOf(order.siteId)) })} style={{ marginBottom: 12 }} />}
      <Form.Item name="nature" label={t('classify.nature')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={NATURES.map((n) => ({ value: n, label: label(t, 'nature', n) }))} id="classify-nature" />
      </Form.Item>
      <Form.Item
        name="basis"
        label={opinionRequired ? t('grading.opinion') : t('classify.basis')}
        rules={opinionRequired ? [{ required: true, whitespace: true, message: t('grading.opinionRequired') }] : []}
      >
        <Input.TextArea rows={2} maxLength={2000} id="classify-basis" />
      </Form.Item>
      <Button htmlType="submit" type="primary" disabled={early} data-testid="classify-submit">{t('classify.submit')}</Button>
    </Form>
  );
}

function BookDetermination({ order, classify }: { order: WorkOrderDetail; classify: Classify }) {
  const { t } = useI18n();
  const desk = useDesk();
  const tz = desk.timeZoneOf(order.siteId);
  return (
    <Form
      layout="vertical"
      onFinish={(v: { at: Dayjs; attendees?: string[] }) => void classify({
        action: 'book_determination', appointmentAt: localInputToIso(v.at.format('YYYY-MM-DD HH:mm'), tz), attendees: v.attendees ?? [],
      }, t('grading.booked'))}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('grading.determinationHint')}</Typography.Paragraph>
      <Form.Item name="at" label={t('grading.appointment')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format={t('fmt.dateTime')} disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} id="determination-at" />
      </Form.Item>
      <Form.Item name="attendees" label={t('grading.attendees')}>
        <Select mode="tags" maxCount={20} options={desk.staff.map((s) => ({ value: s.name, label: s.name }))} id="determination-attendees" />
      </Form.Item>
      <Button htmlType="submit" data-testid="determination-submit">{t('grading.book')}</Button>
    </Form>
  );
}

function AddReason({ complaint, classify }: { complaint: ComplaintView; classify: Classify }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string; detail: string }>();
  const open = REASONS.filter((r) => !complaint.majorReasons.some((m) => m.reason === r));
  return (
    <Form form={form} layout="vertical" onFinish={async (v) => {
      // A reason added by mistake is taken back by withdrawing it, with that said on the record.
      const ok = await classify({ action: 'add_reason', reason: v.reason, detail: v.detail }, t('grading.reasonAdded'), () => ({ action: 'withdraw_reason', reason: v.reason, detail: t('grading.undoDetail') }));
      if (ok) form.resetFields();
    }}>
      {complaint.handledAs !== 'responsible' && <Alert type="info" showIcon title={t('grading.onlyResponsible')} style={{ marginBottom: 12 }} />}
      <Form.Item name="reason" label={t('grading.reason')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={open.map((r) => ({ value: r, label: label(t, 'majorReason', r) }))} id="grading-reason" />
      </Form.Item>
      <Form.Item name="detail" label={t('grading.reasonDetail')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea rows={2} maxLength={2000} id="grading-detail" />
      </Form.Item>
      <Button htmlType="submit" danger data-testid="reason-submit">{t('grading.addReason')}</Button>
    </Form>
  );
}

/** What a classification event says, in the desk's language (automatic rules record their detail in English for the audit). */
function historyDetail(t: Translate, e: TimelineEntry, timeZone: string): string {
  const d = e.data;
  const state = (s: unknown) => {
    const v = s as { nature?: string; severity?: string } | null;
    return v ? `${label(t, 'nature', v.nature)}·${label(t, 'severity', v.severity)}` : '';
  };
  const person = d.by === 'person' && typeof d.detail === 'string' ? d.detail : '';
  switch (e.type) {
    case 'nature_decided': {
      const basis = person.replace(/^classified as \w+:?\s*/, '');
      return [`${state(d.from)} → ${state(d.to)}`, basis].filter(Boolean).join(' · ');
    }
    case 'determination_booked': {
      const at = typeof d.detail === 'string' ? ISO_INSTANT.exec(d.detail)?.[0] : undefined;
      return at ? t('grading.appointmentAt', { at: formatAt(t, at, timeZone) }) : '';
    }
    case 'major_reason_added':
    case 'major_reason_withdrawn':
      return [label(t, 'majorReason', String(d.reason)), person.replace(/ \(kept; .*\)$/, ''), `${state(d.from)} → ${state(d.to)}`].filter(Boolean).join(' · ');
    case 'upgrade_suggested': {
      const related = Array.isArray(d.relatedOrders) ? (d.relatedOrders as { number: string }[]).map((o) => o.number).join('、') : '';
      return [label(t, 'majorReason', String(d.reason)), related && `${t('grading.related')}${related}`].filter(Boolean).join(' · ');
    }
    case 'upgrade_dismissed':
      return [label(t, 'majorReason', String(d.reason)), d.detail !== 'already in effect' ? String(d.detail ?? '') : ''].filter(Boolean).join(' · ');
    case 'collective_detected':
      return t('grading.collectiveEvent', { customers: Number(d.distinctCustomers ?? 0), members: Array.isArray(d.members) ? d.members.join('、') : '' });
    default:
      return '';
  }
}

function History({ timeline, timeZone }: { timeline: TimelineEntry[]; timeZone: string }) {
  const { t } = useI18n();
  const entries = timeline.filter((e) => HISTORY.has(e.type)).reverse();
  if (entries.length === 0) return null;
  return (
    <Collapse
      size="small"
      items={[{
        key: 'history',
        label: t('grading.history', { n: entries.length }),
        children: (
          <Timeline
            data-testid="grading-history"
            items={entries.map((e) => ({
              key: e.id,
              color: e.type === 'major_reason_added' || e.type === 'collective_detected' ? 'red' : 'blue',
              content: (
                <div>
                  <Typography.Text strong>{eventTitle(t, e.type)}</Typography.Text>{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatAt(t, e.at, timeZone)}{e.actor?.name ? ` · ${e.actor.name}` : ` · ${t('grading.system')}`}
                  </Typography.Text>
                  {historyDetail(t, e, timeZone) && <div style={{ color: '#3e4c59' }}>{historyDetail(t, e, timeZone)}</div>}
                </div>
              ),
            }))}
          />
        ),
      }]}
    />
  );
}
