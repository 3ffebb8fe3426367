import { App, Alert, Button, Card, Form, Input, List, Rate, Select, Tag, Typography } from 'antd';
import { ApiError, api } from '../shared/api';
import { label, useI18n } from '../shared/i18n';
import { formatAt } from '../shared/time';
import { sendsOrderBack } from '../shared/reopen-rule';
import type { CallbackView, WorkOrderDetail } from '../shared/types';
import { RATING_STARS } from './ConfirmationCard';
import { useDesk } from './session';

const SETTLED = new Set(['done', 'unreachable', 'waived']);

/** The order's callbacks: the form for a pending one, and what the finished ones recorded (by the desk or the customer online). */
export function CallbackCards({ order, onChanged }: { order: WorkOrderDetail; onChanged: (o: WorkOrderDetail) => void }) {
  const callbacks = order.callbacks ?? [];
  const settled = callbacks.filter((c) => SETTLED.has(c.status));
  return (
    <>
      {callbacks.filter((c) => c.status === 'pending').map((c) => <CallbackForm key={c.id} order={order} callback={c} onChanged={onChanged} />)}
      {settled.length > 0 && <CallbackRecords order={order} callbacks={settled} />}
    </>
  );
}

function CallbackRecords({ order, callbacks }: { order: WorkOrderDetail; callbacks: CallbackView[] }) {
  const { t } = useI18n();
  const desk = useDesk();
  return (
    <Card title={t('order.callbacks')} size="small" data-testid="callback-records">
      <List
        size="small"
        dataSource={[...callbacks].reverse()}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={(
                <span>
                  <Tag color={c.status === 'done' ? (sendsOrderBack(c.rating, order.reopenAtOrWorse) ? 'red' : 'green') : 'default'}>{c.rating ? label(t, 'rating', c.rating) : label(t, 'callback.status', c.status)}</Tag>
                  {c.method && <Typography.Text type="secondary">{c.method === 'online' ? t('callbackDesk.online') : label(t, 'reply', c.method)}</Typography.Text>}
                </span>
              )}
              description={(
                <>
                  {c.customerWords && <div style={{ color: '#3e4c59' }}>{c.customerWords}</div>}
                  {c.doneAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatAt(t, c.doneAt, desk.timeZoneOf(order.siteId))}</Typography.Text>}
                </>
              )}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function CallbackForm({ order, callback, onChanged }: { order: WorkOrderDetail; callback: CallbackView; onChanged: (o: WorkOrderDetail) => void }) {
  const { t } = useI18n();
  const desk = useDesk();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ contact: string; stars?: number; text?: string }>();
  const contact = Form.useWatch('contact', form);
  const stars = Form.useWatch('stars', form);
  const rating = contact === 'answered' && stars ? RATING_STARS[stars - 1] : null;
  const lastTry = contact === 'not_reached' && callback.attempts + 1 >= callback.maxAttempts;
  const reopens = sendsOrderBack(rating, order.reopenAtOrWorse);
  // What recording does to the order, said before it is done: it cannot be taken back.
  const consequence = reopens ? t('callbackDesk.willReopen')
    : rating || contact === 'refused' || lastTry ? t('callbackDesk.willClose')
    : contact === 'not_reached' ? t('callbackDesk.attemptsLeft', { n: callback.maxAttempts - callback.attempts - 1 })
    : null;
  return (
    <Card title={t('callback.record')} size="small" extra={callback.dueAt ? <Typography.Text type="secondary">{t('callback.due', { at: formatAt(t, callback.dueAt, desk.timeZoneOf(order.siteId)) })}</Typography.Text> : null} data-testid="callback-form">
      <Form form={form} layout="vertical" initialValues={{ contact: 'answered' }} onFinish={async (values) => {
        try {
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
          <Form.Item name="stars" label={t('callback.rating')} rules={[{ required: true, message: t('common.required') }]} extra={rating ? label(t, 'rating', rating) : null}>
            <Rate tooltips={RATING_STARS.map((r) => label(t, 'rating', r))} aria-label={t('callback.rating')} />
          </Form.Item>
        )}
        <Form.Item name="text" label={t('callback.words')}><Input.TextArea rows={2} maxLength={4000} id="callback-words" /></Form.Item>
        {consequence && <Alert type={reopens ? 'warning' : 'info'} showIcon title={consequence} style={{ marginBottom: 12 }} data-testid="callback-consequence" />}
        <Button type="primary" htmlType="submit" danger={reopens} data-testid="callback-submit">{t('callback.record')}</Button>
      </Form>
    </Card>
  );
}
