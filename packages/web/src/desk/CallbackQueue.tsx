import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { get } from '../shared/api';
import { label, useI18n, type Translate } from '../shared/i18n';
import { formatAt } from '../shared/time';
import { useLive } from './live';
import { callbacksPath, type CallbackFilters } from './queue-filters';
import { useDesk, type DeskData } from './session';

interface CallbackItem {
  id: number;
  status: string;
  dueAt: string | null;
  overdue: boolean;
  rating: string | null;
  method: string | null;
  customerWords: string | null;
  workOrder: { id: number; number: string; kind: string; status: string; siteId: number; customer: { name: string; title: string | null; phone: string | null }; unit: string | null; result: string | null };
}
type Page = { items: CallbackItem[]; nextCursor: string | null };

/**
 * Callbacks to do, earliest due first — or, opened from the dashboard, the
 * month's callbacks of one status or rating (the filters of GET /callbacks).
 */
export function CallbackQueue({ filters }: { filters: CallbackFilters }) {
  const { t } = useI18n();
  const desk = useDesk();
  const live = useLive();
  const navigate = useNavigate();
  const [items, setItems] = useState<CallbackItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const filtered = Object.keys(filters).length > 0;
  const done = filters.status !== undefined && filters.status !== 'pending';

  useEffect(() => {
    setLoading(true);
    get<Page>('/callbacks', { ...filters, limit: 200 }).then((r) => { setItems(r.items); setCursor(r.nextCursor); }).finally(() => setLoading(false));
  }, [live.revision, filters]);

  const more = async () => {
    setLoading(true);
    try {
      const r = await get<Page>('/callbacks', { ...filters, limit: 200, cursor: cursor ?? undefined });
      setItems((list) => [...list, ...r.items]);
      setCursor(r.nextCursor);
    } finally {
      setLoading(false);
    }
  };

  const title = (
    <Space wrap>
      <span data-testid="queue-title">{done ? t('callbackQueue.records') : t('queue.callbacks')}</span>
      <Tag>{t('list.count', { count: `${items.length}${cursor ? '+' : ''}` })}</Tag>
      {filtered && <FilterTags filters={filters} onClear={() => navigate('/queue/callbacks')} />}
    </Space>
  );
  return (
    <Card title={title} styles={{ body: { padding: 0 } }}>
      <Table<CallbackItem>
        rowKey="id" loading={loading} dataSource={items} pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: t('list.empty') }}
        onRow={(c) => ({ onClick: () => navigate(`/work-orders/${c.workOrder.id}`), className: 'hy-clickable-row', 'data-testid': `callback-row-${c.workOrder.number}` } as React.HTMLAttributes<HTMLElement>)}
        columns={callbackColumns(t, desk, done)}
        footer={cursor ? () => <Button block onClick={() => void more()} loading={loading}>{t('common.loadMore')}</Button> : undefined}
      />
    </Card>
  );
}

function FilterTags({ filters, onClear }: { filters: CallbackFilters; onClear: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const parts: { key: keyof CallbackFilters; text: string }[] = [];
  if (filters.month) parts.push({ key: 'month', text: t('filter.month', { month: filters.month }) });
  if (filters.outcome) parts.push({ key: 'outcome', text: label(t, 'callbackOutcome', filters.outcome) });
  if (filters.status) parts.push({ key: 'status', text: filters.status.split(',').map((s) => label(t, 'callback.status', s)).join('、') });
  if (filters.due) parts.push({ key: 'due', text: t('filter.overdueCallbacks') });
  if (filters.rating) parts.push({ key: 'rating', text: label(t, 'rating', filters.rating) });
  return (
    <Space size={4} wrap data-testid="filter-tags">
      {parts.map((p) => (
        <Tag key={p.key} color="blue" closable onClose={(e) => {
          e.preventDefault();
          const next = { ...filters };
          delete next[p.key];
          if (Object.keys(next).length === 0) onClear();
          else navigate(callbacksPath(next));
        }}>{p.text}</Tag>
      ))}
    </Space>
  );
}

function callbackColumns(t: Translate, desk: DeskData, done: boolean) {
  const tz = (c: CallbackItem) => desk.timeZoneOf(c.workOrder.siteId);
  return [
    { title: t('list.number'), key: 'n', width: 150, render: (_: unknown, c: CallbackItem) => c.workOrder.number },
    { title: t('list.kind'), key: 'k', width: 90, render: (_: unknown, c: CallbackItem) => label(t, 'kind', c.workOrder.kind) },
    { title: t('list.customer'), key: 'c', width: 200, render: (_: unknown, c: CallbackItem) => `${c.workOrder.customer.name}${c.workOrder.customer.title ?? ''} ${c.workOrder.customer.phone ?? ''}` },
    ...(done
      ? [
          { title: t('callback.rating'), key: 'rt', width: 110, render: (_: unknown, c: CallbackItem) => (c.rating ? <Tag color={c.rating.includes('dissatisfied') ? 'red' : 'green'}>{label(t, 'rating', c.rating)}</Tag> : label(t, 'callback.status', c.status)) },
          { title: t('callback.words'), key: 'w', ellipsis: true, render: (_: unknown, c: CallbackItem) => c.customerWords ?? '' },
        ]
      : [{ title: t('order.result'), key: 'r', ellipsis: true, render: (_: unknown, c: CallbackItem) => c.workOrder.result ?? '' }]),
    { title: t('list.dueAt'), key: 'd', width: 180, render: (_: unknown, c: CallbackItem) => <Typography.Text type={c.overdue && c.status === 'pending' ? 'danger' : undefined}>{formatAt(t, c.dueAt, tz(c))}</Typography.Text> },
  ];
}
