import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Button, Card, Col, Descriptions, Image, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { ApiError, get } from '../shared/api';
import { label, useI18n } from '../shared/i18n';
import { formatAt } from '../shared/time';
import type { Photo, WorkOrderDetail } from '../shared/types';
import { Actions } from './Actions';
import { CallbackCards } from './CallbackCard';
import { ClassificationCard } from './ClassificationCard';
import { ConfirmationCard } from './ConfirmationCard';
import { Clocks } from './Clocks';
import { NoteComposer } from './language/NoteComposer';
import { OrderTimeline } from './OrderTimeline';
import { KIND_COLOR, STATUS_COLOR } from './OrderTable';
import { NatureHandlingCard } from './NatureHandlingCard';
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
              <NoteComposer orderId={order.id} customer={`${order.customer.name}${order.customer.title ?? ''}`} siteId={order.siteId} onAdded={setOrder} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('order.clocks')} data-testid="clocks"><Clocks clocks={order.clocks} timeZone={tz} /></Card>
            <Card title={t('order.actions')} data-testid="actions"><Actions order={order} onChanged={(next) => (next ? setOrder(next) : void load())} /></Card>
            {/* What the decided nature asks of the desk next comes before the classification it follows from. */}
            <NatureHandlingCard order={order} onChanged={setOrder} />
            {order.complaint && <ClassificationCard order={order} onChanged={setOrder} />}
            <ConfirmationCard order={order} onChanged={setOrder} />
            <CallbackCards order={order} onChanged={setOrder} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
