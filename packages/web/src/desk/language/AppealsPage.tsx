import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { get } from '../../shared/api';
import { label, useI18n } from '../../shared/i18n';
import { formatAt } from '../../shared/time';
import { useDesk } from '../session';
import { DecisionDialog, type DecisionTarget } from './AppealDialogs';
import { problemText } from './feedback';
import { agentName, type AppealRow } from './types';

type Status = 'pending' | 'accepted' | 'rejected' | 'all';
const STATUS_COLOR = { pending: 'gold', accepted: 'green', rejected: 'default' } as const;

/** Appeals against quality findings: supervisors decide the pending ones; agents follow their own. */
export default function AppealsPage() {
  const { t } = useI18n();
  const desk = useDesk();
  const { message } = App.useApp();
  const canDecide = desk.can('quality.inspect');
  const [status, setStatus] = useState<Status>(canDecide ? 'pending' : 'all');
  const [items, setItems] = useState<AppealRow[] | null>(null);
  const [deciding, setDeciding] = useState<DecisionTarget | null>(null);

  const load = useCallback(async () => {
    setItems(null);
    try {
      setItems((await get<{ items: AppealRow[] }>('/quality/appeals', { status: status === 'all' ? undefined : status, limit: 500 })).items);
    } catch (e) {
      setItems([]);
      message.error(problemText(t, e));
    }
  }, [status, message, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const summary = (a: AppealRow) => `${label(t, 'language.check', a.finding.check)} · ${t('language.quality.turnNo', { n: a.finding.turnIndex + 1 })} · ${a.finding.message}`;

  return (
    <>
      <Space align="baseline" wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="appeals-title">{t('language.appeals.title')}</Typography.Title>
        <Typography.Text type="secondary">{canDecide ? t('language.appeals.subtitleSupervisor') : t('language.appeals.subtitleAgent')}</Typography.Text>
      </Space>
      <Card size="small">
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as Status)}
          options={(['pending', 'accepted', 'rejected', 'all'] as const).map((s) => ({ value: s, label: s === 'all' ? t('language.appeals.all') : t(`language.appealStatus.${s}`) }))}
          style={{ marginBottom: 12 }}
        />
        <Table<AppealRow>
          rowKey="id"
          size="small"
          loading={!items}
          dataSource={items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: t('language.appeals.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatAt(t, v, desk.timeZone) },
            { title: t('language.appeals.appellant'), key: 'appellant', width: 120, render: (_, a) => agentName(a.appellant) },
            {
              title: t('language.appeals.finding'), key: 'finding',
              render: (_, a) => (
                <>
                  <Tag color="red">{label(t, 'language.check', a.finding.check)}</Tag>
                  <Link to={`/language/quality/${a.conversationId}`}>{t('language.quality.turnNo', { n: a.finding.turnIndex + 1 })}</Link>{' '}
                  {a.finding.message}
                </>
              ),
            },
            { title: t('language.appeal.reason'), dataIndex: 'reason', width: 240 },
            {
              title: t('language.appeals.status'), key: 'status', width: 200,
              render: (_, a) => (
                <>
                  <Tag color={STATUS_COLOR[a.status]}>{t(`language.appealStatus.${a.status}`)}</Tag>
                  {a.decisionNote && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.decisionNote}</Typography.Text></div>}
                </>
              ),
            },
            ...(canDecide && (status === 'pending' || status === 'all') ? [{
              title: t('language.actions'), key: 'actions', width: 130,
              render: (_: unknown, a: AppealRow) => (a.status === 'pending' ? (
                <Space size={4}>
                  <Button size="small" type="primary" ghost onClick={() => setDeciding({ appealId: a.id, summary: summary(a), reason: a.reason, accepted: true })} data-testid="appeal-accept">{t('language.decision.acceptShort')}</Button>
                  <Button size="small" onClick={() => setDeciding({ appealId: a.id, summary: summary(a), reason: a.reason, accepted: false })} data-testid="appeal-reject">{t('language.decision.rejectShort')}</Button>
                </Space>
              ) : null),
            }] : []),
          ]}
        />
      </Card>
      <DecisionDialog target={deciding} onClose={() => setDeciding(null)} onDone={() => { setDeciding(null); void load(); }} />
    </>
  );
}
