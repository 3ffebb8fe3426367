import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, InputNumber, Select, Skeleton, Space, Table, Typography } from 'antd';
import { api, get } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { KINDS, type Kind } from '../../shared/types';
import { useDesk } from '../session';
import { LIMIT_UNITS, recomputedText, SLA_LIMIT_KEYS, useLoad, useSave, type Limit, type SettingsDocument, type SlaLayer, type SlaLimitKey, useSites } from './adminApi';
import { LimitInput, validLimit } from './LimitInput';

const MAX_AMOUNT = 10_000;
type Scope = 'org' | `kind:${Kind}` | `site:${number}`;
/** A layer row's own value, or null: it inherits the organisation's. */
type Draft = Record<SlaLimitKey, Limit | null>;

function layerOf(settings: SettingsDocument, scope: Scope): SlaLayer {
  if (scope === 'org') return settings.sla;
  const [kind, key] = scope.split(':') as [string, string];
  return (kind === 'kind' ? settings.slaByKind[key as Kind] : settings.slaBySite[key]) ?? {};
}

/**
 * SLA limits (DOMAIN.md §4): the organisation's, then overrides for one kind
 * of work order or one site. A change applies to orders taken in from now on,
 * unless the administrator asks to recompute the open ones too. The callback
 * deadline is the callback policy's, per rule: this tab only points there.
 */
export function SlaTab() {
  const { t } = useI18n();
  const desk = useDesk();
  const { sites } = useSites(desk.sites);
  const save = useSave();
  const { data, reload } = useLoad(useCallback(() => get<SettingsDocument>('/settings'), []));
  const [scope, setScope] = useState<Scope>('org');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [warningPct, setWarningPct] = useState<number | null>(null);
  const [clockKinds, setClockKinds] = useState<Kind[]>([]);
  const [applyToOpen, setApplyToOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const reset = useCallback((settings: SettingsDocument, next: Scope) => {
    const layer = layerOf(settings, next);
    setDraft(Object.fromEntries(SLA_LIMIT_KEYS.map((key) => [key, layer[key] ?? null])) as Draft);
    setWarningPct(Math.round(settings.sla.warningRatio * 1000) / 10);
    setClockKinds(settings.sla.dispatchClockKinds);
  }, []);

  useEffect(() => {
    if (data) reset(data, scope);
  }, [data, scope, reset]);

  const layer = useMemo(() => (data ? layerOf(data, scope) : {}), [data, scope]);
  if (!data || !draft) return <Card><Skeleton active /></Card>;

  const isOrg = scope === 'org';
  const limitLabel = (key: SlaLimitKey) => t(`admin.sla.${key}` as MessageKey);
  const changedKeys = SLA_LIMIT_KEYS.filter((key) => JSON.stringify(draft[key]) !== JSON.stringify(layer[key] ?? null));
  const ratio = warningPct === null ? NaN : warningPct / 100;
  const warningChanged = isOrg && ratio !== data.sla.warningRatio;
  const kindsChanged = isOrg && [...clockKinds].sort().join() !== [...data.sla.dispatchClockKinds].sort().join();
  const invalid = SLA_LIMIT_KEYS.some((key) => draft[key] !== null && !validLimit(draft[key]!, MAX_AMOUNT)) || !(ratio > 0 && ratio < 1);
  const dirty = changedKeys.length > 0 || warningChanged || kindsChanged;

  const submit = async () => {
    const limits = Object.fromEntries(changedKeys.map((key) => [key, draft[key]]));
    const section = isOrg
      ? { sla: { ...limits, ...(warningChanged ? { warningRatio: ratio } : {}), ...(kindsChanged ? { dispatchClockKinds: clockKinds } : {}) } }
      : scope.startsWith('kind:') ? { slaByKind: { [scope.slice(5)]: limits } } : { slaBySite: { [scope.slice(5)]: limits } };
    setBusy(true);
    const result = await save(
      () => api<SettingsDocument>('PATCH', '/settings', { ...section, applyToOpenOrders: applyToOpen }),
      (r) => [t('admin.saved'), recomputedText(t, r.recomputed)].filter(Boolean).join('，'),
    );
    setBusy(false);
    if (result) {
      setApplyToOpen(false);
      await reload();
    }
  };

  const scopes = [
    { label: t('admin.sla.orgScope'), options: [{ value: 'org', label: t('admin.sla.orgScope') }] },
    { label: t('admin.sla.byKind'), options: KINDS.map((k) => ({ value: `kind:${k}`, label: `${t(`kind.${k}` as MessageKey)}${data.slaByKind[k] && Object.keys(data.slaByKind[k]!).length ? ' ●' : ''}` })) },
    { label: t('admin.sla.bySite'), options: sites.map((s) => ({ value: `site:${s.id}`, label: `${s.name}${data.slaBySite[String(s.id)] ? ' ●' : ''}` })) },
  ];

  return (
    <Card
      style={{ maxWidth: 1040 }}
      title={t('admin.tab.sla')}
      extra={(
        <Space>
          <Typography.Text type="secondary">{t('admin.sla.scope')}</Typography.Text>
          <Select value={scope} onChange={(v: Scope) => setScope(v)} options={scopes} style={{ width: 200 }} aria-label={t('admin.sla.scope')} data-testid="sla-scope" />
        </Space>
      )}
    >
      {!isOrg && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('admin.sla.layerHint')} />}
      <Table
        rowKey="key" size="middle" pagination={false}
        dataSource={SLA_LIMIT_KEYS.map((key) => ({ key }))}
        columns={[
          {
            title: t('admin.sla.clock'), key: 'label',
            render: (_, { key }) => (
              <div>
                <div>{limitLabel(key)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`admin.sla.${key}.hint` as MessageKey)}</Typography.Text>
              </div>
            ),
          },
          ...(isOrg ? [] : [{
            title: t('admin.sla.own'), key: 'own', width: 110,
            render: (_: unknown, { key }: { key: SlaLimitKey }) => (
              <Checkbox checked={draft[key] !== null} aria-label={`${limitLabel(key)} ${t('admin.sla.own')}`}
                onChange={(e) => setDraft({ ...draft, [key]: e.target.checked ? { ...(data.sla[key] as Limit) } : null })} />
            ),
          }]),
          {
            title: t('admin.sla.limit'), key: 'limit', width: 260,
            render: (_, { key }) => {
              const own = draft[key];
              return (
                <LimitInput
                  value={own ?? (data.sla[key] as Limit)} units={LIMIT_UNITS} max={MAX_AMOUNT} disabled={own === null} label={limitLabel(key)} testId={`sla-${key}`}
                  onChange={(next) => setDraft({ ...draft, [key]: next })}
                />
              );
            },
          },
          ...(isOrg ? [] : [{
            title: '', key: 'inherited', width: 160,
            render: (_: unknown, { key }: { key: SlaLimitKey }) => (draft[key] === null
              ? <Typography.Text type="secondary">{t('admin.sla.inherits')}</Typography.Text> : null),
          }]),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="sla-callback-note">
        {t('admin.sla.callbackNote')} <Link to="/settings/callbacks" data-testid="sla-callback-link">{t('admin.sla.callbackLink')}</Link>
      </Typography.Paragraph>
      {isOrg && (
        <Space orientation="vertical" size={12} style={{ marginTop: 20, width: '100%' }}>
          <Space wrap>
            <Typography.Text>{t('admin.sla.warning')}</Typography.Text>
            <InputNumber
              min={1} max={99} step={1} value={warningPct} onChange={(v) => setWarningPct(v)} suffix="%" style={{ width: 110 }}
              aria-label={t('admin.sla.warning')} status={ratio > 0 && ratio < 1 ? undefined : 'error'} data-testid="sla-warning"
            />
            <Typography.Text type="secondary">{t('admin.sla.warningHint')}</Typography.Text>
          </Space>
          <Space wrap>
            <Typography.Text>{t('admin.sla.dispatchKinds')}</Typography.Text>
            <Checkbox.Group value={clockKinds} onChange={(v) => setClockKinds(v as Kind[])} options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}` as MessageKey) }))} />
          </Space>
        </Space>
      )}
      <Space style={{ marginTop: 20 }} wrap>
        <Checkbox checked={applyToOpen} onChange={(e) => setApplyToOpen(e.target.checked)} data-testid="sla-apply-open">{t('admin.sla.applyToOpen')}</Checkbox>
        <Button type="primary" disabled={!dirty || invalid} loading={busy} onClick={() => void submit()} data-testid="sla-save">{t('common.save')}</Button>
        <Button disabled={!dirty} onClick={() => reset(data, scope)}>{t('admin.undoChanges')}</Button>
        {invalid && <Typography.Text type="danger">{t('admin.sla.invalid', { max: MAX_AMOUNT })}</Typography.Text>}
      </Space>
    </Card>
  );
}
