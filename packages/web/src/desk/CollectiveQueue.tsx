import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Card, Empty, List, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { get } from '../shared/api';
import { label, useI18n } from '../shared/i18n';
import { formatAt } from '../shared/time';
import { OPEN_STATUSES, type CollectiveGroup } from '../shared/types';
import { useLive } from './live';
import { groupSummary } from './matter';
import { STATUS_COLOR } from './OrderTable';
import { useDesk } from './session';

type Page = { items: CollectiveGroup[]; nextBeforeId: number | null };
type Member = CollectiveGroup['members'][number];

/** Groups with a member still open come first; the count in the menu is theirs. */
export const isActiveGroup = (g: CollectiveGroup) => g.members.some((m) => OPEN_STATUSES.includes(m.status));

/**
 * 集体投诉: five or more customers of one site about the same matter (issue #3
 * item 4), each group with its members, their status and severity. A member
 * opens its work order.
 */
export function CollectiveQueue() {
  const { t } = useI18n();
  const live = useLive();
  const [groups, setGroups] = useState<CollectiveGroup[] | null>(null);
  const [before, setBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (beforeId: number | null) => {
    setLoading(true);
    try {
      const page = await get<Page>('/collective-groups', { limit: 50, beforeId: beforeId ?? undefined });
      setGroups((list) => (beforeId === null ? page.items : [...(list ?? []), ...page.items]));
      setBefore(page.nextBeforeId);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load, live.revision]);

  const sorted = groups ? [...groups.filter(isActiveGroup), ...groups.filter((g) => !isActiveGroup(g))] : [];
  return (
    <Card
      title={<Space><span data-testid="queue-title">{t('queue.collective')}</span><Tag>{t('collective.count', { n: `${sorted.length}${before ? '+' : ''}` })}</Tag></Space>}
      styles={{ body: { padding: groups && groups.length === 0 ? 24 : 0 } }}
    >
      {groups === null ? <div style={{ padding: 24 }}><Skeleton active /></div>
        : groups.length === 0 ? <Empty description={t('collective.empty')} />
        : (
          <List
            dataSource={sorted}
            renderItem={(g) => <GroupItem group={g} />}
            footer={before ? <Button block onClick={() => void load(before)} loading={loading}>{t('common.loadMore')}</Button> : null}
          />
        )}
    </Card>
  );
}

function GroupItem({ group }: { group: CollectiveGroup }) {
  const { t } = useI18n();
  const desk = useDesk();
  const navigate = useNavigate();
  const tz = desk.timeZoneOf(group.siteId);
  const open = group.members.filter((m) => OPEN_STATUSES.includes(m.status)).length;
  const major = group.members.filter((m) => m.severity === 'major').length;
  return (
    <List.Item style={{ display: 'block', padding: '16px 24px' }} data-testid={`collective-group-${group.id}`}>
      <Space wrap size={[8, 4]} style={{ marginBottom: 8 }}>
        <TeamOutlined style={{ color: '#cf1322', fontSize: 18 }} />
        <Typography.Text strong style={{ fontSize: 16 }}>{groupSummary(t, group.summary)}</Typography.Text>
        <Tag color="red" data-testid="collective-customers">{t('collective.customers', { n: group.distinctCustomers })}</Tag>
        <Tag>{t('collective.orders', { n: group.members.length })}</Tag>
        {open > 0 ? <Tag color="orange">{t('collective.open', { n: open })}</Tag> : <Tag color="green">{t('collective.allClosed')}</Tag>}
        {major > 0 && <Tag color="volcano">{t('collective.major', { n: major })}</Tag>}
      </Space>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
        {desk.siteName(group.siteId)} · {t('collective.detectedAt', { at: formatAt(t, group.createdAt, tz) })}
      </Typography.Text>
      <Table<Member>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={group.members}
        onRow={(m) => ({ onClick: () => navigate(`/work-orders/${m.id}`), className: 'hy-clickable-row', tabIndex: 0, onKeyDown: (e) => { if (e.key === 'Enter') navigate(`/work-orders/${m.id}`); } } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('list.number'), dataIndex: 'number', width: 170, render: (n: string, m) => <Typography.Link href={`/work-orders/${m.id}`} onClick={(e) => { e.preventDefault(); navigate(`/work-orders/${m.id}`); }}>{n}</Typography.Link> },
          { title: t('list.status'), dataIndex: 'status', width: 120, render: (s: string) => <Tag color={STATUS_COLOR[s]}>{label(t, 'status', s)}</Tag> },
          { title: t('order.severity'), dataIndex: 'severity', width: 120, render: (s: string | null) => (s ? <Tag color={s === 'major' ? 'red' : 'default'}>{label(t, 'severity', s)}</Tag> : '—') },
          { title: t('list.receivedAt'), dataIndex: 'receivedAt', render: (at: string) => formatAt(t, at, tz) },
        ]}
      />
    </List.Item>
  );
}
