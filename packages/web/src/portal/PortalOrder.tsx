import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Form, Image, Input, Rate, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { ApiError, api, get, post } from '../shared/api';
import { label, useI18n } from '../shared/i18n';
import { formatAt } from '../shared/time';
import { RATINGS, type Photo, type WorkOrderDetail } from '../shared/types';
import { OrderTimeline } from '../desk/OrderTimeline';
import type { PortalSession } from './PortalApp';

const STARS = [...RATINGS].reverse();

/** The customer-visible timeline, the result, confirmation with a rating, and a message box. */
export default function PortalOrder({ session }: { session: PortalSession }) {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [order, setOrder] = useState<WorkOrderDetail | null>(null);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [missing, setMissing] = useState(false);
  const tz = session.sites.find((s) => s.id === order?.siteId)?.timeZone;

  const load = useCallback(async () => {
    try {
      const [detail, pics] = await Promise.all([get<WorkOrderDetail>(`/work-orders/${id}`), get<{ items: Photo[] }>(`/work-orders/${id}/photos`)]);
      setOrder(detail);
      setPhotos(pics.items);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setMissing(true);
      else throw e;
    }
  }, [id]);
  useEffect(() => { void load(); }, [load]);

  if (missing) return <Result status="404" title={t('order.notFound')} extra={<Button onClick={() => navigate('/')}>{t('portal.myOrders')}</Button>} data-testid="portal-not-found" />;
  if (!order) return <Card><Skeleton active /></Card>;
  const canConfirm = order.result !== null && !order.confirmation && order.status !== 'cancelled';

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card>
        <Space wrap><Typography.Title level={4} style={{ margin: 0 }} data-testid="portal-order-number">{order.number}</Typography.Title><Tag>{label(t, 'kind', order.kind)}</Tag><Tag color="blue" data-testid="portal-order-status">{label(t, 'status', order.status)}</Tag></Space>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{formatAt(t, order.receivedAt, tz)}</Typography.Text>
        <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>{order.description}</Typography.Paragraph>
        {order.unit && <Typography.Text type="secondary" style={{ display: 'block' }}>{t('order.unit')}：{order.unit}</Typography.Text>}
        {photos.length > 0 && (
          <Image.PreviewGroup><Space wrap style={{ marginTop: 8, display: 'flex' }}>{photos.map((p) => <Image key={p.id} src={p.url} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 8 }} alt={`${t('order.photos')} ${p.id}`} />)}</Space></Image.PreviewGroup>
        )}
        {order.result && (<><Typography.Title level={5}>{t('portal.result')}</Typography.Title><Typography.Paragraph>{order.result}</Typography.Paragraph></>)}
        {order.confirmation && <Tag color="green">{t('portal.confirmed')}</Tag>}
      </Card>
      {canConfirm && (
        <Card title={t('portal.confirm')} size="small">
          <Form layout="vertical" onFinish={async (values: { stars: number; text?: string }) => {
            const rating = label(t, 'rating', STARS[values.stars - 1]);
            try {
              setOrder(await post<WorkOrderDetail>(`/work-orders/${order.id}/confirmation`, { version: order.version, text: `${rating}（${values.stars}/5）${values.text ? `：${values.text}` : ''}` }));
              message.success(t('portal.confirmed'));
            } catch (e) {
              message.error(e instanceof ApiError ? e.title : t('common.error'));
            }
          }}>
            <Form.Item name="stars" label={t('portal.rateHint')} rules={[{ required: true, message: t('common.required') }]}>
              <Rate tooltips={STARS.map((r) => label(t, 'rating', r))} aria-label={t('portal.rate')} />
            </Form.Item>
            <Form.Item name="text" label={t('portal.confirmText')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
            <Button type="primary" htmlType="submit" block data-testid="portal-confirm">{t('portal.confirm')}</Button>
          </Form>
        </Card>
      )}
      <Card title={t('portal.progress')} size="small">
        <OrderTimeline timeline={order.timeline} timeZone={tz ?? 'Asia/Shanghai'} departmentName={() => ''} showVisibility={false} />
        <Form layout="inline" onFinish={async (values: { text: string }) => {
          try {
            setOrder(await api<WorkOrderDetail>('POST', `/work-orders/${order.id}/notes`, { text: values.text }));
          } catch (e) {
            message.error(e instanceof ApiError ? e.title : t('common.error'));
          }
        }}>
          <Form.Item name="text" rules={[{ required: true, whitespace: true, message: t('common.required') }]} style={{ flex: 1 }}><Input placeholder={t('portal.message')} aria-label={t('portal.message')} maxLength={4000} /></Form.Item>
          <Button htmlType="submit">{t('portal.send')}</Button>
        </Form>
      </Card>
    </Space>
  );
}
