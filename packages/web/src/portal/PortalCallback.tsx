import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Rate, Tag, Typography } from 'antd';
import { MessageOutlined } from '@ant-design/icons';
import { ApiError, api } from '../shared/api';
import { label, useI18n } from '../shared/i18n';
import { sendsOrderBack } from '../shared/reopen-rule';
import { formatAt } from '../shared/time';
import { RATINGS, type Rating, type WorkOrderDetail } from '../shared/types';

/** GET /portal/callbacks: the customer's callbacks, nothing of the policy behind them. */
export interface PortalCallbackItem {
  id: number;
  workOrderId: number;
  number: string;
  kind: string;
  result: string | null;
  answerable: boolean;
  version: number;
  rating: Rating | null;
  words: string | null;
  answeredAt: string | null;
  /** The organisation's rule: an answer rated this or worse sends the order back. */
  reopenAtOrWorse: Rating;
}

export const STARS: readonly Rating[] = [...RATINGS].reverse();

/**
 * The callback (回访), answered online: instead of waiting for the phone call,
 * the customer tells us in their own words how the result was, and rates it.
 */
export function PortalCallbackCard({ order, callback, timeZone, onAnswered }: { order: WorkOrderDetail; callback: PortalCallbackItem; timeZone?: string; onAnswered: (o: WorkOrderDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ stars: number; text: string }>();
  const [busy, setBusy] = useState(false);
  const stars = Form.useWatch('stars', form);
  const rating = stars ? STARS[stars - 1] : null;
  const sendsBack = sendsOrderBack(rating, callback.reopenAtOrWorse);

  if (!callback.answerable) {
    return (
      <Card size="small" title={<span><MessageOutlined /> {t('portalCb.title')}</span>} data-testid="portal-callback-done">
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('portalCb.thanks')} <Tag color={sendsOrderBack(callback.rating, callback.reopenAtOrWorse) ? 'orange' : 'green'}>{label(t, 'rating', callback.rating)}</Tag>
        </Typography.Paragraph>
        {callback.words && <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>“{callback.words}”</Typography.Paragraph>}
        {callback.answeredAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatAt(t, callback.answeredAt, timeZone)}</Typography.Text>}
      </Card>
    );
  }

  const submit = async (values: { stars: number; text: string }) => {
    setBusy(true);
    try {
      const next = await api<WorkOrderDetail>('POST', `/work-orders/${order.id}/callbacks/${callback.id}/answer`, { version: callback.version, rating: STARS[values.stars - 1], text: values.text });
      message.success(sendsBack ? t('portalCb.sentBack') : t('portalCb.saved'));
      onAnswered(next);
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : t('common.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={<span><MessageOutlined /> {t('portalCb.title')}</span>} styles={{ header: { background: '#e6f4ff' } }} data-testid="portal-callback">
      <Typography.Paragraph>{t('portalCb.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="stars" label={t('portalCb.rating')} rules={[{ required: true, message: t('portalCb.ratingRequired') }]} extra={rating ? label(t, 'rating', rating) : null}>
          <Rate tooltips={STARS.map((r) => label(t, 'rating', r))} aria-label={t('portalCb.rating')} style={{ fontSize: 30 }} />
        </Form.Item>
        <Form.Item name="text" label={t('portalCb.words')} rules={[{ required: true, whitespace: true, message: t('portalCb.wordsRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('portalCb.wordsHint')} id="portal-callback-words" />
        </Form.Item>
        {sendsBack && <Alert type="warning" showIcon title={t('portalCb.willSendBack')} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="portal-callback-submit">{t('portalCb.submit')}</Button>
      </Form>
    </Card>
  );
}
