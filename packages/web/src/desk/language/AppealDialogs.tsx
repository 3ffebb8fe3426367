import { Form, Input, Radio, Typography } from 'antd';
import { post } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useSubmitting } from './feedback';
import { FormDialog } from './FormDialog';

/** The inspected agent contests one finding, saying why. */
export function AppealDialog({ findingId, summary, onClose, onDone }: { findingId: number | null; summary: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, submit: submitting } = useSubmitting();
  const submit = ({ reason }: { reason: string }) => submitting(async () => {
    await post(`/quality/findings/${findingId}/appeal`, { reason });
    onDone();
    return t('language.appeal.submitted');
  });
  return (
    <FormDialog
      open={findingId !== null}
      title={t('language.appeal.title')}
      okText={t('language.appeal.submit')}
      busy={busy}
      testId="appeal-submit"
      onClose={onClose}
      onOk={() => form.submit()}
    >
      <Typography.Paragraph type="secondary">{summary}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
        <Form.Item name="reason" label={t('language.appeal.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} id="appeal-reason" placeholder={t('language.appeal.reasonHint')} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

export interface DecisionTarget { appealId: number; summary: string; reason: string; accepted?: boolean }

/** The supervisor upholds the finding (rejects the appeal) or overturns it (the deduction is given back), with a note. */
export function DecisionDialog({ target, onClose, onDone }: { target: DecisionTarget | null; onClose: () => void; onDone: (score: number, previous: number) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ accepted: boolean; note: string }>();
  const { busy, submit: submitting } = useSubmitting();
  const submit = (values: { accepted: boolean; note: string }) => submitting(async () => {
    if (!target) return null;
    const result = await post<{ score: number; previousScore: number }>(`/quality/appeals/${target.appealId}/decision`, values);
    onDone(result.score, result.previousScore);
    return values.accepted
      ? t('language.decision.acceptedDone', { from: result.previousScore, to: result.score })
      : t('language.decision.rejectedDone');
  });
  return (
    <FormDialog
      open={target !== null}
      title={t('language.decision.title')}
      okText={t('language.decision.submit')}
      busy={busy}
      testId="decision-submit"
      onClose={onClose}
      onOk={() => form.submit()}
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
    </FormDialog>
  );
}
