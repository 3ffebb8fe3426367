import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { MessageOutlined, PlusOutlined } from '@ant-design/icons';
import { get } from '../shared/api';
import { label, useI18n } from '../shared/i18n';
import { formatAt } from '../shared/time';
import type { WorkOrderSummary } from '../shared/types';
import type { PortalSession } from './PortalApp';
import type { PortalCallbackItem } from './PortalCallback';

export default function PortalHome({ session }: { session: PortalSession }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [orders, setOrders] = useState<WorkOrderSummary[] | null>(null);
  const [waiting, setWaiting] = useState<PortalCallbackItem[]>([]);
  useEffect(() => {
    void get<{ items: WorkOrderSummary[] }>('/work-orders', { limit: 50 }).then((r) => setOrders(r.items));
    void get<{ items: PortalCallbackItem[] }>('/portal/callbacks').then((r) => setWaiting(r.items.filter((c) => c.answerable))).catch(() => setWaiting([]));
  }, []);
  const tz = session.sites[0]?.timeZone;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {waiting.length > 0 && (
        <Alert
          type="info"
          showIcon
          icon={<MessageOutlined />}
          data-testid="portal-callbacks-waiting"
          title={t('portalCb.waiting', { n: waiting.length })}
          description={(
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              {waiting.map((c) => (
                <Button key={c.id} type="link" style={{ padding: 0, height: 'auto' }} onClick={() => navigate(`/orders/${c.workOrderId}`)} data-testid={`portal-callback-link-${c.number}`}>
                  {c.number} · {label(t, 'kind', c.kind)} — {t('portalCb.answerNow')}
                </Button>
              ))}
            </Space>
          )}
        />
      )}
      <Button type="primary" size="large" block icon={<PlusOutlined />} onClick={() => navigate('/new')} data-testid="portal-new">{t('portal.newOrder')}</Button>
      <Card title={t('portal.myOrders')} size="small" loading={orders === null}>
        {orders && orders.length === 0 ? <Empty description={t('portal.noOrders')} /> : (
          <List
            dataSource={orders ?? []}
            renderItem={(o) => (
              <List.Item onClick={() => navigate(`/orders/${o.id}`)} style={{ cursor: 'pointer' }} data-testid={`portal-order-${o.number}`}>
                <List.Item.Meta
                  title={<Space wrap><span>{o.number}</span><Tag>{label(t, 'kind', o.kind)}</Tag><Tag color="blue">{label(t, 'status', o.status)}</Tag></Space>}
                  description={<><Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>{o.description}</Typography.Paragraph><Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatAt(t, o.receivedAt, tz)}</Typography.Text></>}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
