import { useNavigate } from 'react-router-dom';
import { Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { label, useI18n, type Translate } from '../shared/i18n';
import { formatAt } from '../shared/time';
import { useDesk, type DeskData } from './session';

/**
 * The order list's filters as URL parameters (/queue/filter?kind=complaint&…),
 * so that a dashboard chart, a bookmark or a colleague's link opens the same
 * orders. The names are GET /work-orders' own.
 */
export const ORDER_FILTERS = ['kind', 'channel', 'status', 'categoryId', 'departmentId', 'overdue', 'from', 'to', 'clockOutcome', 'clockFrom', 'clockTo'] as const;
export type OrderFilters = Partial<Record<(typeof ORDER_FILTERS)[number], string>>;

/** The callback queue's filters (GET /callbacks). */
export const CALLBACK_FILTERS = ['status', 'month', 'outcome', 'rating', 'due'] as const;
export type CallbackFilters = Partial<Record<(typeof CALLBACK_FILTERS)[number], string>>;

export function pickFilters<K extends string>(params: URLSearchParams, names: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = params.get(name);
    if (value) out[name] = value;
  }
  return out;
}

export const ordersPath = (filters: OrderFilters) => `/queue/filter?${new URLSearchParams(filters as Record<string, string>).toString()}`;
export const callbacksPath = (filters: CallbackFilters) => `/queue/callbacks?${new URLSearchParams(filters as Record<string, string>).toString()}`;

/** A period [from, to) as the desk shows it: one day, or the first and last day. */
function period(t: Translate, from: string | undefined, to: string | undefined, timeZone: string): string {
  const start = from ? formatAt(t, from, timeZone, 'fmt.date') : '…';
  if (!to) return `${start} –`;
  const last = formatAt(t, dayjs(to).subtract(1, 'millisecond').toISOString(), timeZone, 'fmt.date');
  return last === start ? start : `${start} – ${last}`;
}

function describeFilters(t: Translate, desk: DeskData, filters: OrderFilters): { key: keyof OrderFilters; text: string; removes: (keyof OrderFilters)[] }[] {
  const out: { key: keyof OrderFilters; text: string; removes: (keyof OrderFilters)[] }[] = [];
  const list = (prefix: string, value: string) => value.split(',').map((v) => label(t, prefix, v)).join('、');
  if (filters.kind) out.push({ key: 'kind', text: list('kind', filters.kind), removes: ['kind'] });
  if (filters.channel) out.push({ key: 'channel', text: list('channel', filters.channel), removes: ['channel'] });
  if (filters.status) out.push({ key: 'status', text: list('status', filters.status), removes: ['status'] });
  if (filters.categoryId) {
    const path = desk.categories.find((c) => String(c.id) === filters.categoryId)?.path;
    out.push({ key: 'categoryId', text: filters.categoryId === 'none' ? t('dash.uncategorised') : path ?? `#${filters.categoryId}`, removes: ['categoryId'] });
  }
  if (filters.departmentId) {
    out.push({ key: 'departmentId', text: filters.departmentId === 'none' ? t('dash.noDepartment') : desk.departmentName(Number(filters.departmentId)), removes: ['departmentId'] });
  }
  if (filters.overdue === 'true') out.push({ key: 'overdue', text: t('queue.overdue'), removes: ['overdue'] });
  if (filters.from || filters.to) out.push({ key: 'from', text: t('filter.received', { period: period(t, filters.from, filters.to, desk.timeZone) }), removes: ['from', 'to'] });
  if (filters.clockOutcome) {
    const text = filters.clockOutcome === 'breached' ? t('filter.clockBreached', { period: period(t, filters.clockFrom, filters.clockTo, desk.timeZone) }) : t('filter.clockMet', { period: period(t, filters.clockFrom, filters.clockTo, desk.timeZone) });
    out.push({ key: 'clockOutcome', text, removes: ['clockOutcome', 'clockFrom', 'clockTo'] });
  }
  return out;
}

/** The active filters as closable tags: closing one widens the list. */
export function FilterTags({ filters }: { filters: OrderFilters }) {
  const { t } = useI18n();
  const desk = useDesk();
  const navigate = useNavigate();
  return (
    <Space size={4} wrap data-testid="filter-tags">
      {describeFilters(t, desk, filters).map((f) => (
        <Tag
          key={f.key}
          color="blue"
          closable
          closeIcon
          onClose={(e) => {
            e.preventDefault();
            const next = { ...filters };
            for (const k of f.removes) delete next[k];
            navigate(Object.keys(next).length ? ordersPath(next) : '/queue/all');
          }}
        >
          {f.text}
        </Tag>
      ))}
    </Space>
  );
}
