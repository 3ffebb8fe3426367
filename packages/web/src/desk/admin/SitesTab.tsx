import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Form, Input, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, get } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import type { Site } from '../../shared/types';
import { recomputedText, useLoad, useSave, type ServiceHours, type SiteDetail } from './adminApi';
import { DEFAULT_HOURS, hoursProblems, ServiceHoursEditor } from './ServiceHoursEditor';
import { timeZoneOptions } from './timeZones';

interface SiteForm { name: string; kind: string; address?: string; timeZone: string; twentyFourHour: boolean }

const SITE_KINDS = ['residential', 'mall', 'office', 'club', 'industrial'] as const;
const NEW = 0;

/** Sites: name, kind, address, time zone, 24-hour duty and the weekly service hours that working-time limits count in. */
export function SitesTab() {
  const { t } = useI18n();
  const { data, reload } = useLoad(useCallback(() => get<{ items: Site[] }>('/sites'), []));
  const [selected, setSelected] = useState<number | null>(null);
  const sites = data?.items ?? [];

  useEffect(() => {
    if (selected === null && sites[0]) setSelected(sites[0].id);
  }, [sites, selected]);

  const kindLabel = (kind: string) => (SITE_KINDS as readonly string[]).includes(kind) ? t(`admin.siteKind.${kind}` as MessageKey) : kind;

  return (
    <Row gutter={16}>
      <Col xs={24} xl={8}>
        <Card
          title={t('admin.sites.list')}
          extra={<Button icon={<PlusOutlined />} onClick={() => setSelected(NEW)} data-testid="site-add">{t('admin.sites.add')}</Button>}
          styles={{ body: { padding: 0 } }}
        >
          <Table<Site>
            rowKey="id" size="middle" pagination={false} dataSource={sites}
            onRow={(site) => ({ onClick: () => setSelected(site.id), style: { cursor: 'pointer', background: site.id === selected ? '#e6f4ff' : undefined } })}
            columns={[
              { title: t('admin.sites.name'), dataIndex: 'name', render: (name: string, site) => <span data-testid={`site-row-${site.id}`}>{name}</span> },
              { title: t('admin.sites.kind'), dataIndex: 'kind', render: kindLabel },
              { title: t('admin.sites.timeZone'), dataIndex: 'timeZone', render: (zone: string) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{zone}</Typography.Text> },
              { title: t('admin.sites.duty'), dataIndex: 'twentyFourHour', render: (on: boolean) => (on ? <Tag color="blue">{t('admin.sites.allDay')}</Tag> : <Tag>{t('admin.sites.officeHours')}</Tag>) },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        {selected === null
          ? <Card><Empty /></Card>
          : <SiteEditor key={selected} siteId={selected === NEW ? null : selected} kindLabel={kindLabel} onSaved={async (id) => { await reload(); setSelected(id); }} />}
      </Col>
    </Row>
  );
}

function SiteEditor({ siteId, kindLabel, onSaved }: { siteId: number | null; kindLabel: (kind: string) => string; onSaved: (id: number) => Promise<void> }) {
  const { t } = useI18n();
  const save = useSave();
  const [form] = Form.useForm<SiteForm>();
  const [site, setSite] = useState<SiteDetail | null>(null);
  const [hours, setHours] = useState<ServiceHours>(DEFAULT_HOURS);
  const [busy, setBusy] = useState(false);
  const twentyFourHour = Form.useWatch('twentyFourHour', form) ?? true;
  const zones = useMemo(() => timeZoneOptions(), []);

  useEffect(() => {
    if (siteId === null) {
      form.setFieldsValue({ name: '', kind: 'residential', address: '', timeZone: 'Asia/Shanghai', twentyFourHour: false });
      return;
    }
    void get<SiteDetail>(`/sites/${siteId}`).then((detail) => {
      setSite(detail);
      setHours(detail.serviceHours ?? DEFAULT_HOURS);
      form.setFieldsValue({ name: detail.name, kind: detail.kind, address: detail.address ?? '', timeZone: detail.timeZone, twentyFourHour: detail.twentyFourHour });
    });
  }, [siteId, form]);

  const problems = hoursProblems(hours);
  const hoursInvalid = Object.keys(problems).length > 0;

  const submit = async (values: SiteForm) => {
    const body = {
      name: values.name.trim(), kind: values.kind.trim(), address: values.address?.trim() || null, timeZone: values.timeZone,
      twentyFourHour: values.twentyFourHour, serviceHours: hours,
    };
    setBusy(true);
    const saved = await save(
      () => (siteId === null ? api<SiteDetail>('POST', '/sites', body) : api<SiteDetail>('PATCH', `/sites/${siteId}`, body)),
      (result) => [t('admin.saved'), recomputedText(t, result.recomputed)].filter(Boolean).join('，'),
    );
    setBusy(false);
    if (saved) await onSaved(saved.id);
  };

  if (siteId !== null && !site) return <Card loading />;
  return (
    <Card title={siteId === null ? t('admin.sites.new') : site!.name} data-testid="site-editor">
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('admin.sites.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100, message: t('admin.maxLength', { n: 100 }) }]}>
              <Input id="site-name" maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label={t('admin.sites.kind')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 40, message: t('admin.maxLength', { n: 40 }) }]}>
              <Select id="site-kind" options={[...new Set([...SITE_KINDS, ...(site && !(SITE_KINDS as readonly string[]).includes(site.kind) ? [site.kind] : [])])].map((k) => ({ value: k, label: kindLabel(k) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('admin.sites.address')} rules={[{ max: 200, message: t('admin.maxLength', { n: 200 }) }]}>
          <Input id="site-address" maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="timeZone" label={t('admin.sites.timeZone')} extra={t('admin.sites.timeZoneHint')} rules={[{ required: true, message: t('common.required') }]}>
              <Select id="site-timezone" showSearch optionFilterProp="label" options={zones} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="twentyFourHour" label={t('admin.sites.duty')} valuePropName="checked" extra={t('admin.sites.allDayHint')}>
              <Switch id="site-24h" checkedChildren={t('admin.sites.allDay')} unCheckedChildren={t('admin.sites.officeHours')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {/* Outside the form: Enter in a time picker confirms the time, it does not save the site. */}
      <Typography.Title level={5}>{t('admin.sites.hours')}</Typography.Title>
      <ServiceHoursEditor value={hours} onChange={setHours} twentyFourHour={twentyFourHour} />
      <Space style={{ marginTop: 20 }}>
        <Button type="primary" onClick={() => form.submit()} loading={busy} disabled={hoursInvalid} data-testid="site-save">{t('common.save')}</Button>
        {hoursInvalid && <Typography.Text type="danger">{t('admin.hours.fixFirst')}</Typography.Text>}
      </Space>
    </Card>
  );
}
