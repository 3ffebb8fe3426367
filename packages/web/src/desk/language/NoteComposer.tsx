import { useState } from 'react';
import { App, Button, Checkbox, Space } from 'antd';
import { post } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { WorkOrderDetail } from '../../shared/types';
import { CheckedTextArea } from './CheckedTextArea';
import { problemText } from './feedback';
import { useCheckedSend } from './useCheckedSend';
import { useLanguageCheck } from './useLanguageCheck';

/**
 * A note on a work order. Ticked "customer visible", it is a reply the
 * customer reads in the portal: checked for forbidden phrases as it is typed,
 * and sent with hits only after the agent confirms.
 */
export function NoteComposer({ orderId, customer, siteId, onAdded }: { orderId: number; customer?: string; siteId?: number; onAdded: (order: WorkOrderDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [visible, setVisible] = useState(false);
  const [busy, setBusy] = useState(false);
  const check = useLanguageCheck();
  const checkedSend = useCheckedSend();

  const send = (confirmForbidden: boolean) => post<WorkOrderDetail>(`/work-orders/${orderId}/notes`, {
    text, customerVisible: visible, ...(confirmForbidden ? { confirmForbidden: true } : {}),
  });

  const submit = async () => {
    if (!text.trim()) {
      message.warning(t('language.note.empty'));
      return;
    }
    setBusy(true);
    try {
      const order = visible ? await checkedSend(text, check, send) : await send(false);
      if (!order) return;
      onAdded(order);
      setText('');
      check.clear();
      message.success(visible ? t('language.note.sent') : t('language.note.added'));
    } catch (e) {
      message.error(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ marginTop: 8 }} data-testid="note-composer">
      <CheckedTextArea
        value={text}
        onChange={setText}
        check={check}
        active={visible}
        customer={customer}
        siteId={siteId}
        rows={2}
        id="note-text"
        aria-label={t('order.addNote')}
        placeholder={visible ? t('language.note.placeholderVisible') : t('language.note.placeholder')}
      />
      <Space style={{ marginTop: 6 }}>
        <Checkbox checked={visible} onChange={(e) => setVisible(e.target.checked)} data-testid="note-visible">{t('order.noteVisible')}</Checkbox>
        <Button type={visible ? 'primary' : 'default'} loading={busy} onClick={() => void submit()} data-testid="note-submit">
          {visible ? t('language.note.send') : t('order.addNote')}
        </Button>
      </Space>
    </div>
  );
}
