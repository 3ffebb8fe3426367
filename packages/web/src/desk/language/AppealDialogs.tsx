import { useState } from 'react';
import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { post } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { problemText } from './feedback';

/** The inspected agent contests one finding, saying why. */
export function AppealDialog({ findingId, summary, onClose, onDone }: { findingId: number | null; summary: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      await post(`/quality/findings/${findingId}/appeal`, { reason });
      message.success(t('language.appeal.submitted'));
      onDone();
    } catch (e) {
      message.error(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={findingId !== null}
      title={t('language.appeal.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('language.appeal.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'appeal-submit' } as never}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{summary}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
        <Form.Item name="reason" label={t('language.appeal.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} id="appeal-reason" placeholder={t('language.appeal.reasonHint')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export interface DecisionTarget { appealId: number; summary: string; reason: string; accepted?: boolean }

/** The supervisor upholds the finding (rejects the appeal) or overturns it (the deduction is given back), with a note. */
export function DecisionDialog({ target, onClose, onDone }: { target: DecisionTarget | null; onClose: () => void; onDone: (score: number, previous: number) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ accepted: boolean; note: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: { accepted: boolean; note: string }) => {
    if (!target) return;
    setBusy(true);
    try {
      const result = await post<{ score: number; previousScore: number }>(`/quality/appeals/${target.appealId}/decision`, values);
      message.success(values.accepted
        ? t('language.decision.acceptedDone', { from: result.previousScore, to: result.score })
        : t('language.decision.rejectedDone'));
      onDone(result.score, result.previousScore);
    } catch (e) {
      message.error(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={target !== null}
      title={t('language.decision.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('language.decision.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'decision-submit' } as never}
      destroyOnHidden
    >
      {target && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{target.summary}</Typography.Paragraph>
          <Typography.Paragraph><Typography.Text strong>{t('language.appeal.reason')}{t('language.colon')}</Typography.Text>{target.reason}</Typography.Paragraph>
          <Form form={form} layout="vertical" initialValues={{ accepted: target.accepted }} onFinish={(v) => void submit(v)} preserve={false}>
            <Form.Item name="accepted" label={t('language.decision.outcome')} rules={[{ required: true, message: t('common.required') }]}>
              <Radio.Group id="decision-outcome">
                <Radio value={true} data-testid="decision-accept">{t('language.decision.accept')}</Radio>
                <Radio value={false} data-testid="decision-reject">{t('language.decision.reject')}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="note" label={t('language.decision.note')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} id="decision-note" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
