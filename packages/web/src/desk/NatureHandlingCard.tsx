import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, PhoneOutlined } from '@ant-design/icons';
import { post } from '../shared/api';
import { label, useI18n } from '../shared/i18n';
import { formatAt } from '../shared/time';
import type { Agency, ComplaintView, TimelineEntry, WorkOrderDetail } from '../shared/types';
import { CheckedTextArea } from './language/CheckedTextArea';
import { problemText } from './language/feedback';
import { useCheckedSend } from './language/useCheckedSend';
import { useLanguageCheck } from './language/useLanguageCheck';
import { useDesk } from './session';

/** The order S1 4.6.3.3(1) names the services in (the server sorts the directory by code). */
const SERVICES = ['water', 'power', 'heating', 'gas', 'cable_tv', 'telephone', 'other'];
const SERVICE_COLOR: Record<string, string> = { water: 'blue', power: 'gold', heating: 'volcano', gas: 'orange', cable_tv: 'purple', telephone: 'cyan' };

type Changed = (order: WorkOrderDetail) => void;
interface GivenAgency { id: number; service: string; name: string; phone: string }
interface Referral { id: number; at: string; by: string; agencies: GivenAgency[]; text: string | null }

/** Each time numbers were given, as the timeline recorded it: the entries as they read then, even if the directory changed since. */
export function referralsOf(timeline: TimelineEntry[]): Referral[] {
  return timeline.filter((e) => e.type === 'agencies_given').map((e) => ({
    id: e.id,
    at: e.at,
    by: e.actor?.name ?? '',
    agencies: Array.isArray(e.data.agencies) ? (e.data.agencies as GivenAgency[]) : [],
    text: typeof e.data.text === 'string' ? e.data.text : null,
  }));
}

/** The directory in the order of the manual's list of services, then as the directory keeps them. */
const byService = (agencies: Agency[]) => [...agencies].sort((a, b) => serviceRank(a.service) - serviceRank(b.service));
const serviceRank = (service: string) => (SERVICES.includes(service) ? SERVICES.indexOf(service) : SERVICES.length);

/**
 * Handling by nature (S1 4.6.3, issue #3 item 6): a non-responsible complaint is
 * explained to the customer, an assistance complaint gets the numbers of the
 * agencies that can help. Both texts reach the customer, so they go through the
 * live forbidden-phrase check. Desk staff record them; the others read them.
 */
export function NatureHandlingCard({ order, onChanged }: { order: WorkOrderDetail; onChanged: Changed }) {
  const desk = useDesk();
  const complaint = order.complaint;
  if (!complaint) return null;
  const editable = desk.can('work_order.dispatch') && order.status !== 'closed' && order.status !== 'cancelled';
  if (complaint.handledAs === 'non_responsible' && complaint.explanation) {
    return <ExplanationCard order={order} explanation={complaint.explanation} editable={editable} onChanged={onChanged} />;
  }
  if (complaint.handledAs === 'assistance') return <AssistanceCard order={order} complaint={complaint} editable={editable} onChanged={onChanged} />;
  return null;
}

const customerOf = (order: WorkOrderDetail) => `${order.customer.name}${order.customer.title ?? ''}`;
const who = (p: { name: string; employeeNo: string | null } | null) => (p ? `${p.name}${p.employeeNo ? `（${p.employeeNo}）` : ''}` : '');

function ExplanationCard({ order, explanation, editable, onChanged }: {
  order: WorkOrderDetail; explanation: NonNullable<ComplaintView['explanation']>; editable: boolean; onChanged: Changed;
}) {
  const { t } = useI18n();
  const desk = useDesk();
  const [editing, setEditing] = useState(false);
  const done = explanation.status === 'done';
  return (
    <Card
      size="small"
      data-testid="nature-handling"
      title={t('natureHandling.explainTitle')}
      extra={<Tag color={done ? 'green' : 'orange'} data-testid="explanation-status" data-status={explanation.status}>{done ? t('natureHandling.done') : t('natureHandling.pending')}</Tag>}
    >
      {done && (
        <Descriptions column={1} size="small" data-testid="explanation-done">
          <Descriptions.Item label={t('natureHandling.explanation')}><span style={{ whiteSpace: 'pre-wrap' }}>{explanation.text}</span></Descriptions.Item>
          <Descriptions.Item label={t('natureHandling.explainedBy')}>{who(explanation.by)} · {formatAt(t, explanation.at, desk.timeZoneOf(order.siteId))}</Descriptions.Item>
        </Descriptions>
      )}
      {!done && !editable && <Typography.Text type="secondary">{t('natureHandling.explainMissing')}</Typography.Text>}
      {editable && !done && <Alert type="info" showIcon title={t('natureHandling.explainHint')} style={{ marginBottom: 12 }} />}
      {editable && (!done || editing) && (
        <ExplainForm order={order} initial={done ? explanation.text ?? '' : ''} onChanged={(next) => { setEditing(false); onChanged(next); }} onCancel={done ? () => setEditing(false) : undefined} />
      )}
      {editable && done && !editing && <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => setEditing(true)} data-testid="explain-again">{t('natureHandling.explainAgain')}</Button>}
    </Card>
  );
}

/** Sends customer text through the checker: hits ask first, sending anyway passes confirmForbidden. */
function useHandlingSend(order: WorkOrderDetail) {
  const check = useLanguageCheck();
  const checkedSend = useCheckedSend();
  const send = (text: string, body: Record<string, unknown>) => {
    const call = (confirmForbidden: boolean) => post<WorkOrderDetail>(`/work-orders/${order.id}/handling`, {
      ...body, version: order.version, ...(confirmForbidden ? { confirmForbidden: true } : {}),
    });
    return text.trim() ? checkedSend(text, check, call) : call(false);
  };
  return { check, send };
}

function ExplainForm({ order, initial, onChanged, onCancel }: { order: WorkOrderDetail; initial: string; onChanged: Changed; onCancel?: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const { check, send } = useHandlingSend(order);

  const submit = async () => {
    if (!text.trim()) {
      message.warning(t('natureHandling.explainEmpty'));
      return;
    }
    setBusy(true);
    try {
      const next = await send(text, { action: 'explain', text });
      if (!next) return;
      check.clear();
      message.success(t('natureHandling.explainSaved'));
      onChanged(next);
    } catch (e) {
      message.error(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="explain-form">
      <Typography.Text strong>{t('natureHandling.explainLabel')}</Typography.Text>
      <div style={{ marginTop: 4 }}>
        <CheckedTextArea
          value={text}
          onChange={setText}
          check={check}
          customer={customerOf(order)}
          siteId={order.siteId}
          rows={3}
          id="explanation-text"
          aria-label={t('natureHandling.explainLabel')}
          placeholder={t('natureHandling.explainPlaceholder')}
        />
      </div>
      <Space style={{ marginTop: 6 }}>
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="explain-submit">{t('natureHandling.explainSubmit')}</Button>
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
      </Space>
    </div>
  );
}

function AssistanceCard({ order, complaint, editable, onChanged }: { order: WorkOrderDetail; complaint: ComplaintView; editable: boolean; onChanged: Changed }) {
  const { t } = useI18n();
  const desk = useDesk();
  const referrals = referralsOf(order.timeline);
  const given = new Set(referrals.flatMap((r) => r.agencies.map((a) => a.id)));
  return (
    <Card
      size="small"
      data-testid="nature-handling"
      title={t('natureHandling.assistTitle')}
      extra={referrals.length > 0
        ? <Tag color="green" icon={<CheckCircleOutlined />} data-testid="agencies-status">{t('natureHandling.givenTimes', { n: referrals.length })}</Tag>
        : <Tag color="orange" data-testid="agencies-status">{t('natureHandling.notGiven')}</Tag>}
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {editable
          ? <GiveAgencies order={order} directory={byService(complaint.agencies)} given={given} onChanged={onChanged} />
          : <Directory directory={byService(complaint.agencies)} given={given} />}
        <GivenList referrals={referrals} timeZone={desk.timeZoneOf(order.siteId)} />
      </Space>
    </Card>
  );
}

function GiveAgencies({ order, directory, given, onChanged }: { order: WorkOrderDetail; directory: Agency[]; given: Set<number>; onChanged: Changed }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [picked, setPicked] = useState<number[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const { check, send } = useHandlingSend(order);

  const submit = async () => {
    setBusy(true);
    try {
      const next = await send(note, { action: 'give_agencies', agencyIds: picked, text: note.trim() || null });
      if (!next) return;
      setPicked([]);
      setNote('');
      check.clear();
      message.success(t('natureHandling.given'));
      onChanged(next);
    } catch (e) {
      message.error(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  if (directory.length === 0) return <Directory directory={directory} given={given} />;
  return (
    <Space direction="vertical" size={10} style={{ width: '100%' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('natureHandling.assistHint')}</Typography.Text>
      <Directory
        directory={directory}
        given={given}
        picked={picked}
        onPick={(id, on) => setPicked((now) => (on ? [...now, id] : now.filter((x) => x !== id)))}
      />
      <div>
        <Typography.Text strong>{t('natureHandling.noteLabel')}</Typography.Text>
        <div style={{ marginTop: 4 }}>
          <CheckedTextArea
            value={note}
            onChange={setNote}
            check={check}
            customer={customerOf(order)}
            siteId={order.siteId}
            rows={2}
            maxLength={2000}
            id="agencies-note"
            aria-label={t('natureHandling.noteLabel')}
            placeholder={t('natureHandling.notePlaceholder')}
          />
        </div>
        <Button type="primary" disabled={picked.length === 0} loading={busy} onClick={() => void submit()} style={{ marginTop: 6 }} data-testid="agencies-submit">
          {picked.length > 0 ? t('natureHandling.giveSubmitN', { n: picked.length }) : t('natureHandling.giveSubmit')}
        </Button>
      </div>
    </Space>
  );
}

/** The site's directory: service, name, phone (one click copies it); checkable when the caller records what was given. */
function Directory({ directory, given, picked, onPick }: { directory: Agency[]; given: Set<number>; picked?: number[]; onPick?: (id: number, on: boolean) => void }) {
  const { t } = useI18n();
  const desk = useDesk();
  if (directory.length === 0) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('natureHandling.directoryEmpty')} style={{ margin: '8px 0' }}>
        {desk.can('agency.write') && <Link to="/settings/agencies">{t('natureHandling.directoryManage')}</Link>}
      </Empty>
    );
  }
  return (
    <List
      size="small"
      bordered
      header={<Typography.Text strong>{t('natureHandling.directory')}</Typography.Text>}
      dataSource={directory}
      data-testid="agency-directory"
      renderItem={(a) => {
        const name = (
          <span>
            <Tag color={SERVICE_COLOR[a.service]}>{label(t, 'admin.agency', a.service)}</Tag>
            {a.name}
            {given.has(a.id) && <Tag color="green" style={{ marginInlineStart: 6 }}>{t('natureHandling.givenBefore')}</Tag>}
            {a.notes && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.notes}</Typography.Text></div>}
          </span>
        );
        return (
          <List.Item
            data-testid={`agency-${a.id}`}
            actions={[<PhoneNumber key="phone" phone={a.phone} />]}
          >
            {onPick
              ? <Checkbox checked={picked?.includes(a.id)} onChange={(e) => onPick(a.id, e.target.checked)}>{name}</Checkbox>
              : name}
          </List.Item>
        );
      }}
    />
  );
}

function PhoneNumber({ phone }: { phone: string }) {
  const { t } = useI18n();
  return (
    <Typography.Text strong copyable={{ text: phone, tooltips: [t('natureHandling.copyPhone'), t('natureHandling.copied')] }} style={{ whiteSpace: 'nowrap' }}>
      <PhoneOutlined style={{ color: '#8c8c8c', marginInlineEnd: 4 }} />{phone}
    </Typography.Text>
  );
}

/** What the customer was given, newest first, with who gave it and what was said. */
function GivenList({ referrals, timeZone }: { referrals: Referral[]; timeZone: string }) {
  const { t } = useI18n();
  if (referrals.length === 0) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('natureHandling.history')}</Typography.Text>}
      dataSource={[...referrals].reverse()}
      data-testid="agencies-given"
      renderItem={(r) => (
        <List.Item style={{ display: 'block' }} data-testid="referral">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[formatAt(t, r.at, timeZone), r.by].filter(Boolean).join(' · ')}</Typography.Text>
          {r.agencies.map((a) => (
            <div key={a.id} style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginTop: 2 }}>
              <span><Tag color={SERVICE_COLOR[a.service]}>{label(t, 'admin.agency', a.service)}</Tag>{a.name}</span>
              <PhoneNumber phone={a.phone} />
            </div>
          ))}
          {r.text && <div style={{ color: '#3e4c59', marginTop: 2, whiteSpace: 'pre-wrap' }}>{r.text}</div>}
        </List.Item>
      )}
    />
  );
}
