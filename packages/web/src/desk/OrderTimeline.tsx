import { useState } from 'react';
import { Switch, Tag, Timeline, Typography } from 'antd';
import { label, useI18n, type Translate } from '../shared/i18n';
import type { MessageKey } from '../shared/i18n/zh-CN';
import { zhCN } from '../shared/i18n/zh-CN';
import { formatAt } from '../shared/time';
import type { TimelineEntry } from '../shared/types';

export function eventTitle(t: Translate, type: string): string {
  const key = `event.${type}` as MessageKey;
  return key in zhCN ? t(key) : t('event.other', { type });
}

/** What an event says beyond its name: the text, result, reason, or which clock. */
function eventDetail(t: Translate, entry: TimelineEntry, departmentName: (id: number | null) => string): string {
  const d = entry.data;
  const parts: string[] = [];
  if (typeof d.clock === 'string') parts.push(label(t, 'clock', d.clock));
  if (typeof d.departmentId === 'number') parts.push(departmentName(d.departmentId));
  // Agency numbers given to the customer (assistance complaints): the numbers themselves are the point.
  if (Array.isArray(d.agencies)) {
    parts.push((d.agencies as { service?: string; name?: string; phone?: string }[]).map((a) => [label(t, 'admin.agency', a.service), a.name, a.phone].filter(Boolean).join(' ')).join('；'));
  }
  for (const field of ['text', 'result', 'reason', 'basis'] as const) {
    const value = d[field];
    // A major-complaint reason is a code (collective …); a transfer's reason is free text and passes through.
    if (typeof value === 'string') parts.push(field === 'reason' ? label(t, 'majorReason', value) : value);
  }
  if (typeof d.nature === 'string') parts.push(label(t, 'nature', d.nature));
  if (typeof d.rating === 'string') parts.push(label(t, 'rating', d.rating));
  return parts.join(' · ');
}

export function OrderTimeline({ timeline, timeZone, departmentName, showVisibility }: { timeline: TimelineEntry[]; timeZone: string; departmentName: (id: number | null) => string; showVisibility: boolean }) {
  const { t } = useI18n();
  // Clock bookkeeping outnumbers what people did; it stays one switch away.
  const [showClocks, setShowClocks] = useState(false);
  const clockEvents = timeline.filter((e) => e.type.startsWith('clock_')).length;
  const items = [...timeline].reverse().filter((e) => showClocks || !e.type.startsWith('clock_')).map((entry) => ({
    key: entry.id,
    color: entry.type.startsWith('clock_breach') ? 'red' : entry.type.startsWith('clock') ? 'gray' : 'blue',
    content: (
      <div data-testid={`event-${entry.type}`}>
        <Typography.Text strong>{eventTitle(t, entry.type)}</Typography.Text>{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatAt(t, entry.at, timeZone)}
          {entry.actor ? ` · ${entry.actor.name ?? ''}${entry.actor.employeeNo ? `（${entry.actor.employeeNo}）` : ''}` : ''}
        </Typography.Text>
        {showVisibility && !entry.customerVisible && <Tag style={{ marginLeft: 6 }}>{t('order.internal')}</Tag>}
        {eventDetail(t, entry, departmentName) && <div style={{ color: '#3e4c59', whiteSpace: 'pre-wrap' }}>{eventDetail(t, entry, departmentName)}</div>}
      </div>
    ),
  }));
  return (
    <>
      {clockEvents > 0 && (
        <div style={{ marginBottom: 12 }}>
          <Switch size="small" checked={showClocks} onChange={setShowClocks} id="timeline-clocks" />{' '}
          <label htmlFor="timeline-clocks"><Typography.Text type="secondary">{t('order.showClockEvents', { n: clockEvents })}</Typography.Text></label>
        </div>
      )}
      <Timeline items={items} />
    </>
  );
}
