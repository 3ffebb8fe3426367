import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { App, Button, Card, DatePicker, Empty, Select, Skeleton, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { get } from '../../shared/api';
import { label, useI18n } from '../../shared/i18n';
import { formatAt } from '../../shared/time';
import { useDesk } from '../session';
import { problemText } from './feedback';
import { ImportTranscripts } from './ImportTranscripts';
import { inBand, Score, scoreColor, type ScoreBand } from './score';
import { agentName, QUALITY_CHECKS, type ConversationSummary, type MonthlyRow } from './types';

const Chart = lazy(() => import('../Chart'));

/** Quality inspection (质检): the inspected conversations, and each agent's month. */
export default function QualityPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'agents' ? 'agents' : 'conversations';
  return (
    <>
      <Space align="baseline" wrap style={{ marginBottom: 4 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="quality-title">{t('language.quality.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('language.quality.subtitle')}</Typography.Text>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'agents' ? { tab: key } : {})}
        items={[
          { key: 'conversations', label: t('language.quality.conversations'), children: <Conversations /> },
          { key: 'agents', label: t('language.quality.agents'), children: <AgentMonth /> },
        ]}
      />
    </>
  );
}

function Conversations() {
  const { t } = useI18n();
  const desk = useDesk();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [items, setItems] = useState<ConversationSummary[] | null>(null);
  const [importing, setImporting] = useState(false);
  const canInspect = desk.can('quality.inspect');
  const date = params.get('date') ?? '';
  const agentId = params.get('agent') ? Number(params.get('agent')) : undefined;
  const band = (params.get('score') ?? 'all') as ScoreBand | 'all';

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const load = useCallback(async () => {
    setItems(null);
    try {
      setItems((await get<{ items: ConversationSummary[] }>('/quality/conversations', { date: date || undefined, agentId, limit: 500 })).items);
    } catch (e) {
      setItems([]);
      message.error(problemText(t, e));
    }
  }, [date, agentId, message, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const rows = useMemo(() => (items ?? []).filter((c) => inBand(c.score, band)), [items, band]);
  const agents = desk.staff.filter((s) => s.role !== 'customer');

  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker
          value={date ? dayjs(date) : null}
          onChange={(d: Dayjs | null) => setFilter('date', d ? d.format('YYYY-MM-DD') : undefined)}
          placeholder={t('language.quality.day')}
          aria-label={t('language.quality.day')}
          id="quality-date"
        />
        {canInspect && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('language.quality.agent')}
            aria-label={t('language.quality.agent')}
            style={{ width: 180 }}
            value={agentId}
            onChange={(v: number | undefined) => setFilter('agent', v ? String(v) : undefined)}
            options={agents.map((s) => ({ value: s.id, label: `${s.name}${s.employeeNo ? `（${s.employeeNo}）` : ''}` }))}
          />
        )}
        <Select
          value={band}
          style={{ width: 150 }}
          aria-label={t('language.quality.scoreBand')}
          onChange={(v: string) => setFilter('score', v === 'all' ? undefined : v)}
          options={(['all', 'good', 'fair', 'poor'] as const).map((b) => ({ value: b, label: t(`language.quality.band.${b}`) }))}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label={t('common.refresh')} />
        {canInspect && <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-open">{t('language.import.title')}</Button>}
        {items && <Typography.Text type="secondary">{t('language.quality.count', { n: rows.length })}</Typography.Text>}
      </Space>
      <Table<ConversationSummary>
        rowKey="id"
        size="small"
        loading={!items}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="conversation-table"
        onRow={(c) => ({ onClick: () => navigate(`/language/quality/${c.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: <Empty description={canInspect ? t('language.quality.emptyInspector') : t('language.quality.empty')} /> }}
        columns={[
          { title: t('language.quality.startedAt'), dataIndex: 'startedAt', width: 172, render: (v: string) => formatAt(t, v, desk.timeZone) },
          {
            title: t('language.quality.conversation'), key: 'conversation', width: 150,
            render: (_, c) => (
              <Space size={4} wrap>
                <Typography.Text>{c.externalId ?? `#${c.id}`}</Typography.Text>
                <Tag>{label(t, 'language.channel', c.channel)}</Tag>
                {c.complaint && <Tag color="volcano">{t('language.quality.complaint')}</Tag>}
              </Space>
            ),
          },
          { title: t('language.quality.agent'), key: 'agent', width: 130, render: (_, c) => agentName(c.agent) },
          { title: t('language.quality.score'), dataIndex: 'score', width: 110, sorter: (a, b) => a.score - b.score, render: (_, c) => <Score score={c.score} original={c.originalScore} /> },
          {
            title: t('language.quality.reasons'), key: 'reasons',
            render: (_, c) => (c.reasons.length === 0 ? <Typography.Text type="success">{t('language.quality.noFindings')}</Typography.Text> : (
              <div data-testid="reasons">
                {c.reasons.map((r) => (
                  <div key={r.findingId} style={{ fontSize: 13 }}>
                    <Tag color="red" style={{ marginInlineEnd: 4 }}>{label(t, 'language.check', r.check)}</Tag>
                    <Typography.Text type="secondary">{t('language.quality.turnNo', { n: r.turnIndex + 1 })}</Typography.Text> {r.message}
                  </div>
                ))}
              </div>
            )),
          },
          { title: t('language.quality.reviewed'), dataIndex: 'reviewed', width: 80, render: (v: boolean) => (v ? <Tag color="green">{t('language.quality.reviewedYes')}</Tag> : <Typography.Text type="secondary">—</Typography.Text>) },
        ]}
      />
      <ImportTranscripts open={importing} onClose={() => setImporting(false)} onImported={() => void load()} />
    </Card>
  );
}

function AgentMonth() {
  const { t } = useI18n();
  const desk = useDesk();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? '';
  const [data, setData] = useState<{ month: string; items: MonthlyRow[] } | null>(null);

  useEffect(() => {
    setData(null);
    get<{ month: string; items: MonthlyRow[] }>('/quality/agents', { month: month || undefined })
      .then(setData)
      .catch((e: unknown) => { setData({ month, items: [] }); message.error(problemText(t, e)); });
  }, [month, message, t]);

  const option = useMemo(() => data && data.items.length > 0 && {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: data.items.map((r) => agentName(r.agent)) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [{
      name: t('language.quality.average'), type: 'bar', barMaxWidth: 40, label: { show: true, position: 'top' },
      data: data.items.map((r) => ({ value: r.averageScore, itemStyle: { color: scoreColor(r.averageScore) } })),
    }],
  }, [data, t]);

  // Only the checks that cost anyone a point this month get a column: the table stays narrow.
  const checks = QUALITY_CHECKS.filter((c) => data?.items.some((r) => (r.findingsByCheck[c] ?? 0) > 0));

  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          value={data?.month ? dayjs(`${data.month}-01`) : null}
          onChange={(d: Dayjs | null) => setParams(d ? { tab: 'agents', month: d.format('YYYY-MM') } : { tab: 'agents' })}
          aria-label={t('language.quality.month')}
          allowClear={false}
        />
        {!desk.can('quality.inspect') && <Typography.Text type="secondary">{t('language.quality.ownOnly')}</Typography.Text>}
      </Space>
      {option && <Suspense fallback={<Skeleton active />}><Chart option={option} height={220} label={t('language.quality.average')} /></Suspense>}
      <Table<MonthlyRow>
        rowKey={(r) => r.agent.id}
        size="small"
        loading={!data}
        dataSource={data?.items ?? []}
        pagination={false}
        data-testid="agent-month"
        columns={[
          { title: t('language.quality.agent'), key: 'agent', render: (_, r) => agentName(r.agent) },
          { title: t('language.quality.conversationCount'), dataIndex: 'conversations', width: 90, align: 'right' },
          { title: t('language.quality.average'), dataIndex: 'averageScore', width: 90, align: 'right', sorter: (a, b) => a.averageScore - b.averageScore, defaultSortOrder: 'ascend', render: (v: number) => <span style={{ color: scoreColor(v), fontWeight: 600 }}>{v}</span> },
          { title: t('language.quality.lowest'), dataIndex: 'lowestScore', width: 90, align: 'right', render: (v: number) => <Score score={v} size={14} /> },
          ...checks.map((c) => ({
            title: <Tooltip title={t('language.quality.findingsOf', { check: label(t, 'language.check', c) })}>{label(t, 'language.check', c)}</Tooltip>,
            key: c, width: 90, align: 'right' as const,
            render: (_: unknown, r: MonthlyRow) => { const n = r.findingsByCheck[c] ?? 0; return n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : <Typography.Text type="secondary">0</Typography.Text>; },
          })),
        ]}
      />
    </Card>
  );
}
