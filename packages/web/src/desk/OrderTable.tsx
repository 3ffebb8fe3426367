import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router-dom';
import { label, useI18n } from '../shared/i18n';
import { formatAt, formatDuration } from '../shared/time';
import type { WorkOrderSummary } from '../shared/types';
import { useNow } from '../shared/useNow';
import { useDesk } from './session';

export const STATUS_COLOR: Record<string, string> = {
  received: 'blue', dispatched: 'geekblue', in_progress: 'processing', result_given: 'cyan', awaiting_callback: 'purple', closed: 'default', cancelled: 'default',
};
export const KIND_COLOR: Record<string, string> = { complaint: 'red', repair: 'orange', inquiry: 'blue', help: 'gold', suggestion: 'green', praise: 'magenta' };

/** Work orders as a table; a row opens the order (Enter works too: rows are focusable). */
export function OrderTable({ orders, loading, footer, highlight, compact }: { orders: WorkOrderSummary[]; loading?: boolean; footer?: React.ReactNode; highlight?: number | null; compact?: boolean }) {
  const { t } = useI18n();
  const desk = useDesk();
  const navigate = useNavigate();
  const now = useNow(1000);

  const columns: ColumnsType<WorkOrderSummary> = [
    { title: t('list.number'), dataIndex: 'number', width: 150, render: (number: string, o) => <Typography.Link href={`/work-orders/${o.id}`} onClick={(e) => { e.preventDefault(); navigate(`/work-orders/${o.id}`); }}>{number}</Typography.Link> },
    { title: t('list.kind'), dataIndex: 'kind', width: 90, render: (kind: string) => <Tag color={KIND_COLOR[kind]}>{label(t, 'kind', kind)}</Tag> },
    { title: t('list.status'), dataIndex: 'status', width: 110, render: (status: string) => <Tag color={STATUS_COLOR[status]}>{label(t, 'status', status)}</Tag> },
    { title: t('list.customer'), key: 'customer', width: 150, render: (_, o) => <span>{o.customer.name}{o.customer.title ?? ''}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.customer.phone ?? ''}</Typography.Text></span> },
    { title: t('list.unit'), dataIndex: 'unit', width: 140, ellipsis: true },
    { title: t('list.description'), dataIndex: 'description', ellipsis: true, render: (text: string) => <Tooltip title={text} placement="topLeft">{text}</Tooltip> },
    { title: t('list.receivedAt'), dataIndex: 'receivedAt', width: 170, render: (at: string, o) => formatAt(t, at, desk.timeZoneOf(o.siteId)) },
    {
      title: t('list.dueAt'), dataIndex: 'dueAt', width: 170,
      render: (at: string | null, o) => {
        if (!at || o.status === 'closed' || o.status === 'cancelled') return <Typography.Text type="secondary">—</Typography.Text>;
        const left = Date.parse(at) - now;
        return (
          <span className="hy-countdown">
            <Typography.Text type={left < 0 ? 'danger' : left < 30 * 60_000 ? 'warning' : undefined} strong={left < 0}>
              {left < 0 ? t('clock.over', { time: formatDuration(t, left) }) : t('clock.left', { time: formatDuration(t, left) })}
            </Typography.Text>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatAt(t, at, desk.timeZoneOf(o.siteId))}</Typography.Text>
          </span>
        );
      },
    },
  ];

  // The dashboard's half-width card keeps only what tells an order apart and how late it is.
  const shown = compact ? columns.filter((c) => ['number', 'kind', 'description', 'dueAt'].includes(String((c as { dataIndex?: string }).dataIndex))) : columns;
  return (
    <Table<WorkOrderSummary>
      rowKey="id"
      size="middle"
      columns={shown}
      dataSource={orders}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('list.empty') }}
      rowClassName={(o) => (o.id === highlight ? 'hy-clickable-row ant-table-row-selected' : 'hy-clickable-row')}
      onRow={(o) => ({
        onClick: () => navigate(`/work-orders/${o.id}`),
        onKeyDown: (e) => { if (e.key === 'Enter') navigate(`/work-orders/${o.id}`); },
        tabIndex: 0,
        'data-testid': `order-row-${o.number}`,
      } as React.HTMLAttributes<HTMLElement>)}
      footer={footer ? () => footer : undefined}
      scroll={compact ? undefined : { x: 1100 }}
    />
  );
}
