import { useState } from 'react';
import { Alert, App, Modal, Radio, Space, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { post } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { problemText } from './feedback';
import { Score } from './score';
import type { ImportResult } from './types';

interface Picked { name: string; format: 'json' | 'csv'; content: string }

/** A JSON export is either {conversations: [...]} or the bare array. */
function jsonBody(content: string): { conversations: unknown[] } {
  const data: unknown = JSON.parse(content);
  if (Array.isArray(data)) return { conversations: data };
  if (data && typeof data === 'object' && Array.isArray((data as { conversations?: unknown }).conversations)) return { conversations: (data as { conversations: unknown[] }).conversations };
  throw new SyntaxError('no conversations');
}

/**
 * Import a day of chat or call transcripts (JSON as the API takes it, or a
 * CSV export with one row per turn). Each is inspected at once; the result
 * lists the scores, and what was already imported is skipped.
 */
export function ImportTranscripts({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: (result: ImportResult) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<Picked | null>(null);
  const [channel, setChannel] = useState<'chat' | 'call'>('chat');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);

  const close = () => {
    setFile(null);
    setResult(null);
    onClose();
  };

  const read = async (raw: File) => {
    const content = await raw.text();
    const format = /\.json$/i.test(raw.name) || content.trimStart().startsWith('{') || content.trimStart().startsWith('[') ? 'json' : 'csv';
    setFile({ name: raw.name, format, content });
    setResult(null);
  };

  const submit = async () => {
    if (!file) {
      message.warning(t('language.import.pickFile'));
      return;
    }
    let body: unknown;
    try {
      body = file.format === 'json' ? jsonBody(file.content) : { format: 'csv', content: file.content, channel };
    } catch {
      message.error(t('language.import.badJson'));
      return;
    }
    setBusy(true);
    try {
      const done = await post<ImportResult>('/quality/conversations', body);
      setResult(done);
      message.success(t('language.import.done', { imported: done.imported.length, skipped: done.skipped.length }));
      onImported(done);
    } catch (e) {
      message.error(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('language.import.title')}
      onCancel={close}
      onOk={result ? close : () => void submit()}
      okText={result ? t('language.import.close') : t('language.import.submit')}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      okButtonProps={{ loading: busy, 'data-testid': 'import-submit' } as never}
      width={680}
      destroyOnHidden
    >
      {!result && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Upload.Dragger
            accept=".json,.csv,application/json,text/csv"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(raw) => { void read(raw); return false; }}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{file ? file.name : t('language.import.drop')}</p>
            <p className="ant-upload-hint">{file ? t('language.import.format', { format: file.format.toUpperCase() }) : t('language.import.formats')}</p>
          </Upload.Dragger>
          {file?.format === 'csv' && (
            <Space>
              <Typography.Text>{t('language.import.channel')}</Typography.Text>
              <Radio.Group value={channel} onChange={(e) => setChannel(e.target.value as 'chat' | 'call')} optionType="button" size="small"
                options={[{ value: 'chat', label: t('language.channel.chat') }, { value: 'call', label: t('language.channel.call') }]} />
            </Space>
          )}
          <Alert type="info" showIcon title={t('language.import.csvHelp')} description={<code style={{ fontSize: 12 }}>conversation_id,agent_employee_no,speaker,time,text[,channel,complaint,ended_by]</code>} />
        </Space>
      )}
      {result && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-result">
          <Alert type="success" showIcon title={t('language.import.done', { imported: result.imported.length, skipped: result.skipped.length })} />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ y: 300 }}
            dataSource={result.imported}
            columns={[
              { title: t('language.quality.externalId'), dataIndex: 'externalId', render: (v: string | null, r) => v ?? `#${r.id}` },
              { title: t('language.quality.score'), dataIndex: 'score', render: (s: number) => <Score score={s} /> },
              { title: t('language.quality.findings'), dataIndex: 'findings' },
            ]}
          />
          {result.skipped.length > 0 && (
            <Typography.Text type="secondary">{t('language.import.skipped', { ids: result.skipped.map((s) => s.externalId).join('、') })}</Typography.Text>
          )}
        </Space>
      )}
    </Modal>
  );
}
