import { useCallback, useState } from 'react';
import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { api, get } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { useDesk } from '../session';
import { AGENCY_SERVICES, useLoad, useSave, type Agency, useSites } from './adminApi';

interface AgencyForm { siteId: number | null; service: string; name: string; phone: string; notes?: string }

/** The server's phone rule for directory entries (complaint.schemas.ts). */
const PHONE = /^[0-9+()（）\- ]+$/;
const SERVICE_COLOR: Record<string, string> = { water: 'blue', power: 'gold', heating: 'volcano', gas: 'orange', cable_tv: 'purple', telephone: 'cyan', other: 'default' };

/** The external agency directory (市政配套): the hotlines the desk gives customers for water, power, heating, gas, cable TV and telephone. */
export function AgenciesTab() {
  const { t } = useI18n();
  const desk = useDesk();
  const { sites, siteName } = useSites(desk.sites);
  const save = useSave();
  const [form] = Form.useForm<AgencyForm>();
  const [filter, setFilter] = useState<number | null>(null);
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const { data, reload } = useLoad(useCallback(() => get<{ items: Agency[] }>('/agencies', { siteId: filter ?? undefined }), [filter]));
  // An organisation-wide entry concerns every site: only someone working at every site edits one (the server says the same).
  const everySite = desk.me.siteIds.length === 0;
  const serviceLabel = (s: string) => t(`admin.agency.${s}` as MessageKey);
  const mine = (a: Agency) => (a.siteId === null ? everySite : everySite || desk.me.siteIds.includes(a.siteId));

  const open = (agency: Agency | 'new') => {
    form.resetFields();
    form.setFieldsValue(agency === 'new'
      ? { siteId: filter ?? (everySite ? null : desk.me.siteIds[0] ?? null), service: 'water', name: '', phone: '', notes: '' }
      : { siteId: agency.siteId, service: agency.service, name: agency.name, phone: agency.phone, notes: agency.notes ?? '' });
    setEditing(agency);
  };

  const submit = async (values: AgencyForm) => {
    const body = { siteId: values.siteId ?? null, service: values.service, name: values.name.trim(), phone: values.phone.trim(), notes: values.notes?.trim() || null };
    const done = await save(
      () => (editing === 'new' ? api('POST', '/agencies', body) : api('PATCH', `/agencies/${(editing as Agency).id}`, body)),
      t('admin.saved'),
    );
    if (done) {
      setEditing(null);
      await reload();
    }
  };

  const remove = async (agency: Agency) => {
    if (await save(() => api('DELETE', `/agencies/${agency.id}`), t('admin.agency.removed', { name: agency.name }))) await reload();
  };

  const siteOptions = [
    ...(everySite ? [{ value: null as number | null, label: t('admin.allSites') }] : []),
    ...sites.filter((s) => everySite || desk.me.siteIds.includes(s.id)).map((s) => ({ value: s.id as number | null, label: s.name })),
  ];

  return (
    <Card
      title={t('admin.tab.agencies')}
      extra={(
        <Space>
          <Select
            value={filter ?? 0} onChange={(v: number) => setFilter(v === 0 ? null : v)} style={{ width: 180 }} aria-label={t('admin.agency.filter')}
            options={[{ value: 0, label: t('admin.agency.all') }, ...sites.map((s) => ({ value: s.id, label: s.name }))]}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="agency-add">{t('admin.agency.add')}</Button>
        </Space>
      )}
      styles={{ body: { padding: 0 } }}
    >
      <Table<Agency>
        rowKey="id" loading={!data} dataSource={data?.items ?? []} pagination={false}
        locale={{ emptyText: t('admin.agency.empty') }}
        columns={[
          { title: t('admin.agency.service'), dataIndex: 'service', width: 120, render: (s: string) => <Tag color={SERVICE_COLOR[s]}>{serviceLabel(s)}</Tag> },
          { title: t('admin.agency.name'), dataIndex: 'name' },
          { title: t('admin.agency.phone'), dataIndex: 'phone', render: (p: string) => <Space size={4}><PhoneOutlined style={{ color: '#8c8c8c' }} /><Typography.Text copyable>{p}</Typography.Text></Space> },
          { title: t('admin.agency.scope'), dataIndex: 'siteId', render: (id: number | null) => (id === null ? t('admin.allSites') : siteName(id)) },
          { title: t('admin.agency.notes'), dataIndex: 'notes', render: (n: string | null) => <Typography.Text type="secondary">{n ?? ''}</Typography.Text> },
          {
            title: t('admin.actions'), key: 'actions', width: 150,
            render: (_, a) => (mine(a) ? (
              <Space>
                <Button size="small" onClick={() => open(a)}>{t('admin.edit')}</Button>
                <Popconfirm title={t('admin.agency.removeConfirm', { name: a.name })} okText={t('admin.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => remove(a)}>
                  <Button size="small" danger>{t('admin.delete')}</Button>
                </Popconfirm>
              </Space>
            ) : null),
          },
        ]}
      />
      <Modal
        open={editing !== null} title={editing === 'new' ? t('admin.agency.add') : t('admin.agency.edit')}
        okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={() => setEditing(null)}
        okButtonProps={{ 'data-testid': 'agency-save' } as never} forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} style={{ marginTop: 16 }}>
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item name="service" label={t('admin.agency.service')} style={{ width: 160 }} rules={[{ required: true, message: t('common.required') }]}>
              <Select id="agency-service" options={AGENCY_SERVICES.map((s) => ({ value: s, label: serviceLabel(s) }))} />
            </Form.Item>
            <Form.Item name="siteId" label={t('admin.agency.scope')} style={{ flex: 1 }}>
              <Select id="agency-site" options={siteOptions} />
            </Form.Item>
          </div>
          <Form.Item name="name" label={t('admin.agency.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100, message: t('admin.maxLength', { n: 100 }) }]}>
            <Input id="agency-name" maxLength={100} />
          </Form.Item>
          <Form.Item name="phone" label={t('admin.agency.phone')} rules={[
            { required: true, message: t('common.required') }, { min: 3, max: 32, message: t('admin.agency.phoneLength') }, { pattern: PHONE, message: t('admin.agency.phoneRule') },
          ]}>
            <Input id="agency-phone" maxLength={32} />
          </Form.Item>
          <Form.Item name="notes" label={t('admin.agency.notes')} rules={[{ max: 1000, message: t('admin.maxLength', { n: 1000 }) }]}>
            <Input.TextArea id="agency-notes" rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
