import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Image, Input, Rate, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { ApiError, api, get, post } from '../shared/api';
import { label, useI18n } from '../shared/i18n';
import { sendsOrderBack } from '../shared/reopen-rule';
import { formatAt } from '../shared/time';
import type { Photo, Rating, WorkOrderDetail } from '../shared/types';
import { OrderTimeline } from '../desk/OrderTimeline';
import type { PortalSession } from './PortalApp';
import { PortalCallbackCard, STARS, type PortalCallbackItem } from './PortalCallback';

/**
 * The customer-visible timeline, the result, and what the customer says about
 * it: the callback answered online when one is waiting, otherwise the
 * confirmation with a rating; and a message box.
 */
export default function PortalOrder({ session }: { session: PortalSession }) {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [order, setOrder] = useState<WorkOrderDetail | null>(null);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [callback, setCallback] = useState<PortalCallbackItem | null>(null);
  const [missing, setMissing] = useState(false);
  const [form] = Form.useForm<{ stars: number; text?: string }>();
  const stars = Form.useWatch('stars', form);
  const tz = session.sites.find((s) => s.id === order?.siteId)?.timeZone;

  const load = useCallback(async () => {
    try {
      const [detail, pics, callbacks] = await Promise.all([
        get<WorkOrderDetail>(`/work-orders/${id}`),
        get<{ items: Photo[] }>(`/work-orders/${id}/photos`),
        get<{ items: PortalCallbackItem[] }>('/portal/callbacks').catch(() => ({ items: [] as PortalCallbackItem[] })),
      ]);
      setOrder(detail);
      setPhotos(pics.items);
      setCallback(callbacks.items.find((c) => c.workOrderId === detail.id) ?? null);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setMissing(true);
      else throw e;
    }
  }, [id]);
  useEffect(() => { void load(); }, [load]);

  if (missing) return <Result status="404" title={t('order.notFound')} extra={<Button onClick={() => navigate('/')}>{t('portal.myOrders')}</Button>} data-testid="portal-not-found" />;
  if (!order) return <Card><Skeleton active /></Card>;
  // One rating at a time: a waiting callback is the question; once answered online, the confirmation is not asked again.
  const canConfirm = order.result !== null && !order.confirmation && !callback && ['result_given', 'awaiting_callback', 'closed'].includes(order.status);
  const rating = stars ? STARS[stars - 1] : null;
  // The order says which rating sends it back: the organisation's rule, not the default.
  const sendsBack = (r: Rating | null | undefined) => sendsOrderBack(r, order.reopenAtOrWorse);

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
        {order.confirmation && (
          <Tag color="green" data-testid="portal-confirmed">{t('portal.confirmed')}{order.confirmation.rating ? ` · ${label(t, 'rating', order.confirmation.rating)}` : ''}</Tag>
        )}
      </Card>
      {callback && order.result !== null && <PortalCallbackCard order={order} callback={callback} timeZone={tz} onAnswered={() => void load()} />}
      {canConfirm && (
        <Card title={t('portal.confirm')} size="small" data-testid="portal-confirm-card">
          <Form form={form} layout="vertical" requiredMark={false} onFinish={async (values) => {
            const chosen = STARS[values.stars - 1];
            try {
              // A typed confirmation is what the server records; an empty box confirms in plain words.
              const text = values.text?.trim() || t('portalRate.defaultText');
              const next = await post<WorkOrderDetail>(`/work-orders/${order.id}/confirmation`, { version: order.version, text, rating: chosen });
              setOrder(next);
              message.success(sendsBack(chosen) ? t('portalRate.sentBack') : t('portal.confirmed'));
            } catch (e) {
              message.error(e instanceof ApiError ? e.title : t('common.error'));
            }
          }}>
            <Form.Item name="stars" label={t('portal.rateHint')} rules={[{ required: true, message: t('common.required') }]} extra={rating ? label(t, 'rating', rating) : null}>
              <Rate tooltips={STARS.map((r) => label(t, 'rating', r))} aria-label={t('portal.rate')} style={{ fontSize: 30 }} />
            </Form.Item>
            <Form.Item name="text" label={t('portal.confirmText')}><Input.TextArea rows={2} maxLength={1000} placeholder={t('portalRate.textHint')} id="portal-confirm-text" /></Form.Item>
            {sendsBack(rating) && <Alert type="warning" showIcon title={t('portalRate.willSendBack')} style={{ marginBottom: 12 }} />}
            <Button type="primary" htmlType="submit" block size="large" data-testid="portal-confirm">{sendsBack(rating) ? t('portalRate.submitBack') : t('portal.confirm')}</Button>
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
