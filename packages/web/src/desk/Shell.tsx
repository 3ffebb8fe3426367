import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { App as AntApp, Badge, Button, Dropdown, Input, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import {
  AlertOutlined, BarChartOutlined, BellOutlined, ClockCircleOutlined, InboxOutlined, LogoutOutlined, PhoneOutlined, SendOutlined,
  TeamOutlined, UnorderedListOutlined, UsergroupAddOutlined, UserOutlined, WarningOutlined,
} from '@ant-design/icons';
import { get, post } from '../shared/api';
import { useI18n, type Translate } from '../shared/i18n';
import { LanguageSwitch } from '../shared/LanguageSwitch';
import { OPEN_STATUSES, type CollectiveGroup, type Notification, type QueueCounts } from '../shared/types';
import { settingsMenu, settingsMenuKey } from './admin/settingsMenu';
import { languageMenu, languageMenuKey } from './language/languageMenu';
import { LiveProvider, useLive } from './live';
import { useDesk } from './session';

export type QueueKey = 'all' | 'mine' | 'department' | 'dueSoon' | 'overdue' | 'unassigned' | 'callbacks' | 'collective';

function notificationText(t: Translate, n: Notification): string {
  const number = String(n.data.number ?? n.data.workOrderNumber ?? (n.workOrderId ? `#${n.workOrderId}` : ''));
  switch (n.type) {
    case 'clock_warning': return t('notify.clock_warning', { number });
    case 'clock_breached': return t('notify.clock_breached', { number });
    case 'major_complaint': return t('notify.major_complaint', { number });
    case 'collective_complaint': return t('notify.collective_complaint');
    default: return t('notify.other');
  }
}

function Inner({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const desk = useDesk();
  const live = useLive();
  const navigate = useNavigate();
  const location = useLocation();
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [callbacks, setCallbacks] = useState<string | null>(null);
  const [collective, setCollective] = useState<number | string | null>(null);

  const reloadCounts = useCallback(async () => {
    const [queues, todo, groups] = await Promise.all([
      get<QueueCounts>('/dashboard/queues').catch(() => null),
      desk.can('work_order.dispatch') ? get<{ items: unknown[]; nextCursor: string | null }>('/callbacks', { limit: 200 }).catch(() => null) : Promise.resolve(null),
      desk.can('work_order.read_site') ? get<{ items: CollectiveGroup[]; nextBeforeId: number | null }>('/collective-groups', { limit: 50 }).catch(() => null) : Promise.resolve(null),
    ]);
    setCounts(queues);
    setCallbacks(todo ? `${todo.items.length}${todo.nextCursor ? '+' : ''}` : null);
    // The badge counts the groups still being handled: at least one member open.
    const active = groups?.items.filter((g) => g.members.some((m) => OPEN_STATUSES.includes(m.status))).length;
    setCollective(groups ? (groups.nextBeforeId ? `${active}+` : active ?? 0) : null);
  }, [desk]);

  useEffect(() => {
    void reloadCounts();
    const timer = setInterval(() => void reloadCounts(), 30_000);
    return () => clearInterval(timer);
  }, [reloadCounts, live.revision, location.pathname]);

  const queueItem = (key: QueueKey, icon: ReactNode, count: number | string | null | undefined, danger = false) => ({
    key: `/queue/${key}`,
    icon,
    label: (
      <span style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }} data-testid={`queue-${key}`}>
        <span>{t(`queue.${key}`)}</span>
        {count !== null && count !== undefined && (
          <Badge count={count} showZero overflowCount={9999} color={danger && count !== 0 ? '#cf1322' : '#8c8c8c'} aria-label={`${count}`} />
        )}
      </span>
    ),
  });

  const items = [
    { key: '/intake', icon: <PhoneOutlined />, label: t('nav.intake'), disabled: !desk.can('work_order.create') },
    { type: 'divider' as const },
    {
      type: 'group' as const,
      label: t('nav.queues'),
      children: [
        queueItem('all', <UnorderedListOutlined />, counts?.open),
        queueItem('mine', <UserOutlined />, counts?.mine),
        ...(desk.me.departmentId !== null ? [queueItem('department', <TeamOutlined />, counts?.department)] : []),
        queueItem('dueSoon', <ClockCircleOutlined />, counts?.dueSoon),
        queueItem('overdue', <WarningOutlined />, counts?.overdue, true),
        queueItem('unassigned', <InboxOutlined />, counts?.unassigned),
        ...(callbacks !== null ? [queueItem('callbacks', <SendOutlined />, callbacks)] : []),
        ...(collective !== null ? [queueItem('collective', <UsergroupAddOutlined />, collective, true)] : []),
      ],
    },
    { type: 'divider' as const },
    { key: '/dashboard', icon: <BarChartOutlined />, label: t('nav.dashboard') },
    ...languageMenu(t, desk.can),
    ...settingsMenu(t, desk.can),
  ];

  const selected = location.pathname === '/' ? '/queue/all' : languageMenuKey(location.pathname) ?? settingsMenuKey(location.pathname) ?? location.pathname;

  const notificationMenu = {
    items: live.notifications.length === 0
      ? [{ key: 'none', label: t('nav.noNotifications'), disabled: true }]
      : [
          ...live.notifications.slice(0, 12).map((n) => ({
            key: String(n.id),
            icon: n.type === 'clock_breached' ? <AlertOutlined style={{ color: '#cf1322' }} /> : <BellOutlined />,
            label: <span style={{ fontWeight: n.readAt ? 400 : 600 }}>{notificationText(t, n)}</span>,
            onClick: () => n.workOrderId && navigate(`/work-orders/${n.workOrderId}`),
          })),
          { type: 'divider' as const },
          { key: 'read', label: t('nav.markAllRead'), onClick: () => { void post('/notifications/read', { all: true }); live.markAllRead(); } },
        ],
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#fff', borderBottom: '1px solid #eef0f3', padding: '0 20px', position: 'sticky', top: 0, zIndex: 10 }}>
        <Link to="/" style={{ display: 'flex', alignItems: 'baseline', gap: 8, whiteSpace: 'nowrap' }}>
          <Typography.Title level={4} style={{ margin: 0, color: '#1668dc' }}>{t('app.name')}</Typography.Title>
          <Typography.Text type="secondary">{t('app.desk')}</Typography.Text>
        </Link>
        <Input.Search
          placeholder={t('search.placeholder')}
          aria-label={t('search.placeholder')}
          allowClear
          style={{ maxWidth: 460 }}
          data-testid="search"
          onSearch={(value) => value.trim() && navigate(`/queue/search?q=${encodeURIComponent(value.trim())}`)}
        />
        <div style={{ flex: 1 }} />
        <Space size="middle">
          <Tooltip title={live.connected ? t('nav.live') : t('nav.offline')}>
            <Tag color={live.connected ? 'green' : 'orange'} data-testid="live-status">{live.connected ? t('nav.live') : t('nav.offline')}</Tag>
          </Tooltip>
          <Dropdown menu={notificationMenu} trigger={['click']} placement="bottomRight">
            <Button type="text" aria-label={t('nav.notifications')} data-testid="notifications">
              <Badge count={live.unread} size="small"><BellOutlined style={{ fontSize: 18 }} /></Badge>
            </Button>
          </Dropdown>
          <LanguageSwitch />
          <Typography.Text data-testid="me">{desk.me.displayName}{desk.me.employeeNo ? `（${desk.me.employeeNo}）` : ''}</Typography.Text>
          <Button icon={<LogoutOutlined />} onClick={desk.logout}>{t('nav.logout')}</Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={232} theme="light" style={{ borderRight: '1px solid #eef0f3' }}>
          <Menu mode="inline" selectedKeys={[selected]} items={items} onClick={({ key }) => navigate(key)} style={{ borderInlineEnd: 'none', paddingTop: 8 }} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 20, minWidth: 0 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}

export function Shell({ children, initialNotifications }: { children: ReactNode; initialNotifications: Notification[] }) {
  return (
    <AntApp>
      <LiveBridge initialNotifications={initialNotifications}>{children}</LiveBridge>
    </AntApp>
  );
}

function LiveBridge({ children, initialNotifications }: { children: ReactNode; initialNotifications: Notification[] }) {
  const { t } = useI18n();
  const { notification } = AntApp.useApp();
  const navigate = useNavigate();
  return (
    <LiveProvider
      initial={initialNotifications}
      onOrder={(order) => notification.info({
        title: t('list.newOrder', { number: order.number }),
        description: order.description.slice(0, 60),
        placement: 'bottomRight',
        onClick: () => navigate(`/work-orders/${order.id}`),
      })}
      onNotification={(n) => notification.warning({ title: notificationText(t, n), placement: 'bottomRight', onClick: () => n.workOrderId && navigate(`/work-orders/${n.workOrderId}`) })}
    >
      <Inner>{children}</Inner>
    </LiveProvider>
  );
}
