import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Checkbox, Col, Descriptions, Form, Image, Input, Rate, Result, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { ApiError, api, get, post } from '../shared/api';
import { label, useI18n } from '../shared/i18n';
import { formatAt } from '../shared/time';
import { RATINGS, type CallbackView, type Photo, type WorkOrderDetail } from '../shared/types';
import { Actions } from './Actions';
import { Clocks } from './Clocks';
import { OrderTimeline } from './OrderTimeline';
import { KIND_COLOR, STATUS_COLOR } from './OrderTable';
import { useLive } from './live';
import { useDesk } from './session';

export default function WorkOrderPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const desk = useDesk();
  const live = useLive();
  const navigate = useNavigate();
  const [order, setOrder] = useState<WorkOrderDetail | null>(null);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [missing, setMissing] = useState(false);

  const load = useCallback(async () => {
    try {
      const [detail, pics] = await Promise.all([
        get<WorkOrderDetail>(`/work-orders/${id}`),
        get<{ items: Photo[] }>(`/work-orders/${id}/photos`).catch(() => ({ items: [] as Photo[] })),
      ]);
      setOrder(detail);
      setPhotos(pics.items);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setMissing(true);
      else throw e;
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load, live.revision]);

  if (missing) return <Result status="404" title={t('order.notFound')} extra={<Button onClick={() => navigate('/')}>{t('common.back')}</Button>} />;
  if (!order) return <Card><Skeleton active /></Card>;
  const tz = desk.timeZoneOf(order.siteId);
  const pendingCallbacks = (order.callbacks ?? []).filter((c) => c.status === 'pending');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="order-number">{t('order.title', { number: order.number })}</Typography.Title>
        <Tag color={KIND_COLOR[order.kind]}>{label(t, 'kind', order.kind)}</Tag>
        <Tag color={STATUS_COLOR[order.status]} data-testid="order-status" data-status={order.status}>{label(t, 'status', order.status)}</Tag>
        {order.severity === 'major' && <Tag color="red">{label(t, 'severity', 'major')}</Tag>}
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card>
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label={t('order.customer')}>{order.customer.name}{order.customer.title ?? ''}</Descriptions.Item>
                <Descriptions.Item label={t('order.phone')}>{order.customer.phone ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('order.site')}>{desk.siteName(order.siteId)}</Descriptions.Item>
                <Descriptions.Item label={t('order.unit')}>{order.unit ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('order.channel')}>{label(t, 'channel', order.channel)}</Descriptions.Item>
                <Descriptions.Item label={t('order.category')}>{order.categoryPath ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('order.receivedAt')}>{formatAt(t, order.receivedAt, tz)}</Descriptions.Item>
                <Descriptions.Item label={t('order.owner')}>{order.owner ? `${order.owner.name ?? ''}${order.owner.employeeNo ? `（${order.owner.employeeNo}）` : ''}` : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('order.department')}>{desk.departmentName(order.departmentId) || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('order.handler')}>{desk.staffName(order.handlerId) || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('order.agreedReply')}>{[label(t, 'reply', order.agreedReplyMethod), formatAt(t, order.agreedReplyAt, tz)].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
                {order.complaint && <Descriptions.Item label={t('order.nature')}>{label(t, 'nature', order.complaint.nature)} · {label(t, 'severity', order.complaint.severity)}</Descriptions.Item>}
              </Descriptions>
              <Typography.Title level={5}>{t('order.description')}</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>{order.description}</Typography.Paragraph>
              {order.result && (<><Typography.Title level={5}>{t('order.result')}</Typography.Title><Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="order-result">{order.result}</Typography.Paragraph></>)}
              {order.cancelReason && (<><Typography.Title level={5}>{t('order.cancelReason')}</Typography.Title><Typography.Paragraph>{order.cancelReason}</Typography.Paragraph></>)}
              {photos.length > 0 && (
                <>
                  <Typography.Title level={5}>{t('order.photos')}</Typography.Title>
                  <Image.PreviewGroup>
                    <Space wrap>{photos.map((p) => <Image key={p.id} src={p.url} width={120} height={90} style={{ objectFit: 'cover', borderRadius: 6 }} alt={`${t('order.photos')} ${p.id}`} />)}</Space>
                  </Image.PreviewGroup>
                </>
              )}
            </Card>
            <Card title={t('order.timeline')}>
              <OrderTimeline timeline={order.timeline} timeZone={tz} departmentName={desk.departmentName} showVisibility />
              <NoteForm orderId={order.id} onAdded={setOrder} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('order.clocks')} data-testid="clocks"><Clocks clocks={order.clocks} timeZone={tz} /></Card>
            <Card title={t('order.actions')} data-testid="actions"><Actions order={order} onChanged={(next) => (next ? setOrder(next) : void load())} /></Card>
            {order.complaint && desk.can('work_order.dispatch') && order.status !== 'closed' && order.status !== 'cancelled' && <Classification order={order} onChanged={setOrder} />}
            {pendingCallbacks.map((c) => <CallbackForm key={c.id} order={order} callback={c} onChanged={setOrder} />)}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function NoteForm({ orderId, onAdded }: { orderId: number; onAdded: (o: WorkOrderDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string; customerVisible?: boolean }>();
  return (
    <Form form={form} layout="inline" style={{ marginTop: 8 }} onFinish={async (values) => {
      try {
        onAdded(await post<WorkOrderDetail>(`/work-orders/${orderId}/notes`, { text: values.text, customerVisible: values.customerVisible === true }));
        form.resetFields();
      } catch (e) {
        message.error(e instanceof ApiError ? e.title : t('common.error'));
      }
    }}>
      <Form.Item name="text" rules={[{ required: true, whitespace: true, message: t('common.required') }]} style={{ flex: 1, minWidth: 240 }}>
        <Input placeholder={t('order.addNote')} aria-label={t('order.addNote')} maxLength={4000} />
      </Form.Item>
      <Form.Item name="customerVisible" valuePropName="checked"><Checkbox>{t('order.noteVisible')}</Checkbox></Form.Item>
      <Button htmlType="submit">{t('order.addNote')}</Button>
    </Form>
  );
}

function Classification({ order, onChanged }: { order: WorkOrderDetail; onChanged: (o: WorkOrderDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <Card title={t('classify.title')} size="small">
      <Form layout="vertical" initialValues={{ nature: order.complaint?.natureConfirmed ? order.complaint.nature : undefined, basis: order.complaint?.basis ?? '' }} onFinish={async (values: { nature: string; basis?: string }) => {
        try {
          onChanged(await post<WorkOrderDetail>(`/work-orders/${order.id}/classification`, { action: 'decide_nature', version: order.version, nature: values.nature, basis: values.basis || null }));
          message.success(t('common.done'));
        } catch (e) {
          message.error(e instanceof ApiError ? `${e.title}${e.body.detail ? `：${String(e.body.detail)}` : ''}` : t('common.error'));
        }
      }}>
        <Form.Item name="nature" label={t('classify.nature')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={['responsible', 'non_responsible', 'assistance'].map((n) => ({ value: n, label: label(t, 'nature', n) }))} id="classify-nature" />
        </Form.Item>
        <Form.Item name="basis" label={t('classify.basis')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Button htmlType="submit" data-testid="classify-submit">{t('classify.submit')}</Button>
      </Form>
    </Card>
  );
}

const RATING_STARS = [...RATINGS].reverse(); // 1 star = very dissatisfied … 5 = very satisfied

function CallbackForm({ order, callback, onChanged }: { order: WorkOrderDetail; callback: CallbackView; onChanged: (o: WorkOrderDetail) => void }) {
  const { t } = useI18n();
  const desk = useDesk();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ contact: string; stars?: number; text?: string }>();
  const contact = Form.useWatch('contact', form);
  return (
    <Card title={t('callback.record')} size="small" extra={callback.dueAt ? <Typography.Text type="secondary">{t('callback.due', { at: formatAt(t, callback.dueAt, desk.timeZoneOf(order.siteId)) })}</Typography.Text> : null} data-testid="callback-form">
      <Form form={form} layout="vertical" initialValues={{ contact: 'answered' }} onFinish={async (values) => {
        try {
          const rating = values.stars ? RATING_STARS[values.stars - 1] : null;
          onChanged(await api<WorkOrderDetail>('POST', `/work-orders/${order.id}/callbacks/${callback.id}/attempts`, {
            version: callback.version, contact: values.contact, text: values.text || null, ...(values.contact === 'answered' ? { rating } : {}),
          }));
          message.success(t('common.done'));
        } catch (e) {
          message.error(e instanceof ApiError ? `${e.title}${e.body.detail ? `：${String(e.body.detail)}` : ''}` : t('common.error'));
        }
      }}>
        <Form.Item name="contact" label={t('callback.contact')}>
          <Select options={['answered', 'not_reached', 'refused'].map((c) => ({ value: c, label: t(`callback.${c}` as 'callback.answered') }))} id="callback-contact" />
        </Form.Item>
        {contact === 'answered' && (
          <Form.Item name="stars" label={t('callback.rating')} rules={[{ required: true, message: t('common.required') }]}>
            <Rate tooltips={RATING_STARS.map((r) => label(t, 'rating', r))} aria-label={t('callback.rating')} />
          </Form.Item>
        )}
        <Form.Item name="text" label={t('callback.words')}><Input.TextArea rows={2} maxLength={4000} id="callback-words" /></Form.Item>
        <Button type="primary" htmlType="submit" data-testid="callback-submit">{t('callback.record')}</Button>
      </Form>
    </Card>
  );
}
