import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { get } from '../shared/api';
import { useI18n } from '../shared/i18n';
import { OPEN_STATUSES, type QueueCounts, type WorkOrderSummary } from '../shared/types';
import { CallbackQueue } from './CallbackQueue';
import { CollectiveQueue } from './CollectiveQueue';
import { useLive } from './live';
import { OrderTable } from './OrderTable';
import { CALLBACK_FILTERS, FilterTags, ORDER_FILTERS, pickFilters, type OrderFilters } from './queue-filters';
import { useDesk, type DeskData } from './session';
import type { QueueKey } from './Shell';

const PAGE = 50;
type Page = { items: WorkOrderSummary[]; nextCursor: string | null };

/** How each queue asks the list API; `keep` filters a page when the API has no such filter. */
function queueQuery(queue: string, desk: DeskData, dueSoonMinutes: number, filters: OrderFilters): { query: Record<string, string | number | boolean | undefined>; keep?: (o: WorkOrderSummary) => boolean; stop?: (o: WorkOrderSummary) => boolean } {
  const open = OPEN_STATUSES.join(',');
  // Opened from a chart or a link: exactly the URL's filters; overdue orders read best by due time.
  if (queue === 'filter') return { query: { ...filters, ...(filters.overdue === 'true' ? { sort: 'due_asc' } : {}) } };
  switch (queue as QueueKey) {
    case 'mine': return { query: { ownerId: 'me', status: open } };
    case 'department': return { query: { departmentId: desk.me.departmentId ?? undefined, status: open } };
    case 'overdue': return { query: { overdue: true, sort: 'due_asc' } };
    case 'unassigned': return { query: { status: 'received' } };
    case 'dueSoon': {
      const now = Date.now();
      const until = now + dueSoonMinutes * 60_000;
      return {
        query: { status: open, sort: 'due_asc' },
        keep: (o) => o.dueAt !== null && Date.parse(o.dueAt) >= now && Date.parse(o.dueAt) < until,
        stop: (o) => o.dueAt !== null && Date.parse(o.dueAt) >= until,
      };
    }
    default: return { query: { status: open } };
  }
}

const PHONE_LIKE = /^[\d\s+()-]{7,}$/;

export default function QueuePage() {
  const { queue = 'all' } = useParams();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const search = params.toString();
  // Memoised on the URL: the lists reload when the filters change, not on every render.
  const orderFilters = useMemo(() => pickFilters(new URLSearchParams(search), ORDER_FILTERS), [search]);
  const callbackFilters = useMemo(() => pickFilters(new URLSearchParams(search), CALLBACK_FILTERS), [search]);
  if (queue === 'callbacks') return <CallbackQueue filters={callbackFilters} />;
  if (queue === 'collective') return <CollectiveQueue />;
  return <OrderQueue key={`${queue}:${search}`} queue={queue} q={q} filters={orderFilters} />;
}

function OrderQueue({ queue, q, filters }: { queue: string; q: string; filters: OrderFilters }) {
  const { t } = useI18n();
  const desk = useDesk();
  const live = useLive();
  const [orders, setOrders] = useState<WorkOrderSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const dueSoon = useRef(120);

  const fetchPage = useCallback(async (after: string | null): Promise<Page> => {
    if (queue === 'search') {
      // Digits look like a phone: search by phone (staff with the contact permission) and by number/words.
      const byText = get<Page>('/work-orders', { q, limit: PAGE, cursor: after ?? undefined });
      if (!PHONE_LIKE.test(q) || !desk.can('contact.view') || after) return byText;
      const [text, phone] = await Promise.all([byText, get<Page>('/work-orders', { phone: q, limit: PAGE })]);
      const seen = new Set(text.items.map((o) => o.id));
      return { items: [...phone.items.filter((o) => !seen.has(o.id)), ...text.items], nextCursor: text.nextCursor };
    }
    const { query, keep, stop } = queueQuery(queue, desk, dueSoon.current, filters);
    let next = after;
    const items: WorkOrderSummary[] = [];
    // Client-side filtered queues read on until a page is full or the sort passes the window.
    for (let round = 0; round < 10; round++) {
      const page = await get<Page>('/work-orders', { ...query, limit: PAGE, cursor: next ?? undefined });
      items.push(...(keep ? page.items.filter(keep) : page.items));
      next = page.nextCursor;
      if (!keep || !next || items.length >= PAGE || page.items.some((o) => stop?.(o))) break;
    }
    if (stop && items.length < PAGE) next = null;
    return { items, nextCursor: next };
  }, [queue, q, desk, filters]);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const counts = await get<QueueCounts>('/dashboard/queues').catch(() => null);
      if (counts) dueSoon.current = counts.dueSoonMinutes;
      const page = await fetchPage(null);
      setOrders(page.items);
      setCursor(page.nextCursor);
    } finally {
      setLoading(false);
    }
  }, [fetchPage]);

  useEffect(() => {
    void reload();
  }, [reload, live.revision]);

  const more = async () => {
    setLoading(true);
    try {
      const page = await fetchPage(cursor);
      setOrders((list) => [...list, ...page.items.filter((o) => !list.some((x) => x.id === o.id))]);
      setCursor(page.nextCursor);
    } finally {
      setLoading(false);
    }
  };

  const title = queue === 'search' ? `${t('queue.search')}：${q}` : t(`queue.${(['all', 'mine', 'department', 'dueSoon', 'overdue', 'unassigned', 'filter'].includes(queue) ? queue : 'all') as QueueKey | 'filter'}`);
  return (
    <Card
      title={<Space wrap><span data-testid="queue-title">{title}</span><Tag>{t('list.count', { count: `${orders.length}${cursor ? '+' : ''}` })}</Tag>{queue === 'filter' && <FilterTags filters={filters} />}</Space>}
      extra={<Button icon={<ReloadOutlined />} onClick={() => void reload()} aria-label={t('common.refresh')}>{t('common.refresh')}</Button>}
      styles={{ body: { padding: 0 } }}
    >
      <OrderTable
        orders={orders}
        loading={loading}
        highlight={live.lastOrder?.id ?? null}
        footer={cursor ? <Button block onClick={() => void more()} loading={loading}>{t('common.loadMore')}</Button> : orders.length > 0 ? <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text> : null}
      />
    </Card>
  );
}
