import { useCallback, useState } from 'react';
import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, get } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useDesk } from '../session';
import { useLoad, useSave, type AdminDepartment, type UserAccount, useSites } from './adminApi';

interface DepartmentForm { name: string; siteId: number | null }

/** Departments: add, rename, the site they serve, deactivate (kept for history) and reactivate. */
export function DepartmentsTab() {
  const { t } = useI18n();
  const desk = useDesk();
  const { sites, siteName } = useSites(desk.sites);
  const save = useSave();
  const [form] = Form.useForm<DepartmentForm>();
  const [editing, setEditing] = useState<AdminDepartment | 'new' | null>(null);
  const { data, reload } = useLoad(useCallback(async () => {
    const [departments, users] = await Promise.all([
      get<{ items: AdminDepartment[] }>('/departments'),
      desk.can('user.manage') ? get<{ items: UserAccount[] }>('/users') : Promise.resolve({ items: [] as UserAccount[] }),
    ]);
    return { departments: departments.items, users: users.items };
  }, [desk]));

  const members = (id: number) => data?.users.filter((u) => u.departmentId === id && !u.disabled).length ?? 0;

  const open = (department: AdminDepartment | 'new') => {
    form.setFieldsValue(department === 'new' ? { name: '', siteId: null } : { name: department.name, siteId: department.siteId });
    setEditing(department);
  };

  const submit = async (values: DepartmentForm) => {
    const body = { name: values.name.trim(), siteId: values.siteId ?? null };
    const done = await save(
      () => (editing === 'new' ? api('POST', '/departments', body) : api('PATCH', `/departments/${(editing as AdminDepartment).id}`, body)),
      t('admin.saved'),
    );
    if (done) {
      setEditing(null);
      await reload();
    }
  };

  const setActive = async (department: AdminDepartment, active: boolean) => {
    if (await save(() => api('PATCH', `/departments/${department.id}`, { active }), active ? t('admin.departments.reactivated') : t('admin.departments.deactivated'))) await reload();
  };

  const siteOptions = [{ value: null as number | null, label: t('admin.allSites') }, ...sites.map((s) => ({ value: s.id as number | null, label: s.name }))];

  return (
    <Card
      title={t('admin.tab.departments')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="department-add">{t('admin.departments.add')}</Button>}
      styles={{ body: { padding: 0 } }}
    >
      <Table<AdminDepartment>
        rowKey="id" loading={!data} dataSource={data?.departments ?? []} pagination={false}
        columns={[
          { title: t('admin.departments.name'), dataIndex: 'name', render: (name: string, d) => <Typography.Text type={d.active ? undefined : 'secondary'} data-testid={`department-${name}`}>{name}</Typography.Text> },
          { title: t('admin.departments.site'), dataIndex: 'siteId', render: (id: number | null) => (id === null ? t('admin.allSites') : siteName(id)) },
          ...(desk.can('user.manage') ? [{ title: t('admin.departments.members'), key: 'members', width: 100, render: (_: unknown, d: AdminDepartment) => members(d.id) }] : []),
          { title: t('admin.status'), dataIndex: 'active', width: 100, render: (active: boolean) => (active ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>) },
          {
            title: t('admin.actions'), key: 'actions', width: 180,
            render: (_, d) => (
              <Space>
                <Button size="small" onClick={() => open(d)}>{t('admin.edit')}</Button>
                {d.active
                  ? (
                    <Popconfirm title={t('admin.departments.deactivateConfirm', { name: d.name })} description={t('admin.departments.deactivateHint')} okText={t('admin.deactivate')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => setActive(d, false)}>
                      <Button size="small" danger>{t('admin.deactivate')}</Button>
                    </Popconfirm>
                  )
                  : <Button size="small" onClick={() => void setActive(d, true)}>{t('admin.reactivate')}</Button>}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('admin.departments.add') : t('admin.departments.edit')}
        okText={t('common.save')} cancelText={t('common.cancel')}
        onOk={() => form.submit()} onCancel={() => setEditing(null)}
        okButtonProps={{ 'data-testid': 'department-save' } as never}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} style={{ marginTop: 16 }}>
          <Form.Item name="name" label={t('admin.departments.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100, message: t('admin.maxLength', { n: 100 }) }]}>
            <Input id="department-name" maxLength={100} autoFocus />
          </Form.Item>
          <Form.Item name="siteId" label={t('admin.departments.site')} extra={t('admin.departments.siteHint')}>
            <Select id="department-site" options={siteOptions} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
