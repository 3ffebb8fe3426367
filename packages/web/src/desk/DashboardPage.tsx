import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { get } from '../shared/api';
import { label, useI18n } from '../shared/i18n';
import { CHANNELS, KINDS, type WorkOrderSummary } from '../shared/types';
import { useLive } from './live';
import { OrderTable } from './OrderTable';

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

export default function DashboardPage() {
  const { t } = useI18n();
  const live = useLive();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [overdue, setOverdue] = useState<WorkOrderSummary[]>([]);

  useEffect(() => {
    void get<Summary>('/dashboard/summary').then(setSummary);
    void get<{ items: WorkOrderSummary[] }>('/work-orders', { overdue: true, sort: 'due_asc', limit: 20 }).then((r) => setOverdue(r.items));
  }, [live.revision]);

  const intakeOption = useMemo(() => {
    if (!summary) return null;
    const channels = CHANNELS.filter((c) => summary.intakeToday.some((r) => r.channel === c));
    const kinds = KINDS.filter((k) => summary.intakeToday.some((r) => r.kind === k));
    return {
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: channels.map((c) => label(t, 'channel', c)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: kinds.map((k) => ({ name: label(t, 'kind', k), type: 'bar', stack: 'all', data: channels.map((c) => summary.intakeToday.find((r) => r.channel === c && r.kind === k)?.count ?? 0) })),
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

  if (!summary) return <Card><Skeleton active /></Card>;
  const chart = (option: Record<string, unknown> | null, empty: boolean, name: string) =>
    empty || !option ? <Empty description={t('dash.empty')} /> : <Suspense fallback={<Skeleton active />}><Chart option={option} label={name} /></Suspense>;

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('dash.title')} <Typography.Text type="secondary" style={{ fontSize: 14 }}>{summary.day} · {t('dash.timeZone', { tz: summary.timeZone })}</Typography.Text></Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}><Card title={t('dash.intakeToday')}>{chart(intakeOption, summary.intakeToday.length === 0, t('dash.intakeToday'))}</Card></Col>
        <Col xs={24} xl={12}><Card title={t('dash.clocks')}>{chart(clockOption, summary.clocksThisMonth.length === 0, t('dash.clocks'))}</Card></Col>
        <Col xs={24} xl={12}><Card title={t('dash.complaints')}>{chart(complaintOption, summary.complaintsThisMonth.length === 0, t('dash.complaints'))}</Card></Col>
        <Col xs={24} xl={12}><Card title={t('dash.overdue')} styles={{ body: { padding: 0 } }}><OrderTable orders={overdue} compact /></Card></Col>
      </Row>
    </>
  );
}
