import { useState } from 'react';
import { Button, Descriptions, Divider, Form, Input, List, Modal, Popconfirm, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { DAY_TYPES, recomputedText, useSave, type CalendarDay, type CalendarOverride, type DayType, type Recomputed } from './adminApi';

interface DayForm { type: DayType; name?: string }

/** One day of the month view: what it is and why, the organisation's own entries for it, and setting it. */
export function CalendarDayModal({ date, siteId, scopeName, day, overrides, onClose, onChanged, onRemove }: {
  date: string; siteId: number | null; scopeName: string; day: CalendarDay | undefined; overrides: CalendarOverride[];
  onClose: () => void; onChanged: () => Promise<void>; onRemove: (override: CalendarOverride) => Promise<void>;
}) {
  const { t } = useI18n();
  const save = useSave();
  const [form] = Form.useForm<DayForm>();
  const [busy, setBusy] = useState(false);
  const typeLabel = (type: DayType) => t(`admin.dayType.${type}` as MessageKey);

  const submit = async (values: DayForm) => {
    setBusy(true);
    const done = await save(
      () => api<{ recomputed: Recomputed }>('POST', '/calendar/overrides', { siteId, date, type: values.type, name: values.name?.trim() || null }),
      (r) => [t('admin.calendar.set', { date, type: typeLabel(values.type) }), recomputedText(t, r.recomputed)].filter(Boolean).join('，'),
    );
    setBusy(false);
    if (done) {
      await onChanged();
      onClose();
    }
  };

  // A weekday is usually set to a rest day (a closure), a weekend day to a workday.
  const suggested: DayType = day?.working ? 'holiday' : 'workday';
  return (
    <Modal
      open title={dayjs(date).format(t('admin.calendar.dayFormat'))} onCancel={onClose} footer={null} destroyOnHidden width={520}
      data-testid="calendar-day-modal"
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('admin.calendar.now')}>
          {day ? (
            <span>
              {typeLabel(day.type)}{day.name ? ` · ${day.name}` : ''}
              {day.working ? <Tag color="green" style={{ marginInlineStart: 8 }}>{t('admin.calendar.working')}</Tag> : <Tag style={{ marginInlineStart: 8 }}>{t('admin.calendar.notWorking')}</Tag>}
              {day.provisional && <Tag color="gold">{t('clock.provisional')}</Tag>}
            </span>
          ) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.calendar.scope')}>{scopeName}</Descriptions.Item>
      </Descriptions>
      {overrides.length > 0 && (
        <List
          size="small" header={<Typography.Text strong>{t('admin.calendar.ownEntries')}</Typography.Text>} dataSource={overrides}
          renderItem={(o) => (
            <List.Item actions={[
              <Popconfirm key="delete" title={t('admin.calendar.removeConfirm', { date: o.date })} okText={t('admin.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')}
                onConfirm={async () => { await onRemove(o); onClose(); }}>
                <Button size="small" danger data-testid={`override-delete-${o.id}`}>{t('admin.delete')}</Button>
              </Popconfirm>,
            ]}>
              {typeLabel(o.type)}{o.name ? ` · ${o.name}` : ''}
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>{o.siteId === null ? t('admin.calendar.orgWide') : scopeName}</Typography.Text>
            </List.Item>
          )}
        />
      )}
      <Divider style={{ margin: '12px 0' }} />
      <Form form={form} layout="vertical" initialValues={{ type: suggested }} onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="type" label={t('admin.calendar.setAs')} rules={[{ required: true, message: t('common.required') }]}>
          <Select id="override-type" options={DAY_TYPES.map((type) => ({ value: type, label: typeLabel(type) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('admin.calendar.name')} rules={[{ max: 100, message: t('admin.maxLength', { n: 100 }) }]} extra={t('admin.calendar.nameHint')}>
          <Input id="override-name" maxLength={100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="override-save">{t('admin.calendar.save', { scope: scopeName })}</Button>
      </Form>
    </Modal>
  );
}
