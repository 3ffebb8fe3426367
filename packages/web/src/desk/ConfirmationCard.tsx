import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Image, Input, Rate, Segmented, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { ApiError, get, post } from '../shared/api';
import { label, useI18n } from '../shared/i18n';
import { sendsOrderBack } from '../shared/reopen-rule';
import { formatAt } from '../shared/time';
import { RATINGS, type Rating, type WorkOrderDetail } from '../shared/types';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';
import { useDesk } from './session';

/** The server's limit for a signature image (complaint settings, 200 KB by default). */
const SIGNATURE_MAX_BYTES = 200 * 1024;
/** One star is 非常不满意 … five stars 非常满意. */
export const RATING_STARS: readonly Rating[] = [...RATINGS].reverse();

/**
 * The customer's confirmation of the result (S1 4.6.3.3(2) 客户签字确认): once a
 * result is given, the desk lets the customer sign on screen — or records the
 * words they confirm with — and shows the stored signature afterwards.
 */
export function ConfirmationCard({ order, onChanged }: { order: WorkOrderDetail; onChanged: (o: WorkOrderDetail) => void }) {
  const { t } = useI18n();
  const desk = useDesk();
  if (order.confirmation) return <Confirmed order={order} />;
  const mayRecord = desk.can('work_order.dispatch') || desk.can('work_order.handle');
  const awaiting = order.result !== null && (order.status === 'result_given' || order.status === 'awaiting_callback' || order.status === 'closed');
  if (!mayRecord || !awaiting) return null;
  return (
    <Card title={t('confirmation.title')} size="small" data-testid="confirmation-card">
      <RecordConfirmation order={order} onChanged={onChanged} />
    </Card>
  );
}

function Confirmed({ order }: { order: WorkOrderDetail }) {
  const { t } = useI18n();
  const desk = useDesk();
  const confirmation = order.confirmation!;
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    if (confirmation.method !== 'signature') return;
    void get<{ signature?: string | null }>(`/work-orders/${order.id}/confirmation`).then((c) => setImage(c.signature ?? null)).catch(() => setImage(null));
  }, [order.id, confirmation.id, confirmation.method]);
  return (
    <Card
      title={<Space><CheckCircleOutlined style={{ color: '#389e0d' }} />{t('confirmation.done')}</Space>}
      size="small"
      data-testid="confirmation-done"
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('confirmation.at')}>{formatAt(t, confirmation.at, desk.timeZoneOf(order.siteId))}</Descriptions.Item>
        <Descriptions.Item label={t('confirmation.by')}>{confirmation.byCustomer ? t('confirmation.byCustomer') : t('confirmation.byDesk')}</Descriptions.Item>
        {confirmation.rating && <Descriptions.Item label={t('callback.rating')}><Tag color="green" data-testid="confirmation-rating">{label(t, 'rating', confirmation.rating)}</Tag></Descriptions.Item>}
        {confirmation.signerName && <Descriptions.Item label={t('confirmation.signer')}>{confirmation.signerName}</Descriptions.Item>}
        {confirmation.text && <Descriptions.Item label={t('confirmation.words')}>{confirmation.text}</Descriptions.Item>}
      </Descriptions>
      {confirmation.method === 'signature' && (
        image
          ? <Image src={image} alt={t('confirmation.signatureAlt')} style={{ maxWidth: '100%', background: '#fff', border: '1px solid #eef0f3', borderRadius: 6 }} data-testid="confirmation-signature" />
          : <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      )}
    </Card>
  );
}

interface Values { signerName?: string; text?: string; stars?: number }

function RecordConfirmation({ order, onChanged }: { order: WorkOrderDetail; onChanged: (o: WorkOrderDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'signature' | 'text'>('signature');
  const [signed, setSigned] = useState(false);
  const [busy, setBusy] = useState(false);
  const pad = useRef<SignaturePadHandle>(null);
  const stars = Form.useWatch('stars', form);
  const rating = stars ? RATING_STARS[stars - 1] : null;
  const reopens = sendsOrderBack(rating, order.reopenAtOrWorse);

  const submit = async (values: Values) => {
    const signature = mode === 'signature' ? pad.current?.toPng(SIGNATURE_MAX_BYTES) ?? null : null;
    if (mode === 'signature' && !signature) {
      message.warning(signed ? t('confirmation.tooLarge') : t('confirmation.signFirst'));
      return;
    }
    setBusy(true);
    try {
      const next = await post<WorkOrderDetail>(`/work-orders/${order.id}/confirmation`, {
        version: order.version,
        ...(mode === 'signature' ? { signature, signerName: values.signerName?.trim() || null } : { text: values.text }),
        rating,
      });
      message.success(reopens ? t('confirmation.reopened') : t('confirmation.saved'));
      onChanged(next);
    } catch (e) {
      message.error(e instanceof ApiError ? `${e.title}${e.body.detail ? `：${String(e.body.detail)}` : ''}` : t('common.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
      <Segmented
        block
        value={mode}
        onChange={(v) => setMode(v as 'signature' | 'text')}
        options={[{ value: 'signature', label: t('confirmation.modeSignature') }, { value: 'text', label: t('confirmation.modeText') }]}
        style={{ marginBottom: 12 }}
        data-testid="confirmation-mode"
      />
      {mode === 'signature' ? (
        <>
          <Form.Item label={t('confirmation.padLabel')}><SignaturePad ref={pad} onChange={setSigned} /></Form.Item>
          <Form.Item name="signerName" label={t('confirmation.signer')}><Input maxLength={100} placeholder={t('confirmation.signerHint')} id="confirmation-signer" /></Form.Item>
        </>
      ) : (
        <Form.Item name="text" label={t('confirmation.words')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('confirmation.wordsHint')} id="confirmation-text" />
        </Form.Item>
      )}
      <Form.Item name="stars" label={t('confirmation.rating')} extra={rating ? label(t, 'rating', rating) : t('confirmation.ratingOptional')}>
        <Rate tooltips={RATING_STARS.map((r) => label(t, 'rating', r))} aria-label={t('confirmation.rating')} />
      </Form.Item>
      {reopens && <Alert type="warning" showIcon title={t('confirmation.willReopen')} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={busy} danger={reopens} data-testid="confirmation-submit">
        {reopens ? t('confirmation.submitReopen') : t('confirmation.submit')}
      </Button>
    </Form>
  );
}
