import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Col, Form, InputNumber, Row, Select, Skeleton, Space, Table, Typography } from 'antd';
import { api, get } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { RATINGS, REPLY_METHODS, type ReplyMethod } from '../../shared/types';
import {
  CALLBACK_RULE_KEYS, useLoad, useSave, type CallbackRecordSettings, type CallbackRule, type CallbackRuleKey, type SettingsDocument,
} from './adminApi';
import { LimitInput, validLimit } from './LimitInput';

type Rules = Record<CallbackRuleKey, CallbackRule>;
const MAX_DAYS = 366;
const MODES = ['required', 'sampled', 'none'] as const;

/** What is wrong with a rule, as the server's callbackPolicyProblems would say it; null when fine. */
function ruleProblem(rule: CallbackRule): MessageKey | null {
  if (rule.requirement.mode === 'sampled' && !(rule.requirement.rate >= 0 && rule.requirement.rate <= 1)) return 'admin.callbacks.rateRule';
  if (!validLimit(rule.limit, MAX_DAYS)) return 'admin.callbacks.limitRule';
  if (rule.methods.length === 0) return 'admin.callbacks.methodsRule';
  if (!rule.methods.includes(rule.defaultMethod)) return 'admin.callbacks.defaultRule';
  return null;
}

/** Which results owe a callback (回访), by when and how; and how a callback is recorded. */
export function CallbacksTab() {
  const { t } = useI18n();
  const save = useSave();
  const { data, reload } = useLoad(useCallback(() => get<SettingsDocument>('/settings'), []));
  const [rules, setRules] = useState<Rules | null>(null);
  const [mode, setMode] = useState<'jittered' | 'exact'>('jittered');
  const [record, setRecord] = useState<CallbackRecordSettings | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = useCallback((settings: SettingsDocument) => {
    setRules(structuredClone(settings.callbacks.policy.rules));
    setMode(settings.callbacks.policy.samplingMode);
    setRecord({ ...settings.callbacks.record });
  }, []);
  useEffect(() => {
    if (data) reset(data);
  }, [data, reset]);

  if (!data || !rules || !record) return <Card><Skeleton active /></Card>;

  const saved = data.callbacks;
  const changedRules = CALLBACK_RULE_KEYS.filter((key) => JSON.stringify(rules[key]) !== JSON.stringify(saved.policy.rules[key]));
  const modeChanged = mode !== saved.policy.samplingMode;
  const recordChanged = JSON.stringify(record) !== JSON.stringify(saved.record);
  const problems = Object.fromEntries(CALLBACK_RULE_KEYS.map((key) => [key, ruleProblem(rules[key])])) as Record<CallbackRuleKey, MessageKey | null>;
  const ratingRank = (r: string) => (RATINGS as readonly string[]).indexOf(r);
  const recordProblem: MessageKey | null = !(Number.isInteger(record.maxAttempts) && record.maxAttempts >= 1 && record.maxAttempts <= 20) ? 'admin.callbacks.attemptsRule'
    : ratingRank(record.satisfiedAtOrBetter) >= ratingRank(record.reopenAtOrWorse) ? 'admin.callbacks.ratingRule' : null;
  const invalid = Object.values(problems).some(Boolean) || recordProblem !== null;
  const dirty = changedRules.length > 0 || modeChanged || recordChanged;

  const setRule = (key: CallbackRuleKey, next: Partial<CallbackRule>) => setRules({ ...rules, [key]: { ...rules[key], ...next } });
  const methodLabel = (m: string) => t(`reply.${m}` as MessageKey);

  const submit = async () => {
    const policy = {
      ...(changedRules.length ? { rules: Object.fromEntries(changedRules.map((key) => [key, rules[key]])) } : {}),
      ...(modeChanged ? { samplingMode: mode } : {}),
    };
    const body = { callbacks: { ...(Object.keys(policy).length ? { policy } : {}), ...(recordChanged ? { record } : {}) } };
    setBusy(true);
    if (await save(() => api('PATCH', '/settings', body), t('admin.callbacks.saved'))) await reload();
    setBusy(false);
  };

  return (
    <Card title={t('admin.tab.callbacks')}>
      <Typography.Paragraph type="secondary">{t('admin.callbacks.hint')}</Typography.Paragraph>
      <Table
        rowKey="key" size="middle" pagination={false} scroll={{ x: 1090 }}
        dataSource={CALLBACK_RULE_KEYS.map((key) => ({ key }))}
        columns={[
          {
            title: t('admin.callbacks.rule'), key: 'rule', width: 160, fixed: 'left',
            render: (_, { key }) => (
              <div>
                <div>{t(`admin.callbacks.rule.${key}` as MessageKey)}</div>
                {problems[key] && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t(problems[key]!)}</Typography.Text>}
              </div>
            ),
          },
          {
            title: t('admin.callbacks.requirement'), key: 'requirement', width: 220,
            render: (_, { key }) => {
              const req = rules[key].requirement;
              return (
                <Space.Compact>
                  <Select
                    value={req.mode} style={{ width: 120 }} aria-label={`${t(`admin.callbacks.rule.${key}` as MessageKey)} ${t('admin.callbacks.requirement')}`} data-testid={`callback-${key}-mode`}
                    options={MODES.map((m) => ({ value: m, label: t(`admin.callbacks.mode.${m}` as MessageKey) }))}
                    onChange={(m: (typeof MODES)[number]) => setRule(key, { requirement: m === 'sampled' ? { mode: 'sampled', rate: 0.3 } : { mode: m } })}
                  />
                  {req.mode === 'sampled' && (
                    <InputNumber
                      min={0} max={100} precision={0} suffix="%" style={{ width: 96 }} value={Math.round(req.rate * 100)} aria-label={t('admin.callbacks.rate')}
                      onChange={(v) => setRule(key, { requirement: { mode: 'sampled', rate: typeof v === 'number' ? v / 100 : Number.NaN } })}
                    />
                  )}
                </Space.Compact>
              );
            },
          },
          {
            title: t('admin.callbacks.limit'), key: 'limit', width: 240,
            render: (_, { key }) => (
              <LimitInput value={rules[key].limit} units={['working_days', 'days'] as const} max={MAX_DAYS} label={t('admin.callbacks.limit')} onChange={(limit) => setRule(key, { limit })} />
            ),
          },
          {
            title: t('admin.callbacks.methods'), key: 'methods', width: 220,
            render: (_, { key }) => (
              <Select
                mode="multiple" value={rules[key].methods} style={{ width: 204 }} aria-label={t('admin.callbacks.methods')} status={rules[key].methods.length ? undefined : 'error'}
                options={REPLY_METHODS.map((m) => ({ value: m, label: methodLabel(m) }))}
                onChange={(methods: ReplyMethod[]) => setRule(key, { methods, defaultMethod: methods.includes(rules[key].defaultMethod) ? rules[key].defaultMethod : methods[0] ?? rules[key].defaultMethod })}
              />
            ),
          },
          {
            title: t('admin.callbacks.default'), key: 'default', width: 110,
            render: (_, { key }) => (
              <Select value={rules[key].defaultMethod} style={{ width: 96 }} aria-label={t('admin.callbacks.default')}
                options={rules[key].methods.map((m) => ({ value: m, label: methodLabel(m) }))} onChange={(defaultMethod: ReplyMethod) => setRule(key, { defaultMethod })} />
            ),
          },
          {
            title: t('admin.callbacks.agreed'), key: 'agreed', width: 130,
            render: (_, { key }) => (
              <Select value={rules[key].agreedMethod} style={{ width: 116 }} aria-label={t('admin.callbacks.agreed')}
                options={(['prefer', 'allow', 'ignore'] as const).map((a) => ({ value: a, label: t(`admin.callbacks.agreed.${a}` as MessageKey) }))}
                onChange={(agreedMethod: CallbackRule['agreedMethod']) => setRule(key, { agreedMethod })} />
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('admin.callbacks.recordTitle')}</Typography.Title>
      <Form layout="vertical">
        <Row gutter={24}>
          <Col xs={24} md={6}>
            <Form.Item label={t('admin.callbacks.samplingMode')} extra={t(`admin.callbacks.samplingMode.${mode}.hint` as MessageKey)}>
              <Select value={mode} onChange={setMode} options={(['jittered', 'exact'] as const).map((m) => ({ value: m, label: t(`admin.callbacks.samplingMode.${m}` as MessageKey) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('admin.callbacks.maxAttempts')} extra={t('admin.callbacks.maxAttemptsHint')} validateStatus={recordProblem === 'admin.callbacks.attemptsRule' ? 'error' : undefined}>
              <InputNumber min={1} max={20} precision={0} value={record.maxAttempts} onChange={(v) => setRecord({ ...record, maxAttempts: typeof v === 'number' ? v : Number.NaN })} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('admin.callbacks.satisfied')} validateStatus={recordProblem === 'admin.callbacks.ratingRule' ? 'error' : undefined}>
              <Select value={record.satisfiedAtOrBetter} onChange={(v: string) => setRecord({ ...record, satisfiedAtOrBetter: v })} options={RATINGS.map((r) => ({ value: r, label: t(`rating.${r}` as MessageKey) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('admin.callbacks.reopen')} validateStatus={recordProblem === 'admin.callbacks.ratingRule' ? 'error' : undefined}
              help={recordProblem ? t(recordProblem) : undefined}>
              <Select value={record.reopenAtOrWorse} onChange={(v: string) => setRecord({ ...record, reopenAtOrWorse: v })} options={RATINGS.map((r) => ({ value: r, label: t(`rating.${r}` as MessageKey) }))} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Space>
        <Button type="primary" disabled={!dirty || invalid} loading={busy} onClick={() => void submit()} data-testid="callbacks-save">{t('common.save')}</Button>
        <Button disabled={!dirty} onClick={() => reset(data)}>{t('admin.undoChanges')}</Button>
      </Space>
    </Card>
  );
}
