import { useCallback, useMemo, useState } from 'react';
import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, get } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { useDesk } from '../session';
import { STAFF_ROLES, useLoad, useSave, type AdminDepartment, type UserAccount, useSites } from './adminApi';

interface UserForm {
  username: string; displayName: string; employeeNo?: string; role: string; departmentId?: number | null; siteIds: number[]; password?: string;
}

/** The server's limits (users/user.routes.ts), checked while typing. */
const USERNAME = /^[A-Za-z0-9_.@-]+$/;
const EMPLOYEE_NO = /^[A-Za-z0-9-]*$/;
const MIN_PASSWORD = 8;

/** A password an administrator can read out: no 0/O or 1/l/I to mishear. */
function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** Staff accounts: create with 工号, role, department and site scope; edit; reset a password; deactivate. */
export function UsersTab() {
  const { t } = useI18n();
  const desk = useDesk();
  const { sites, siteName } = useSites(desk.sites);
  const save = useSave();
  const [form] = Form.useForm<UserForm>();
  const [passwordForm] = Form.useForm<{ password: string }>();
  const [editing, setEditing] = useState<UserAccount | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserAccount | null>(null);
  const [query, setQuery] = useState('');
  const [role, setRole] = useState<string | undefined>();
  const { data, reload } = useLoad(useCallback(async () => {
    const [users, departments] = await Promise.all([get<{ items: UserAccount[] }>('/users'), get<{ items: AdminDepartment[] }>('/departments')]);
    return { users: users.items.filter((u) => u.role !== 'customer'), departments: departments.items };
  }, []));

  const roleLabel = (r: string) => t(`admin.role.${r}` as MessageKey);
  const departmentName = (id: number | null) => (id === null ? '' : data?.departments.find((d) => d.id === id)?.name ?? `#${id}`);
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (data?.users ?? []).filter((u) => (!role || u.role === role)
      && (!q || [u.displayName, u.username, u.employeeNo ?? ''].some((v) => v.toLowerCase().includes(q))));
  }, [data, query, role]);

  const open = (user: UserAccount | 'new') => {
    form.resetFields();
    form.setFieldsValue(user === 'new'
      ? { role: 'agent', siteIds: [], departmentId: null, password: generatePassword() }
      : { username: user.username, displayName: user.displayName, employeeNo: user.employeeNo ?? '', role: user.role, departmentId: user.departmentId, siteIds: user.siteIds });
    setEditing(user);
  };

  const submit = async (values: UserForm) => {
    const common = {
      displayName: values.displayName.trim(), employeeNo: values.employeeNo?.trim() || null, role: values.role,
      departmentId: values.departmentId ?? null, siteIds: values.siteIds ?? [],
    };
    const done = await save(
      () => (editing === 'new'
        ? api('POST', '/users', { ...common, username: values.username.trim(), password: values.password })
        : api('PATCH', `/users/${(editing as UserAccount).id}`, { ...common, version: (editing as UserAccount).version })),
      editing === 'new' ? t('admin.users.created', { name: common.displayName }) : t('admin.saved'),
    );
    if (done) {
      setEditing(null);
      await reload();
    }
  };

  const resetPassword = async ({ password }: { password: string }) => {
    if (!resetting) return;
    const done = await save(() => api('PATCH', `/users/${resetting.id}`, { version: resetting.version, password }), t('admin.users.passwordReset', { name: resetting.displayName }));
    if (done) {
      setResetting(null);
      await reload();
    }
  };

  const setDisabled = async (user: UserAccount, disabled: boolean) => {
    if (await save(() => api('PATCH', `/users/${user.id}`, { version: user.version, disabled }), disabled ? t('admin.users.disabled') : t('admin.users.enabled'))) await reload();
  };

  const departmentOptions = (current: number | null | undefined) => [
    { value: null as number | null, label: t('admin.users.noDepartment') },
    ...(data?.departments ?? []).filter((d) => d.active || d.id === current).map((d) => ({ value: d.id as number | null, label: d.name })),
  ];
  const isSelf = editing !== 'new' && editing !== null && editing.id === desk.me.id;

  return (
    <Card
      title={t('admin.tab.users')}
      extra={(
        <Space>
          <Input.Search allowClear placeholder={t('admin.users.search')} aria-label={t('admin.users.search')} onChange={(e) => setQuery(e.target.value)} style={{ width: 220 }} />
          <Select allowClear placeholder={t('admin.users.role')} aria-label={t('admin.users.role')} value={role} onChange={setRole} style={{ width: 150 }} options={STAFF_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="user-add">{t('admin.users.add')}</Button>
        </Space>
      )}
      styles={{ body: { padding: 0 } }}
    >
      <Table<UserAccount>
        rowKey="id" loading={!data} dataSource={rows} size="middle"
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('admin.count', { n }) }}
        columns={[
          { title: t('admin.users.employeeNo'), dataIndex: 'employeeNo', width: 90, render: (no: string | null) => no ?? '' },
          { title: t('admin.users.displayName'), dataIndex: 'displayName', render: (name: string, u) => <span data-testid={`user-${u.username}`}>{name}</span> },
          { title: t('admin.users.username'), dataIndex: 'username', render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
          { title: t('admin.users.role'), dataIndex: 'role', render: roleLabel },
          { title: t('admin.users.department'), dataIndex: 'departmentId', render: departmentName },
          { title: t('admin.users.sites'), dataIndex: 'siteIds', render: (ids: number[]) => (ids.length === 0 ? t('admin.allSites') : ids.map((id) => siteName(id)).join('、')) },
          {
            title: t('admin.status'), key: 'status', width: 110,
            render: (_, u) => (u.disabled ? <Tag>{t('admin.users.statusDisabled')}</Tag>
              : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? <Tag color="orange">{t('admin.users.statusLocked')}</Tag>
              : <Tag color="green">{t('admin.users.statusActive')}</Tag>),
          },
          {
            title: t('admin.actions'), key: 'actions', width: 250,
            render: (_, u) => (
              <Space size={4}>
                <Button size="small" onClick={() => open(u)}>{t('admin.edit')}</Button>
                <Button size="small" onClick={() => { passwordForm.setFieldsValue({ password: generatePassword() }); setResetting(u); }}>{t('admin.users.resetPassword')}</Button>
                {u.id === desk.me.id ? null : u.disabled
                  ? <Button size="small" onClick={() => void setDisabled(u, false)}>{t('admin.reactivate')}</Button>
                  : (
                    <Popconfirm title={t('admin.users.disableConfirm', { name: u.displayName })} description={t('admin.users.disableHint')} okText={t('admin.deactivate')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => setDisabled(u, true)}>
                      <Button size="small" danger>{t('admin.deactivate')}</Button>
                    </Popconfirm>
                  )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null} width={640}
        title={editing === 'new' ? t('admin.users.add') : t('admin.users.edit')}
        okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={() => setEditing(null)}
        okButtonProps={{ 'data-testid': 'user-save' } as never} forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} style={{ marginTop: 16 }}>
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item name="displayName" label={t('admin.users.displayName')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100, message: t('admin.maxLength', { n: 100 }) }]}>
              <Input id="user-displayName" maxLength={100} />
            </Form.Item>
            <Form.Item name="employeeNo" label={t('admin.users.employeeNo')} style={{ width: 160 }} rules={[{ max: 32, message: t('admin.maxLength', { n: 32 }) }, { pattern: EMPLOYEE_NO, message: t('admin.users.employeeNoRule') }]}>
              <Input id="user-employeeNo" maxLength={32} />
            </Form.Item>
          </div>
          <Form.Item name="username" label={t('admin.users.username')} rules={editing === 'new' ? [
            { required: true, message: t('common.required') }, { min: 2, max: 64, message: t('admin.users.usernameLength') }, { pattern: USERNAME, message: t('admin.users.usernameRule') },
          ] : []}>
            <Input id="user-username" maxLength={64} disabled={editing !== 'new'} autoComplete="off" />
          </Form.Item>
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item name="role" label={t('admin.users.role')} style={{ flex: 1 }} rules={[{ required: true, message: t('common.required') }]} extra={isSelf ? t('admin.users.selfRole') : undefined}>
              <Select id="user-role" disabled={isSelf} options={STAFF_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))} />
            </Form.Item>
            <Form.Item name="departmentId" label={t('admin.users.department')} style={{ flex: 1 }}>
              <Select id="user-department" options={departmentOptions(editing !== 'new' ? editing?.departmentId : null)} />
            </Form.Item>
          </div>
          <Form.Item name="siteIds" label={t('admin.users.sites')} extra={t('admin.users.sitesHint')}>
            <Select id="user-sites" mode="multiple" allowClear placeholder={t('admin.allSites')} options={sites.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
          {editing === 'new' && (
            <Form.Item label={t('admin.users.password')} extra={t('admin.users.passwordHint')}>
              <Space.Compact block>
                <Form.Item name="password" noStyle rules={[{ required: true, message: t('common.required') }, { min: MIN_PASSWORD, max: 200, message: t('admin.users.passwordRule', { n: MIN_PASSWORD }) }]}>
                  <Input id="user-password" autoComplete="new-password" />
                </Form.Item>
                <Button onClick={() => form.setFieldsValue({ password: generatePassword() })}>{t('admin.users.generate')}</Button>
              </Space.Compact>
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Modal
        open={resetting !== null} title={t('admin.users.resetTitle', { name: resetting?.displayName ?? '' })}
        okText={t('admin.users.resetPassword')} cancelText={t('common.cancel')} onOk={() => passwordForm.submit()} onCancel={() => setResetting(null)} forceRender
      >
        <Typography.Paragraph type="secondary">{t('admin.users.resetHint')}</Typography.Paragraph>
        <Form form={passwordForm} layout="vertical" onFinish={(v) => void resetPassword(v)} requiredMark={false}>
          <Form.Item label={t('admin.users.newPassword')}>
            <Space.Compact block>
              <Form.Item name="password" noStyle rules={[{ required: true, message: t('common.required') }, { min: MIN_PASSWORD, max: 200, message: t('admin.users.passwordRule', { n: MIN_PASSWORD }) }]}>
                <Input id="reset-password" autoComplete="new-password" />
              </Form.Item>
              <Button onClick={() => passwordForm.setFieldsValue({ password: generatePassword() })}>{t('admin.users.generate')}</Button>
            </Space.Compact>
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
