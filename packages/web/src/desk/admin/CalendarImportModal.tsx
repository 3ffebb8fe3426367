import { useState } from 'react';
import { Alert, Checkbox, Descriptions, InputNumber, Modal, Space, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { recomputedText, useSave, type Recomputed } from './adminApi';

/** The server takes at most 200,000 characters of file text (calendar.routes.ts). */
const MAX_CHARS = 200_000;

interface Picked { name: string; format: 'ics' | 'json'; content: string }
interface ImportResult { imported: number; replaced: number; officialYear: number | null; recomputed: Recomputed }

/**
 * Import a holiday calendar: a published .ics, or JSON [{date, type, name}] typed
 * up from a State Council notice. Declaring the file the complete notice for a
 * year makes that year official (deadlines in it stop being provisional).
 */
export function CalendarImportModal({ siteId, scopeName, year, onClose, onImported }: {
  siteId: number | null; scopeName: string; year: number; onClose: () => void; onImported: () => Promise<void>;
}) {
  const { t } = useI18n();
  const save = useSave();
  const [file, setFile] = useState<Picked | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [official, setOfficial] = useState(false);
  const [officialYear, setOfficialYear] = useState<number>(year);
  const [busy, setBusy] = useState(false);

  const pick = async (raw: File) => {
    setProblem(null);
    setFile(null);
    const lower = raw.name.toLowerCase();
    const format = lower.endsWith('.ics') ? 'ics' : lower.endsWith('.json') ? 'json' : null;
    if (!format) return setProblem(t('admin.import.wrongType'));
    const content = await raw.text();
    if (content.length > MAX_CHARS) return setProblem(t('admin.import.tooLarge'));
    if (format === 'json') {
      try {
        JSON.parse(content);
      } catch {
        return setProblem(t('admin.import.badJson'));
      }
    }
    setFile({ name: raw.name, format, content });
  };

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    const result = await save(
      () => api<ImportResult>('POST', '/calendar/import', { format: file.format, content: file.content, siteId, ...(official && siteId === null ? { officialYear } : {}) }),
      (r) => [t('admin.import.done', { n: r.imported, replaced: r.replaced }), recomputedText(t, r.recomputed)].filter(Boolean).join('，'),
    );
    setBusy(false);
    if (result) {
      await onImported();
      onClose();
    }
  };

  return (
    <Modal
      open title={t('admin.import.title')} onCancel={onClose} onOk={() => void submit()} okText={t('admin.import.submit')} cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !file, loading: busy, 'data-testid': 'import-submit' } as never} destroyOnHidden width={560}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{t('admin.import.hint')}</Typography.Paragraph>
      <Typography.Paragraph><Typography.Text code style={{ fontSize: 12 }}>{t('admin.import.example')}</Typography.Text></Typography.Paragraph>
      <Upload.Dragger
        accept=".ics,.json" multiple={false} showUploadList={false} data-testid="import-file"
        beforeUpload={(raw) => { void pick(raw); return Upload.LIST_IGNORE; }}
      >
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{file ? file.name : t('admin.import.pick')}</p>
        <p className="ant-upload-hint">{t('admin.import.formats')}</p>
      </Upload.Dragger>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
      <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('admin.calendar.scope')}>{scopeName}</Descriptions.Item>
        {file && <Descriptions.Item label={t('admin.import.format')}>{file.format.toUpperCase()}</Descriptions.Item>}
      </Descriptions>
      {siteId === null ? (
        <Space>
          <Checkbox checked={official} onChange={(e) => setOfficial(e.target.checked)}>{t('admin.import.official')}</Checkbox>
          <InputNumber min={1900} max={2200} precision={0} value={officialYear} disabled={!official} onChange={(v) => v && setOfficialYear(v)} aria-label={t('admin.import.officialYear')} style={{ width: 100 }} />
        </Space>
      ) : <Typography.Text type="secondary">{t('admin.import.siteNotOfficial')}</Typography.Text>}
    </Modal>
  );
}
