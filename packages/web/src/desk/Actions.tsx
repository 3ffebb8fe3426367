import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { ApiError, api } from '../shared/api';
import { useI18n } from '../shared/i18n';
import type { MessageKey } from '../shared/i18n/zh-CN';
import type { Action, WorkOrderDetail } from '../shared/types';
import { CheckedTextArea } from './language/CheckedTextArea';
import { useCheckedSend } from './language/useCheckedSend';
import { useLanguageCheck } from './language/useLanguageCheck';
import { useDesk } from './session';
import { useUndoMessage } from './undo';

type ModalKind = Action | 'transfer';
const NEEDS_TEXT = new Set<ModalKind>(['give_result', 'reopen', 'cancel']);
const FINAL = new Set<ModalKind>(['close', 'cancel']);
/** Steps that cannot be taken back, and what the dialog says about it before they are done. */
const IRREVERSIBLE: Partial<Record<ModalKind, MessageKey>> = { give_result: 'undo.warn.give_result', close: 'undo.warn.close', cancel: 'undo.warn.cancel' };
const ORDER: Action[] = ['start', 'dispatch', 'give_result', 'request_callback', 'close', 'reopen', 'cancel'];
/** Steps whose text the customer reads in the portal (the server's CUSTOMER_VISIBLE): checked for forbidden phrases. */
const CUSTOMER_SEES = new Set<ModalKind>(['dispatch', 'start', 'give_result', 'close', 'reopen', 'cancel']);

/** The actions the server says the state and role allow (availableActions), each with its form or confirmation. */
export function Actions({ order, onChanged }: { order: WorkOrderDetail; onChanged: (next?: WorkOrderDetail) => void }) {
  const { t } = useI18n();
  const desk = useDesk();
  const { message } = App.useApp();
  const [open, setOpen] = useState<ModalKind | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ text?: string; departmentId?: number; handlerId?: number; toUserId?: number; reason?: string }>();
  const departmentId = Form.useWatch('departmentId', form);
  const check = useLanguageCheck();
  const checkedSend = useCheckedSend();
  const undoMessage = useUndoMessage();

  const actions = ORDER.filter((a) => order.availableActions.includes(a));
  const canTransfer = desk.can('work_order.transfer') && order.status !== 'closed' && order.status !== 'cancelled';
  const actionName = (a: ModalKind) => t(`action.${a}` as MessageKey);

  const run = async (kind: ModalKind, values: Record<string, unknown>) => {
    setBusy(true);
    try {
      const transition = (confirmForbidden: boolean) => api<WorkOrderDetail>('POST', `/work-orders/${order.id}/transitions`, {
        action: kind,
        version: order.version,
        ...(values.text ? { text: values.text } : {}),
        ...(kind === 'dispatch' ? { departmentId: values.departmentId ?? null, handlerId: values.handlerId ?? null } : {}),
        ...(confirmForbidden ? { confirmForbidden: true } : {}),
      });
      const text = typeof values.text === 'string' ? values.text : '';
      const next = kind === 'transfer'
        ? await api<WorkOrderDetail>('POST', `/work-orders/${order.id}/transfer`, { toUserId: values.toUserId, reason: values.reason, version: order.version })
        : CUSTOMER_SEES.has(kind) && text.trim() ? await checkedSend(text, check, transition) : await transition(false);
      if (!next) return; // the agent went back to revise the text
      if (kind === 'transfer') offerTransferBack(next, values.reason);
      else message.success(t('action.done', { action: actionName(kind) }));
      setOpen(null);
      form.resetFields();
      check.clear();
      onChanged(next);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        message.warning(t('action.conflict'));
        onChanged();
      } else {
        message.error(e instanceof ApiError ? `${e.title}${e.body.detail ? `：${String(e.body.detail)}` : ''}` : t('common.error'));
      }
    } finally {
      setBusy(false);
    }
  };

  // A transfer is undone by transferring back to the previous owner; the timeline keeps both.
  const offerTransferBack = (next: WorkOrderDetail, reason: unknown) => {
    const previous = order.owner?.id ?? null;
    if (previous === null || previous === next.owner?.id) {
      message.success(t('action.done', { action: actionName('transfer') }));
      return;
    }
    undoMessage(t('action.done', { action: actionName('transfer') }), async () => {
      try {
        onChanged(await api<WorkOrderDetail>('POST', `/work-orders/${order.id}/transfer`, { toUserId: previous, reason: t('undo.transferBack', { reason: String(reason ?? '') }), version: next.version }));
        message.info(t('undo.done'));
      } catch (e) {
        message.error(e instanceof ApiError ? e.title : t('common.error'));
        onChanged();
      }
    });
  };

  const start = (kind: ModalKind) => {
    form.resetFields();
    if (kind === 'dispatch') form.setFieldsValue({ departmentId: order.suggestedDepartmentId ?? order.departmentId ?? undefined });
    setOpen(kind);
  };

  if (actions.length === 0 && !canTransfer) return <Typography.Text type="secondary">{t('order.noActions')}</Typography.Text>;
  const handlers = desk.staff.filter((s) => departmentId !== undefined && s.departmentId === departmentId);
  const warning = open ? IRREVERSIBLE[open] : undefined;

  return (
    <>
      <Space wrap>
        {actions.map((a) => (
          <Button key={a} type={a === actions[0] ? 'primary' : 'default'} danger={a === 'cancel'} onClick={() => start(a)} data-testid={`action-${a}`}>
            {actionName(a)}
          </Button>
        ))}
        {canTransfer && <Button onClick={() => start('transfer')} data-testid="action-transfer">{t('action.transfer')}</Button>}
      </Space>
      <Modal
        open={open !== null}
        title={open ? (FINAL.has(open) ? t('action.confirmTitle', { action: actionName(open) }) : actionName(open)) : ''}
        okText={open ? actionName(open) : ''}
        okButtonProps={{ danger: open === 'cancel', loading: busy, 'data-testid': 'action-confirm' } as never}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => { setOpen(null); check.clear(); }}
        destroyOnHidden
      >
        {warning && <Typography.Paragraph type="warning" data-testid="action-warning">{t(warning)}</Typography.Paragraph>}
        <Form form={form} layout="vertical" onFinish={(values) => open && void run(open, values)} preserve={false}>
          {open === 'dispatch' && (
            <>
              <Form.Item name="departmentId" label={t('action.department')} rules={[{ required: true, message: t('common.required') }]}>
                <Select options={desk.departments.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))} id="dispatch-department" showSearch optionFilterProp="label" />
              </Form.Item>
              <Form.Item name="handlerId" label={t('action.handler')}>
                <Select allowClear placeholder={t('action.handlerAny')} options={handlers.map((s) => ({ value: s.id, label: `${s.name}${s.employeeNo ? `（${s.employeeNo}）` : ''}` }))} id="dispatch-handler" />
              </Form.Item>
            </>
          )}
          {open === 'transfer' && (
            <>
              <Form.Item name="toUserId" label={t('action.toUser')} rules={[{ required: true, message: t('common.required') }]}>
                <Select showSearch optionFilterProp="label" options={desk.staff.filter((s) => s.id !== desk.me.id).map((s) => ({ value: s.id, label: `${s.name}${s.employeeNo ? `（${s.employeeNo}）` : ''}` }))} id="transfer-to" />
              </Form.Item>
              <Form.Item name="reason" label={t('action.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                <Input.TextArea rows={3} maxLength={1000} id="transfer-reason" />
              </Form.Item>
            </>
          )}
          {open && open !== 'transfer' && (
            <Form.Item
              name="text"
              label={NEEDS_TEXT.has(open) ? t(`action.text.${open}` as MessageKey) : t('action.text.default')}
              rules={NEEDS_TEXT.has(open) ? [{ required: true, whitespace: true, message: t('common.required') }] : []}
            >
              <CheckedTextArea rows={open === 'give_result' ? 4 : 2} maxLength={4000} id="action-text" check={check} active={CUSTOMER_SEES.has(open)} customer={`${order.customer.name}${order.customer.title ?? ''}`} siteId={order.siteId} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
