import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, AutoComplete, Button, Card, Col, DatePicker, Empty, Form, Input, Modal, Row, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { api, ApiError, get, post } from '../shared/api';
import { label, useI18n } from '../shared/i18n';
import { formatAt } from '../shared/time';
import { CHANNELS, KINDS, REPLY_METHODS, type Category, type Customer, type OrderRef, type WorkOrderDetail } from '../shared/types';
import { KIND_COLOR, STATUS_COLOR } from './OrderTable';
import { PhrasePanel, type Moment } from './PhrasePanel';
import { useDesk } from './session';

interface IntakeForm {
  phone: string;
  name: string;
  title?: string;
  siteId: number;
  unit?: string;
  kind: string;
  channel: string;
  categoryId?: number;
  description: string;
  agreedReplyMethod?: string;
  agreedReplyAt?: Dayjs;
}

/** crypto.randomUUID exists only in secure contexts; a desk on plain http inside a LAN is common. */
const newKey = () => (globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

interface TreeNode { value: number; title: string; children?: TreeNode[] }

function categoryTree(categories: Category[]): TreeNode[] {
  const byParent = new Map<number | null, Category[]>();
  for (const c of categories) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c]);
  const build = (parent: number | null): TreeNode[] =>
    (byParent.get(parent) ?? []).map((c) => ({ value: c.id, title: c.name, ...(byParent.has(c.id) ? { children: build(c.id) } : {}) }));
  return build(null);
}

export default function IntakePage() {
  const { t } = useI18n();
  const desk = useDesk();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<IntakeForm>();
  const [customers, setCustomers] = useState<Customer[] | null>(null);
  const [lookingUp, setLookingUp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [moment, setMoment] = useState<Moment>('opening');
  const [noteFor, setNoteFor] = useState<OrderRef | null>(null);
  const [noteText, setNoteText] = useState('');
  const phoneRef = useRef<HTMLInputElement | null>(null);
  const lookupTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // A double Ctrl+Enter or a retry after a timeout takes the order once.
  const idempotencyKey = useRef(newKey());
  const tree = useMemo(() => categoryTree(desk.categories), [desk.categories]);
  const name = Form.useWatch('name', form);
  const title = Form.useWatch('title', form);
  const siteId = Form.useWatch('siteId', form);
  const customer = customers?.[0];

  const lookup = useCallback(async (phone: string) => {
    const digits = phone.replace(/\D/g, '');
    if (digits.length < 7) { setCustomers(null); return; }
    setLookingUp(true);
    try {
      const result = await get<{ items: Customer[] }>('/customers', { phone });
      setCustomers(result.items);
      const first = result.items[0];
      if (first) {
        // Fill only what the agent has not typed yet.
        const current = form.getFieldsValue();
        form.setFieldsValue({
          name: current.name || first.name,
          title: current.title || first.title || undefined,
          unit: current.unit || first.units.find((u) => u.siteId === current.siteId)?.label || first.units[0]?.label,
        });
      }
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : t('intake.lookupFailed'));
    } finally {
      setLookingUp(false);
    }
  }, [form, message, t]);

  const clear = useCallback(() => {
    form.resetFields();
    setCustomers(null);
    setMoment('opening');
    idempotencyKey.current = newKey();
    phoneRef.current?.focus();
  }, [form]);

  const submit = async (values: IntakeForm) => {
    setBusy(true);
    try {
      const order = await api<WorkOrderDetail & { openOrdersForPhone: OrderRef[] }>('POST', '/work-orders', {
        kind: values.kind,
        channel: values.channel,
        siteId: values.siteId,
        description: values.description,
        customer: { name: values.name, phone: values.phone, title: values.title || null },
        unit: values.unit || null,
        categoryId: values.categoryId ?? null,
        agreedReplyMethod: values.agreedReplyMethod ?? null,
        agreedReplyAt: values.agreedReplyAt ? values.agreedReplyAt.toISOString() : null,
      }, { headers: { 'idempotency-key': idempotencyKey.current } });
      message.success(t('intake.created', { number: order.number }));
      setMoment('closing');
      navigate(`/work-orders/${order.id}`);
    } catch (e) {
      if (e instanceof ApiError) idempotencyKey.current = newKey();
      message.error(e instanceof ApiError ? `${e.title}${e.body.detail ? `：${String(e.body.detail)}` : ''}` : t('common.error'));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    phoneRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.submit(); }
      if (e.key === 'Escape' && !noteFor) clear();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form, clear, noteFor]);

  const addNote = async () => {
    if (!noteFor || !noteText.trim()) return;
    try {
      await post(`/work-orders/${noteFor.id}/notes`, { text: noteText.trim(), contact: true });
      message.success(t('intake.noteAdded', { number: noteFor.number }));
      const id = noteFor.id;
      setNoteFor(null);
      setNoteText('');
      navigate(`/work-orders/${id}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : t('common.error'));
    }
  };

  const orderLine = (o: OrderRef, withAdd: boolean) => (
    <div key={o.id} style={{ padding: '6px 0', borderBottom: '1px dashed #eef0f3' }}>
      <Space size={4} wrap>
        <Typography.Link onClick={() => navigate(`/work-orders/${o.id}`)}>{o.number}</Typography.Link>
        <Tag color={KIND_COLOR[o.kind]}>{label(t, 'kind', o.kind)}</Tag>
        <Tag color={STATUS_COLOR[o.status]}>{label(t, 'status', o.status)}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatAt(t, o.receivedAt, desk.timeZone)}</Typography.Text>
      </Space>
      <div style={{ color: '#52606d' }}>{o.description}</div>
      {withAdd && <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setNoteFor(o)} data-testid={`add-to-${o.number}`}>{t('intake.addNoteInstead')}</Button>}
    </div>
  );

  return (
    <Row gutter={16}>
      <Col xs={24} xl={15}>
        <Card title={t('intake.title')} extra={<Typography.Text type="secondary">{t('intake.keyboard')}</Typography.Text>}>
          <Form<IntakeForm>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ siteId: desk.sites[0]?.id, kind: 'complaint', channel: 'phone', agreedReplyMethod: 'phone' }}
            onValuesChange={(changed: Partial<IntakeForm>) => {
              if ('phone' in changed) {
                clearTimeout(lookupTimer.current);
                lookupTimer.current = setTimeout(() => void lookup(changed.phone ?? ''), 300);
                setMoment('askToWait');
              }
              if ('description' in changed) setMoment('cannotAnswerNow');
            }}
          >
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="phone" label={t('intake.phone')} extra={t('intake.phoneHint')} rules={[{ required: true, message: t('common.required') }, { pattern: /^[0-9+()（）\- ]{3,32}$/, message: t('intake.phone') }]}>
                  <Input ref={(el) => { phoneRef.current = el?.input ?? null; }} inputMode="tel" autoComplete="off" id="intake-phone" allowClear />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="name" label={t('intake.name')} rules={[{ required: true, message: t('common.required') }, { max: 100 }]}>
                  <Input id="intake-name" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="title" label={t('intake.titleField')}>
                  <AutoComplete options={[{ value: t('intake.titleMr') }, { value: t('intake.titleMs') }]} id="intake-title" />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="siteId" label={t('intake.site')} rules={[{ required: true }]}>
                  <Select options={desk.sites.map((s) => ({ value: s.id, label: s.name }))} id="intake-site" />
                </Form.Item>
              </Col>
              <Col span={16}>
                <Form.Item name="unit" label={t('intake.unit')} rules={[{ max: 200 }]}>
                  <AutoComplete options={(customer?.units ?? []).map((u) => ({ value: u.label }))} id="intake-unit" />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="kind" label={t('intake.kind')} rules={[{ required: true }]}>
                  <Select options={KINDS.map((k) => ({ value: k, label: label(t, 'kind', k) }))} id="intake-kind" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="channel" label={t('intake.channel')} rules={[{ required: true }]}>
                  <Select options={CHANNELS.map((c) => ({ value: c, label: label(t, 'channel', c) }))} id="intake-channel" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="categoryId" label={t('intake.category')}>
                  <TreeSelect
                    treeData={tree}
                    showSearch
                    treeNodeFilterProp="title"
                    placeholder={t('intake.categorySearch')}
                    allowClear
                    treeDefaultExpandAll={false}
                    id="intake-category"
                    popupMatchSelectWidth={320}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="description" label={t('intake.description')} extra={t('intake.descriptionHint')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 4000 }]}>
              <Input.TextArea rows={4} showCount maxLength={4000} id="intake-description" />
            </Form.Item>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="agreedReplyMethod" label={t('intake.replyMethod')}>
                  <Select allowClear options={REPLY_METHODS.map((m) => ({ value: m, label: label(t, 'reply', m) }))} id="intake-reply-method" />
                </Form.Item>
              </Col>
              <Col span={16}>
                <Form.Item name="agreedReplyAt" label={t('intake.replyAt')}>
                  <DatePicker showTime={{ format: 'HH:mm' }} format={t('fmt.dateTime')} disabledDate={(d) => d.isBefore(dayjs(), 'day')} id="intake-reply-at" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="intake-submit">{t('intake.submit')}</Button>
              <Button onClick={clear}>{t('intake.clear')}</Button>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <PhrasePanel moment={moment} onMoment={setMoment} customer={name ? `${String(name).slice(0, 1)}${title ?? ''}` : undefined} siteId={siteId} agentNo={desk.me.employeeNo ?? ''} />
          <Card size="small" title={customer ? t('intake.known') : t('order.customer')} loading={lookingUp} data-testid="customer-card">
            {!customers && <Typography.Text type="secondary">{t('intake.phoneHint')}</Typography.Text>}
            {customers && customers.length === 0 && <Typography.Text type="secondary">{t('intake.unknown')}</Typography.Text>}
            {customers?.map((c) => (
              <div key={c.id} style={{ marginBottom: 12 }}>
                <Typography.Title level={5} style={{ margin: 0 }}>{c.name}{c.title ?? ''}</Typography.Title>
                <Typography.Text type="secondary">{c.phones.join('、')}</Typography.Text>
                {c.units.length > 0 && <div><Typography.Text strong>{t('intake.units')}：</Typography.Text>{c.units.map((u) => `${desk.siteName(u.siteId)} ${u.label}`).join('；')}</div>}
                <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>{t('intake.openOrders')}</Typography.Text>
                {c.openOrders.length === 0 ? <Typography.Text type="secondary">{t('intake.noOpen')}</Typography.Text> : c.openOrders.map((o) => orderLine(o, true))}
                <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>{t('intake.history')}</Typography.Text>
                {c.recentOrders.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} /> : c.recentOrders.slice(0, 5).map((o) => orderLine(o, false))}
              </div>
            ))}
          </Card>
        </Space>
      </Col>
      <Modal open={noteFor !== null} title={noteFor ? `${t('intake.addNoteInstead')} · ${noteFor.number}` : ''} onOk={() => void addNote()} onCancel={() => setNoteFor(null)} okText={t('common.submit')} cancelText={t('common.cancel')}>
        <Input.TextArea rows={4} value={noteText} onChange={(e) => setNoteText(e.target.value)} placeholder={t('intake.noteText')} aria-label={t('intake.noteText')} autoFocus />
      </Modal>
    </Row>
  );
}
