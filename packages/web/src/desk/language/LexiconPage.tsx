import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Col, Form, Input, Popconfirm, Radio, Row, Select, Space, Switch, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api, get } from '../../shared/api';
import { label, useI18n } from '../../shared/i18n';
import { useDesk } from '../session';
import { CheckedTextArea } from './CheckedTextArea';
import { problemText, useSubmitting } from './feedback';
import { FormDialog } from './FormDialog';
import { GROUPS, SCOPES, SEVERITIES, type LexiconRule } from './types';
import { useLanguageCheck } from './useLanguageCheck';

interface RuleForm {
  phrase: string;
  group: string;
  severity: string;
  suggestion: string;
  patterns?: string[];
  scope: string;
  exceptions?: string[];
  unlessAfter?: string[];
  note?: string;
  enabled: boolean;
}

const words = (list: string[], color?: string) => (list.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : (
  <Space size={[2, 2]} wrap>{list.map((w) => <Tag key={w} color={color} style={{ marginInlineEnd: 0 }}>{w}</Tag>)}</Space>
));

/** The forbidden-phrase lexicon (服务禁语, 不规范用语), grouped, with a box to try texts against it. */
export default function LexiconPage() {
  const { t } = useI18n();
  const desk = useDesk();
  const { message } = App.useApp();
  const [rules, setRules] = useState<LexiconRule[] | null>(null);
  const [version, setVersion] = useState(0);
  const [group, setGroup] = useState('all');
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<LexiconRule | 'new' | null>(null);
  const canEdit = desk.can('language.configure');

  const load = useCallback(async () => {
    try {
      const list = await get<{ version: number; items: LexiconRule[] }>('/language/lexicon');
      setRules(list.items);
      setVersion(list.version);
    } catch (e) {
      message.error(problemText(t, e));
    }
  }, [message, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (rules ?? []).filter((r) => (group === 'all' || r.group === group)
      && (!q || [r.phrase, r.suggestion, r.key, ...(r.patterns ?? []), ...r.exceptions].some((s) => s.toLowerCase().includes(q))));
  }, [rules, group, search]);

  const patch = async (rule: LexiconRule, changes: Partial<RuleForm>, done: string) => {
    try {
      await api('PATCH', `/language/lexicon/${rule.id}`, { ...changes, version: rule.version });
      message.success(done);
      void load();
    } catch (e) {
      message.error(problemText(t, e));
    }
  };

  const remove = async (rule: LexiconRule) => {
    try {
      await api('DELETE', `/language/lexicon/${rule.id}`);
      message.success(t('language.lexicon.deleted'));
      void load();
    } catch (e) {
      message.error(problemText(t, e));
    }
  };

  const countOf = (g: string) => (rules ?? []).filter((r) => r.group === g).length;

  return (
    <>
      <Space align="baseline" wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="lexicon-title">{t('language.lexicon.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('language.lexicon.subtitle', { version })}</Typography.Text>
      </Space>
      <TryIt version={version} />
      <Card size="small" style={{ marginTop: 16 }}>
        <Tabs
          activeKey={group}
          onChange={setGroup}
          size="small"
          items={[
            { key: 'all', label: `${t('language.lexicon.all')} ${rules?.length ?? ''}` },
            ...GROUPS.filter((g) => countOf(g) > 0 || canEdit).map((g) => ({ key: g, label: `${label(t, 'language.group', g)} ${countOf(g)}` })),
          ]}
          tabBarExtraContent={(
            <Space>
              <Input.Search allowClear size="small" placeholder={t('language.lexicon.search')} aria-label={t('language.lexicon.search')} onChange={(e) => setSearch(e.target.value)} style={{ width: 200 }} />
              {canEdit && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="rule-add">{t('language.lexicon.add')}</Button>}
            </Space>
          )}
        />
        <Table<LexiconRule>
          rowKey="id"
          size="small"
          loading={!rules}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          rowClassName={(r) => (r.enabled ? '' : 'hy-rule-disabled')}
          columns={[
            {
              title: t('language.lexicon.phrase'), dataIndex: 'phrase', width: 230,
              render: (_, r) => (
                <>
                  <Typography.Text strong delete={!r.enabled}>{r.phrase}</Typography.Text>
                  <div style={{ marginTop: 2 }}>
                    <Tag color={r.severity === 'forbidden' ? 'red' : 'orange'}>{t(r.severity === 'forbidden' ? 'language.severity.forbidden' : 'language.severity.nonStandard')}</Tag>
                    {group === 'all' && <Tag>{label(t, 'language.group', r.group)}</Tag>}
                    <Sources rule={r} />
                  </div>
                </>
              ),
            },
            {
              title: t('language.lexicon.patterns'), key: 'match', width: 220,
              render: (_, r) => (
                <>
                  {words(r.patterns ?? [r.phrase])}
                  <div>
                    <Tooltip title={t(`language.scope.${r.scope}.help` as 'language.scope.anywhere.help')}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('language.lexicon.scope')}{t('language.colon')}{t(`language.scope.${r.scope}` as 'language.scope.anywhere')}</Typography.Text>
                    </Tooltip>
                  </div>
                </>
              ),
            },
            {
              title: t('language.lexicon.context'), key: 'context', width: 240,
              render: (_, r) => (r.exceptions.length === 0 && r.unlessAfter.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : (
                <>
                  {r.exceptions.length > 0 && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('language.lexicon.exceptions')}{t('language.colon')}</Typography.Text>{words(r.exceptions, 'green')}</div>}
                  {r.unlessAfter.length > 0 && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('language.lexicon.unlessAfter')}{t('language.colon')}</Typography.Text>{words(r.unlessAfter, 'cyan')}</div>}
                </>
              )),
            },
            { title: t('language.lexicon.suggestion'), dataIndex: 'suggestion', render: (v: string) => <Typography.Text type="success">{v}</Typography.Text> },
            {
              title: t('language.lexicon.enabled'), dataIndex: 'enabled', width: 64,
              render: (on: boolean, r) => <Switch size="small" checked={on} disabled={!canEdit} aria-label={t('language.lexicon.enabled')} onChange={(next) => void patch(r, { enabled: next }, next ? t('language.lexicon.enabledOn') : t('language.lexicon.enabledOff'))} />,
            },
            ...(canEdit ? [{
              title: t('language.actions'), key: 'actions', width: 80,
              render: (_: unknown, r: LexiconRule) => (
                <Space size={0}>
                  <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={t('language.edit')} />
                  <Popconfirm title={t('language.lexicon.confirmDelete', { phrase: r.phrase })} description={t('language.lexicon.deleteHint')} okText={t('language.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => remove(r)}>
                    <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('language.delete')} />
                  </Popconfirm>
                </Space>
              ),
            }] : []),
          ]}
        />
      </Card>
      {editing && <RuleEditor rule={editing === 'new' ? null : editing} defaultGroup={group === 'all' ? GROUPS[0] : group} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); void load(); }} />}
      <style>{'.hy-rule-disabled td { background: #fafafa; color: #8c8c8c; }'}</style>
    </>
  );
}

/** Where a rule comes from: the seed manuals (S1 part 3 …) or the organisation's own. */
function Sources({ rule }: { rule: LexiconRule }) {
  const { t } = useI18n();
  if (rule.sources.length === 0) return <Tag color="green">{t('language.phrases.custom')}</Tag>;
  return (
    <Tooltip title={<>{rule.sources.map((x) => <div key={`${x.seed}${x.at}`}>{x.seed} {x.at}</div>)}{rule.note && <div style={{ marginTop: 4 }}>{rule.note}</div>}<div style={{ opacity: 0.7 }}>{rule.key}</div></>}>
      <Tag>{[...new Set(rule.sources.map((x) => x.seed))].join(' ')}</Tag>
    </Tooltip>
  );
}

/** "Try it": the same live check the reply boxes use, against the lexicon as it now stands. */
function TryIt({ version }: { version: number }) {
  const { t } = useI18n();
  const check = useLanguageCheck();
  const [text, setText] = useState('');
  useEffect(() => {
    // An edit to the lexicon changes what the text hits.
    if (text) check.schedule(text);
  }, [version]);
  return (
    <Card size="small" title={t('language.lexicon.tryIt')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('language.lexicon.tryItHint')}</Typography.Text>} data-testid="lexicon-try">
      <CheckedTextArea value={text} onChange={setText} check={check} rows={2} id="lexicon-try-text" placeholder={t('language.lexicon.tryItPlaceholder')} />
    </Card>
  );
}

const tagsSelect = (placeholder: string) => <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} placeholder={placeholder} />;

/** Add or edit one rule: what is searched for, where in a clause, and the context that makes it acceptable. */
function RuleEditor({ rule, defaultGroup, onClose, onSaved }: { rule: LexiconRule | null; defaultGroup: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RuleForm>();
  const { busy, submit } = useSubmitting();

  const save = (v: RuleForm) => submit(async () => {
    const body = {
      phrase: v.phrase, group: v.group, severity: v.severity, suggestion: v.suggestion, scope: v.scope,
      patterns: v.patterns && v.patterns.length > 0 ? v.patterns : null,
      exceptions: v.exceptions ?? [], unlessAfter: v.unlessAfter ?? [], note: v.note?.trim() || null, enabled: v.enabled,
    };
    if (rule) await api('PATCH', `/language/lexicon/${rule.id}`, { ...body, version: rule.version });
    else await api('POST', '/language/lexicon', body);
    onSaved();
    return rule ? t('language.saved') : t('language.lexicon.added');
  });

  return (
    <FormDialog
      open
      title={rule ? t('language.lexicon.edit') : t('language.lexicon.add')}
      busy={busy}
      testId="rule-save"
      width={680}
      onClose={onClose}
      onOk={() => form.submit()}
    >
      <Form<RuleForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={rule
          ? { ...rule, patterns: rule.patterns ?? [], note: rule.note ?? '' }
          : { group: defaultGroup, severity: 'forbidden', scope: 'anywhere', enabled: true, patterns: [], exceptions: [], unlessAfter: [] }}
        onFinish={(v) => void save(v)}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="phrase" label={t('language.lexicon.phrase')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={200} id="rule-phrase" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="group" label={t('language.lexicon.group')}>
              <Select options={GROUPS.map((g) => ({ value: g, label: label(t, 'language.group', g) }))} id="rule-group" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="severity" label={t('language.lexicon.severity')}>
              <Radio.Group optionType="button" size="small" options={SEVERITIES.map((s) => ({ value: s, label: t(`language.severity.${s}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="suggestion" label={t('language.lexicon.suggestion')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} id="rule-suggestion" />
        </Form.Item>
        <Form.Item name="patterns" label={t('language.lexicon.patterns')} extra={t('language.lexicon.patternsHelp')}>
          {tagsSelect(t('language.lexicon.patternsPlaceholder'))}
        </Form.Item>
        <Form.Item name="scope" label={t('language.lexicon.scope')}>
          <Radio.Group options={SCOPES.map((s) => ({ value: s, label: <Tooltip title={t(`language.scope.${s}.help`)}>{t(`language.scope.${s}`)}</Tooltip> }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="exceptions" label={t('language.lexicon.exceptions')} extra={t('language.lexicon.exceptionsHelp')}>
              {tagsSelect(t('language.lexicon.wordsPlaceholder'))}
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="unlessAfter" label={t('language.lexicon.unlessAfter')} extra={t('language.lexicon.unlessAfterHelp')}>
              {tagsSelect(t('language.lexicon.wordsPlaceholder'))}
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('language.lexicon.note')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="enabled" label={t('language.lexicon.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
