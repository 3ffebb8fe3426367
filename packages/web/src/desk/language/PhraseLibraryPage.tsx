import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Menu, Popconfirm, Row, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { DeleteOutlined, EditOutlined, InfoCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api, get } from '../../shared/api';
import { label, useI18n } from '../../shared/i18n';
import { useDesk } from '../session';
import { problemText, useSubmitting } from './feedback';
import { FormDialog } from './FormDialog';
import { MOMENTS, PHRASE_VARIABLES, type PhraseList, type RenderedPhrase } from './types';

interface PhraseForm { moment: string; text: string; followUp?: string; note?: string }

/** Fills the variables the way the server will ({name} left visible when unknown). */
function preview(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] || whole);
}

/**
 * The phrase library (规范用语): by moment, searchable, editable by whoever may
 * configure it. They also see the phrases switched off (greyed, with the switch
 * to bring them back); everyone else sees only what the reply boxes offer.
 */
export default function PhraseLibraryPage() {
  const { t } = useI18n();
  const desk = useDesk();
  const { message } = App.useApp();
  const [list, setList] = useState<PhraseList | null>(null);
  const [moment, setMoment] = useState<string>('all');
  const [search, setSearch] = useState('');
  const [customer, setCustomer] = useState('');
  const [editing, setEditing] = useState<RenderedPhrase | 'new' | null>(null);
  const canEdit = desk.can('language.configure');

  const load = useCallback(async () => {
    try {
      setList(await get<PhraseList>('/language/phrases', { customer: customer.trim() || undefined, includeDisabled: canEdit || undefined }));
    } catch (e) {
      message.error(problemText(t, e));
    }
  }, [customer, canEdit, message, t]);

  useEffect(() => {
    const timer = setTimeout(() => void load(), 250);
    return () => clearTimeout(timer);
  }, [load]);

  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const p of list?.items ?? []) c.set(p.moment, (c.get(p.moment) ?? 0) + 1);
    return c;
  }, [list]);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (list?.items ?? []).filter((p) => (moment === 'all' || p.moment === moment)
      && (!q || [p.text, p.template, p.followUp ?? '', p.note ?? ''].some((s) => s.toLowerCase().includes(q))));
  }, [list, moment, search]);

  const remove = async (p: RenderedPhrase) => {
    try {
      await api('DELETE', `/language/phrases/${p.id}`);
      message.success(t('language.phrases.deleted'));
      void load();
    } catch (e) {
      message.error(problemText(t, e));
    }
  };

  const toggle = async (p: RenderedPhrase, enabled: boolean) => {
    try {
      await api('PATCH', `/language/phrases/${p.id}`, { enabled, version: p.version });
      message.success(enabled ? t('language.phrases.enabledOn') : t('language.phrases.enabledOff'));
      void load();
    } catch (e) {
      message.error(problemText(t, e));
    }
  };

  const vars = {
    center: list?.siteId ? desk.siteName(list.siteId) : '',
    agentNo: desk.me.employeeNo ?? '',
    customer: customer.trim() || t('language.phrases.sampleCustomer'),
  };

  return (
    <>
      <Space align="baseline" wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="phrases-title">{t('language.phrases.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('language.phrases.subtitle')}</Typography.Text>
        {list?.holiday && <Tag color="red">{t('language.phrases.holiday', { holiday: list.holiday })}</Tag>}
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={6} xl={5}>
          <Card size="small" styles={{ body: { padding: 4, maxHeight: 'calc(100vh - 180px)', overflowY: 'auto' } }}>
            <Menu
              mode="inline"
              selectedKeys={[moment]}
              onClick={({ key }) => setMoment(key)}
              style={{ borderInlineEnd: 'none' }}
              items={[
                { key: 'all', label: <MomentLabel text={t('language.phrases.allMoments')} count={list?.items.length} /> },
                ...MOMENTS.filter((m) => counts.has(m) || canEdit).map((m) => ({ key: m, label: <MomentLabel text={label(t, 'language.moment', m)} count={counts.get(m) ?? 0} /> })),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={18} xl={19}>
          <Card size="small">
            <Space wrap style={{ marginBottom: 12 }}>
              <Input.Search allowClear placeholder={t('language.phrases.search')} aria-label={t('language.phrases.search')} onChange={(e) => setSearch(e.target.value)} style={{ width: 260 }} />
              <Input allowClear placeholder={t('language.phrases.previewCustomer')} aria-label={t('language.phrases.previewCustomer')} value={customer} onChange={(e) => setCustomer(e.target.value)} style={{ width: 200 }} maxLength={50} />
              {canEdit && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="phrase-add">{t('language.phrases.add')}</Button>}
            </Space>
            <Table<RenderedPhrase>
              rowKey="id"
              size="small"
              loading={!list}
              dataSource={rows}
              pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
              rowClassName={(p) => (p.enabled ? '' : 'hy-phrase-disabled')}
              columns={[
                { title: t('language.phrases.moment'), dataIndex: 'moment', width: 130, render: (m: string) => <Tag color={m.startsWith('festival') ? 'red' : 'blue'}>{label(t, 'language.moment', m)}</Tag> },
                {
                  title: t('language.phrases.text'),
                  render: (_, p) => (
                    <>
                      <div style={{ fontSize: 14 }}>
                        {!p.enabled && <Tag style={{ marginInlineEnd: 6 }} data-testid="phrase-disabled">{t('language.phrases.disabled')}</Tag>}
                        {p.text}
                        {p.note && <Tooltip title={p.note}><InfoCircleOutlined style={{ color: '#8c8c8c', marginInlineStart: 6 }} aria-label={t('language.phrases.note')} /></Tooltip>}
                      </div>
                      {p.followUp && <div><Typography.Text type="secondary">{t('language.picker.followUp')} </Typography.Text>{p.followUp}</div>}
                      {p.template !== p.text && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('language.phrases.template')}{t('language.colon')}<code>{p.template}</code></Typography.Text>}
                      {p.missing.length > 0 && <div><Typography.Text type="warning" style={{ fontSize: 12 }}>{t('language.picker.fillIn', { names: p.missing.map((m) => `{${m}}`).join(' ') })}</Typography.Text></div>}
                    </>
                  ),
                },
                { title: t('language.phrases.source'), dataIndex: 'seedKey', width: 110, render: (k: string | null) => (k ? <Tag>{t('language.phrases.seeded')}</Tag> : <Tag color="green">{t('language.phrases.custom')}</Tag>) },
                ...(canEdit ? [{
                  title: t('language.phrases.enabled'), dataIndex: 'enabled', width: 70,
                  render: (on: boolean, p: RenderedPhrase) => (
                    <Tooltip title={on ? t('language.phrases.enabledHelpOn') : t('language.phrases.enabledHelpOff')}>
                      <Switch size="small" checked={on} aria-label={t('language.phrases.enabled')} onChange={(next) => void toggle(p, next)} data-testid="phrase-enabled" />
                    </Tooltip>
                  ),
                }, {
                  title: t('language.actions'), key: 'actions', width: 110,
                  render: (_: unknown, p: RenderedPhrase) => (
                    <Space size={0}>
                      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} aria-label={t('language.edit')} />
                      <Popconfirm title={t('language.phrases.confirmDelete')} description={p.seedKey ? t('language.phrases.deleteSeedHint') : undefined} okText={t('language.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => remove(p)}>
                        <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('language.delete')} />
                      </Popconfirm>
                    </Space>
                  ),
                }] : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
      <style>{'.hy-phrase-disabled td { background: #fafafa; color: #8c8c8c; }'}</style>
      {editing && <PhraseEditor phrase={editing === 'new' ? null : editing} defaultMoment={moment === 'all' ? 'opening' : moment} vars={vars} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); void load(); }} />}
    </>
  );
}

function MomentLabel({ text, count }: { text: string; count: number | undefined }) {
  return (
    <span style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
      <span>{text}</span>
      <span style={{ color: '#8c8c8c', fontSize: 12 }}>{count ?? ''}</span>
    </span>
  );
}

/** Add or edit one phrase, with the variables it may use and a preview with them filled. */
function PhraseEditor({ phrase, defaultMoment, vars, onClose, onSaved }: {
  phrase: RenderedPhrase | null;
  defaultMoment: string;
  vars: Record<string, string>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<PhraseForm>();
  const { busy, submit } = useSubmitting();
  const textRef = useRef<TextAreaRef>(null);
  const text = Form.useWatch('text', form) ?? '';
  const followUp = Form.useWatch('followUp', form) ?? '';

  const insertVariable = (name: string) => {
    const el = textRef.current?.resizableTextArea?.textArea;
    const current: string = form.getFieldValue('text') ?? '';
    const at = el ? el.selectionStart : current.length;
    const end = el ? el.selectionEnd : current.length;
    form.setFieldValue('text', `${current.slice(0, at)}{${name}}${current.slice(end)}`);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + name.length + 2, at + name.length + 2);
    });
  };

  const save = (values: PhraseForm) => submit(async () => {
    const body = { moment: values.moment, text: values.text, followUp: values.followUp?.trim() || null, note: values.note?.trim() || null };
    if (phrase) await api('PATCH', `/language/phrases/${phrase.id}`, { ...body, version: phrase.version });
    else await api('POST', '/language/phrases', body);
    onSaved();
    return phrase ? t('language.saved') : t('language.phrases.added');
  });

  return (
    <FormDialog
      open
      title={phrase ? t('language.phrases.edit') : t('language.phrases.add')}
      busy={busy}
      testId="phrase-save"
      width={640}
      onClose={onClose}
      onOk={() => form.submit()}
    >
      <Form<PhraseForm>
        form={form}
        layout="vertical"
        initialValues={phrase ? { moment: phrase.moment, text: phrase.template, followUp: phrase.followUp ?? '', note: phrase.note ?? '' } : { moment: defaultMoment }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="moment" label={t('language.phrases.moment')} rules={[{ required: true, message: t('common.required') }]}>
          <Select showSearch optionFilterProp="label" options={MOMENTS.map((m) => ({ value: m, label: label(t, 'language.moment', m) }))} id="phrase-moment" />
        </Form.Item>
        <Form.Item name="text" label={t('language.phrases.text')} rules={[{ required: true, whitespace: true, message: t('common.required') }]} extra={
          <Space size={4} wrap style={{ marginTop: 4 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('language.phrases.variables')}</Typography.Text>
            {PHRASE_VARIABLES.map((name) => (
              <Button key={name} size="small" onClick={() => insertVariable(name)}>
                <code>{`{${name}}`}</code>&nbsp;{t(`language.variable.${name}`)}
              </Button>
            ))}
          </Space>
        }>
          <Input.TextArea ref={textRef} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} id="phrase-text" />
        </Form.Item>
        <Form.Item name="followUp" label={t('language.phrases.followUp')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} id="phrase-follow-up" />
        </Form.Item>
        <Form.Item name="note" label={t('language.phrases.note')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
      </Form>
      <Alert
        type="info"
        title={t('language.phrases.preview')}
        description={<div data-testid="phrase-preview"><div>{preview(text, vars) || '—'}</div>{followUp.trim() && <div>{preview(followUp, vars)}</div>}</div>}
      />
    </FormDialog>
  );
}
