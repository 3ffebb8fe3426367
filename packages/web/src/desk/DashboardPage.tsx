import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { get } from '../shared/api';
import { label, useI18n } from '../shared/i18n';
import { CHANNELS, KINDS, RATINGS, type WorkOrderSummary } from '../shared/types';
import type { ChartClick } from './Chart';
import { useLive } from './live';
import { OrderTable } from './OrderTable';
import { callbacksPath, ordersPath } from './queue-filters';
import { useDesk } from './session';

// ECharts is ~1 MB: it loads only when the dashboard is opened.
const Chart = lazy(() => import('./Chart'));

interface Summary {
  timeZone: string;
  day: string;
  month: string;
  intakeToday: { channel: string; kind: string; count: number }[];
  clocksThisMonth: { departmentId: number | null; departmentName: string | null; met: number; breached: number }[];
  complaintsThisMonth: { categoryId: number | null; categoryPath: string | null; count: number }[];
}

interface CallbackStats {
  required: { total: number; done: number; doneWithinLimit: number; unreachable: number; waived: number; pending: number; overdue: number; closedUnrecorded: number; rate: number | null };
  satisfaction: { distribution: Record<string, number>; rated: number; satisfied: number; satisfiedRate: number | null; reopened: number };
}

/** The bars of the callback-rate chart, each with the callback queue's filter that lists them. */
const CALLBACK_BARS = [
  { key: 'doneInTime', color: '#389e0d', status: 'done' },
  { key: 'doneLate', color: '#95de64', status: 'done' },
  { key: 'pending', color: '#1668dc', status: 'pending' },
  { key: 'overdue', color: '#cf1322', status: 'pending', overdue: true },
  { key: 'unreachable', color: '#8c8c8c', status: 'unreachable' },
  { key: 'waived', color: '#bfbfbf', status: 'waived' },
  { key: 'closedUnrecorded', color: '#fa8c16', status: 'closed_unrecorded' },
] as const;
const RATING_COLORS: Record<string, string> = { very_satisfied: '#237804', satisfied: '#73d13d', neutral: '#fadb14', dissatisfied: '#fa8c16', very_dissatisfied: '#cf1322' };

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

/** A headline figure in a card's header: what it is, then the number. */
function Figure({ label: text, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <span data-testid={testId}>
      <Typography.Text type="secondary">{text}</Typography.Text>{' '}
      <Typography.Text strong style={{ fontSize: 20, fontVariantNumeric: 'tabular-nums' }}>{value}</Typography.Text>
    </span>
  );
}

/**
 * Today's intake, this month's clocks, complaints and callbacks (issue #4). Every
 * chart opens the orders behind what was clicked: the order list or the
 * callback queue with the matching filters.
 */
export default function DashboardPage() {
  const { t } = useI18n();
  const live = useLive();
  const desk = useDesk();
  const navigate = useNavigate();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [callbacks, setCallbacks] = useState<CallbackStats | null>(null);
  const [overdue, setOverdue] = useState<WorkOrderSummary[]>([]);

  useEffect(() => {
    void get<Summary>('/dashboard/summary').then(setSummary);
    void get<{ items: WorkOrderSummary[] }>('/work-orders', { overdue: true, sort: 'due_asc', limit: 20 }).then((r) => setOverdue(r.items));
  }, [live.revision]);
  useEffect(() => {
    // Callback figures are the desk's: department staff have none to see.
    if (!summary || !desk.can('work_order.read_site')) return;
    void get<CallbackStats>('/callbacks/stats', { month: summary.month }).then(setCallbacks).catch(() => setCallbacks(null));
  }, [summary, desk]);

  // The periods the summary counted, as instants: the site's local day and month.
  const periods = useMemo(() => {
    if (!summary) return null;
    const day = dayjs.tz(summary.day, summary.timeZone);
    const month = dayjs.tz(`${summary.month}-01`, summary.timeZone);
    return {
      today: { from: day.toISOString(), to: day.add(1, 'day').toISOString() },
      month: { from: month.toISOString(), to: month.add(1, 'month').toISOString() },
    };
  }, [summary]);

  const intake = useMemo(() => {
    if (!summary) return null;
    const channels = CHANNELS.filter((c) => summary.intakeToday.some((r) => r.channel === c));
    const kinds = KINDS.filter((k) => summary.intakeToday.some((r) => r.kind === k));
    return {
      channels, kinds,
      option: {
        tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 40, right: 16, top: 36, bottom: 28 },
        xAxis: { type: 'category', data: channels.map((c) => label(t, 'channel', c)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: kinds.map((k) => ({ name: label(t, 'kind', k), type: 'bar', stack: 'all', data: channels.map((c) => summary.intakeToday.find((r) => r.channel === c && r.kind === k)?.count ?? 0) })),
      },
    };
  }, [summary, t]);

  const clockOption = useMemo(() => summary && {
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: summary.clocksThisMonth.map((r) => r.departmentName ?? t('dash.noDepartment')) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('dash.met'), type: 'bar', itemStyle: { color: '#52c41a' }, data: summary.clocksThisMonth.map((r) => r.met) },
      { name: t('dash.breached'), type: 'bar', itemStyle: { color: '#cf1322' }, data: summary.clocksThisMonth.map((r) => r.breached) },
    ],
  }, [summary, t]);

  const complaintOption = useMemo(() => summary && {
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['40%', '70%'], data: summary.complaintsThisMonth.map((r) => ({ name: r.categoryPath ?? t('dash.uncategorised'), value: r.count })) }],
  }, [summary, t]);

  const callbackBars = useMemo(() => {
    if (!callbacks) return null;
    const r = callbacks.required;
    const values: Record<(typeof CALLBACK_BARS)[number]['key'], number> = {
      doneInTime: r.doneWithinLimit, doneLate: r.done - r.doneWithinLimit, pending: r.pending, overdue: r.overdue,
      unreachable: r.unreachable, waived: r.waived, closedUnrecorded: r.closedUnrecorded,
    };
    return {
      tooltip: { trigger: 'item' }, grid: { left: 96, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: CALLBACK_BARS.map((b) => t(`dashCb.${b.key}`)) },
      series: [{ type: 'bar', barMaxWidth: 18, data: CALLBACK_BARS.map((b) => ({ value: values[b.key], itemStyle: { color: b.color } })) }],
    };
  }, [callbacks, t]);

  const satisfactionOption = useMemo(() => callbacks && {
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' }, legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['40%', '66%'], center: ['50%', '44%'],
      data: RATINGS.filter((r) => (callbacks.satisfaction.distribution[r] ?? 0) > 0).map((r) => ({ name: label(t, 'rating', r), value: callbacks.satisfaction.distribution[r], itemStyle: { color: RATING_COLORS[r] } })),
    }],
  }, [callbacks, t]);

  if (!summary || !periods) return <Card><Skeleton active /></Card>;
  const chart = (option: Record<string, unknown> | null, empty: boolean, name: string, testId: string, onClick: (c: ChartClick) => void) =>
    empty || !option ? <Empty description={t('dash.empty')} /> : <Suspense fallback={<Skeleton active />}><Chart option={option} label={name} testId={testId} onClick={onClick} /></Suspense>;

  const openIntake = ({ seriesIndex, dataIndex }: ChartClick) => {
    const channel = intake?.channels[dataIndex];
    const kind = intake?.kinds[seriesIndex];
    if (channel && kind) navigate(ordersPath({ channel, kind, ...periods.today }));
  };
  const openClocks = ({ seriesIndex, dataIndex }: ChartClick) => {
    const row = summary.clocksThisMonth[dataIndex];
    if (!row) return;
    navigate(ordersPath({
      departmentId: row.departmentId === null ? 'none' : String(row.departmentId),
      clockOutcome: seriesIndex === 1 ? 'breached' : 'met', clockFrom: periods.month.from, clockTo: periods.month.to,
    }));
  };
  const openComplaints = ({ dataIndex }: ChartClick) => {
    const row = summary.complaintsThisMonth[dataIndex];
    if (row) navigate(ordersPath({ kind: 'complaint', categoryId: row.categoryId === null ? 'none' : String(row.categoryId), ...periods.month }));
  };
  const openCallbacks = ({ dataIndex }: ChartClick) => {
    const bar = CALLBACK_BARS[dataIndex];
    if (!bar) return;
    navigate(callbacksPath({ month: summary.month, outcome: 'required', status: bar.status, ...('overdue' in bar ? { due: new Date().toISOString() } : {}) }));
  };
  const openRating = ({ dataIndex }: ChartClick) => {
    const rating = RATINGS.filter((r) => (callbacks?.satisfaction.distribution[r] ?? 0) > 0)[dataIndex];
    if (rating) navigate(callbacksPath({ month: summary.month, status: 'done', rating }));
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('dash.title')} <Typography.Text type="secondary" style={{ fontSize: 14 }}>{summary.day} · {t('dash.timeZone', { tz: summary.timeZone })} · {t('dashCb.clickHint')}</Typography.Text>
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}><Card title={t('dash.intakeToday')}>{chart(intake?.option ?? null, summary.intakeToday.length === 0, t('dash.intakeToday'), 'chart-intake', openIntake)}</Card></Col>
        <Col xs={24} xl={12}><Card title={t('dash.clocks')}>{chart(clockOption, summary.clocksThisMonth.length === 0, t('dash.clocks'), 'chart-clocks', openClocks)}</Card></Col>
        <Col xs={24} xl={12}><Card title={t('dash.complaints')}>{chart(complaintOption, summary.complaintsThisMonth.length === 0, t('dash.complaints'), 'chart-complaints', openComplaints)}</Card></Col>
        <Col xs={24} xl={12}>
          <Card title={t('dash.overdue')} styles={{ body: { padding: 0 } }} extra={<Button type="link" onClick={() => navigate('/queue/overdue')}>{t('dashCb.all')}</Button>}>
            <OrderTable orders={overdue} compact />
          </Card>
        </Col>
        {callbacks && (
          <>
            <Col xs={24} xl={12}>
              <Card title={t('dashCb.rateTitle')} extra={<Figure label={t('dashCb.rate')} value={percent(callbacks.required.rate)} testId="callback-rate" />}>
                {chart(callbackBars, callbacks.required.total === 0, t('dashCb.rateTitle'), 'chart-callbacks', openCallbacks)}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('dashCb.satisfactionTitle')} extra={<Figure label={t('dashCb.satisfied', { n: callbacks.satisfaction.rated })} value={percent(callbacks.satisfaction.satisfiedRate)} testId="satisfaction-rate" />}>
                {chart(satisfactionOption, callbacks.satisfaction.rated === 0, t('dashCb.satisfactionTitle'), 'chart-satisfaction', openRating)}
              </Card>
            </Col>
          </>
        )}
      </Row>
    </>
  );
}
