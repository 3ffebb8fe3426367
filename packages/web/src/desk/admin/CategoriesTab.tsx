import { useCallback, useEffect, useMemo, useState, type Key, type ReactNode } from 'react';
import { Button, Card, Col, Divider, Empty, Form, Input, Popconfirm, Row, Select, Space, Tag, Tree, TreeSelect, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import type { DataNode } from 'antd/es/tree';
import { api, get } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useLoad, useSave, type AdminCategory, type AdminDepartment, type RoutingItem } from './adminApi';

/** The server's category name rule: one level of a path, so no '/'. */
const NAME_RULE = /^[^/]*$/;
const MAX_DEPTH = 5;

interface ParentOption { value: number; title: string; disabled?: boolean; children: ParentOption[] }
interface Data { categories: AdminCategory[]; departments: AdminDepartment[]; routing: RoutingItem[] }

function childrenOf(categories: AdminCategory[], parentId: number | null) {
  return categories.filter((c) => c.parentId === parentId).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
}

/** Category tree editor with the category → responsible department routing beside each node. */
export function CategoriesTab() {
  const { t } = useI18n();
  const save = useSave();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<Key[] | null>(null);
  const [rootName, setRootName] = useState('');
  const { data, reload } = useLoad(useCallback(async (): Promise<Data> => {
    const [categories, departments, routing] = await Promise.all([
      get<{ items: AdminCategory[] }>('/categories'), get<{ items: AdminDepartment[] }>('/departments'), get<{ items: RoutingItem[] }>('/routing'),
    ]);
    return { categories: categories.items, departments: departments.items, routing: routing.items };
  }, []));

  useEffect(() => {
    if (data && expanded === null) setExpanded(childrenOf(data.categories, null).map((c) => c.id));
  }, [data, expanded]);

  const routed = useMemo(() => new Map((data?.routing ?? []).map((r) => [r.categoryId, r])), [data]);

  const treeData = useMemo(() => {
    if (!data) return [];
    const q = search.trim();
    const matches = (c: AdminCategory): boolean => !q || c.name.includes(q) || childrenOf(data.categories, c.id).some(matches);
    const build = (parentId: number | null): DataNode[] => childrenOf(data.categories, parentId).filter(matches).map((c) => ({
      key: c.id,
      title: (
        <span data-testid={`category-node-${c.name}`}>
          <Typography.Text delete={!c.active} type={c.active ? undefined : 'secondary'}>{c.name}</Typography.Text>
          {!c.active && <Tag style={{ marginInlineStart: 6 }}>{t('admin.inactive')}</Tag>}
          {routed.has(c.id) && <Tag color="blue" style={{ marginInlineStart: 6 }}>→ {routed.get(c.id)!.departmentName}</Tag>}
        </span>
      ),
      children: build(c.id),
    }));
    return build(null);
  }, [data, search, routed, t]);

  const addRoot = async () => {
    const name = rootName.trim();
    if (!name || !NAME_RULE.test(name)) return;
    const created = await save(() => api<AdminCategory>('POST', '/categories', { parentId: null, name }), t('admin.categories.added', { name }));
    if (created) {
      setRootName('');
      await reload();
      setSelectedId(created.id);
    }
  };

  const selected = data?.categories.find((c) => c.id === selectedId) ?? null;

  return (
    <Row gutter={16}>
      <Col xs={24} lg={11}>
        <Card
          title={t('admin.categories.tree')}
          extra={<Input.Search allowClear placeholder={t('admin.categories.search')} aria-label={t('admin.categories.search')} onChange={(e) => setSearch(e.target.value)} style={{ width: 200 }} />}
          styles={{ body: { maxHeight: 640, overflow: 'auto' } }}
        >
          {data ? (
            <Tree
              blockNode showLine
              treeData={treeData}
              expandedKeys={search.trim() ? undefined : expanded ?? []}
              defaultExpandAll={Boolean(search.trim())}
              onExpand={(keys) => setExpanded(keys)}
              selectedKeys={selectedId !== null ? [selectedId] : []}
              onSelect={(keys) => keys[0] !== undefined && setSelectedId(Number(keys[0]))}
              key={search.trim() ? `search-${search.trim()}` : 'tree'}
            />
          ) : <Card loading variant="borderless" />}
          <Space.Compact block style={{ marginTop: 16 }}>
            <Input placeholder={t('admin.categories.newRoot')} value={rootName} maxLength={50} onChange={(e) => setRootName(e.target.value)} onPressEnter={() => void addRoot()} status={NAME_RULE.test(rootName) ? undefined : 'error'} />
            <Button icon={<PlusOutlined />} onClick={() => void addRoot()} disabled={!rootName.trim() || !NAME_RULE.test(rootName)}>{t('admin.categories.addRoot')}</Button>
          </Space.Compact>
        </Card>
      </Col>
      <Col xs={24} lg={13}>
        {selected && data
          ? <CategoryPanel key={selected.id} category={selected} data={data} onChanged={reload} onExpand={(id) => setExpanded((keys) => [...(keys ?? []), id])} />
          : <Card><Empty description={t('admin.categories.pick')} /></Card>}
      </Col>
    </Row>
  );
}

function CategoryPanel({ category, data, onChanged, onExpand }: {
  category: AdminCategory; data: Data; onChanged: () => Promise<void>; onExpand: (id: number) => void;
}) {
  const { t } = useI18n();
  const save = useSave();
  const [form] = Form.useForm<{ name: string }>();
  const [childForm] = Form.useForm<{ name: string }>();
  const [parentId, setParentId] = useState<number | null>(category.parentId);
  const route = data.routing.find((r) => r.categoryId === category.id);
  const [departmentId, setDepartmentId] = useState<number | null>(route?.departmentId ?? null);

  const byId = new Map(data.categories.map((c) => [c.id, c]));
  const siblings = childrenOf(data.categories, category.parentId);
  const index = siblings.findIndex((c) => c.id === category.id);
  const descendants = (id: number): AdminCategory[] => childrenOf(data.categories, id).flatMap((c) => [c, ...descendants(c.id)]);
  const branch = descendants(category.id);
  const depth = (id: number | null): number => (id === null ? 0 : 1 + depth(byId.get(id)?.parentId ?? null));
  const height = (id: number): number => Math.max(0, ...childrenOf(data.categories, id).map((c) => 1 + height(c.id)));

  // The department an order of this category is suggested to when it has none of its own: the nearest routed ancestor's.
  let inherited: RoutingItem | undefined;
  for (let p = category.parentId; p !== null && !inherited; p = byId.get(p)?.parentId ?? null) inherited = data.routing.find((r) => r.categoryId === p);

  const patch = async (body: Record<string, unknown>, success: string) => {
    if (await save(() => api('PATCH', `/categories/${category.id}`, body), success)) await onChanged();
  };

  const saveRoute = async () => {
    const items = data.routing.filter((r) => r.categoryId !== category.id).map((r) => ({ categoryId: r.categoryId, departmentId: r.departmentId }));
    if (departmentId !== null) items.push({ categoryId: category.id, departmentId });
    if (await save(() => api('PUT', '/routing', { items }), t('admin.saved'))) await onChanged();
  };

  const addChild = async ({ name }: { name: string }) => {
    const created = await save(() => api<AdminCategory>('POST', '/categories', { parentId: category.id, name: name.trim() }), t('admin.categories.added', { name: name.trim() }));
    if (created) {
      childForm.resetFields();
      onExpand(category.id);
      await onChanged();
    }
  };

  // Possible new parents: not itself, nothing inside its branch, active, and shallow enough for the branch to fit.
  const excluded = new Set([category.id, ...branch.map((c) => c.id)]);
  const parentTree = (parent: number | null): ParentOption[] =>
    childrenOf(data.categories, parent).filter((c) => !excluded.has(c.id)).map((c) => ({
      value: c.id, title: c.name, disabled: !c.active || depth(c.id) + 1 + height(category.id) > MAX_DEPTH, children: parentTree(c.id),
    }));
  const activeDepartments = data.departments.filter((d) => d.active || d.id === route?.departmentId);
  const nameRules = [
    { required: true, whitespace: true, message: t('common.required') },
    { max: 50, message: t('admin.maxLength', { n: 50 }) },
    { pattern: NAME_RULE, message: t('admin.categories.noSlash') },
  ];

  const disabledChild = !category.active || depth(category.id) >= MAX_DEPTH;
  return (
    <Card title={category.path} data-testid="category-panel" extra={category.active ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>}>
      <Field label={t('admin.categories.name')}>
        <Form form={form} layout="inline" initialValues={{ name: category.name }} onFinish={({ name }) => void patch({ name: name.trim() }, t('admin.saved'))} requiredMark={false}>
          <Form.Item name="name" rules={nameRules} style={{ marginInlineEnd: 8 }}>
            <Input id="category-name" maxLength={50} style={{ width: 240 }} aria-label={t('admin.categories.name')} />
          </Form.Item>
          <Button htmlType="submit" data-testid="category-rename">{t('admin.categories.rename')}</Button>
        </Form>
      </Field>
      <Field label={t('admin.categories.order')}>
        <Space>
          <Button icon={<ArrowUpOutlined />} disabled={index <= 0} onClick={() => void patch({ position: index - 1 }, t('admin.saved'))}>{t('admin.categories.up')}</Button>
          <Button icon={<ArrowDownOutlined />} disabled={index < 0 || index >= siblings.length - 1} onClick={() => void patch({ position: index + 1 }, t('admin.saved'))}>{t('admin.categories.down')}</Button>
          <Typography.Text type="secondary">{t('admin.categories.place', { n: index + 1, total: siblings.length })}</Typography.Text>
        </Space>
      </Field>
      <Field label={t('admin.categories.parent')}>
        <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
          <TreeSelect
            style={{ flex: 1 }} value={parentId ?? 0} onChange={(v: number) => setParentId(v === 0 ? null : v)} aria-label={t('admin.categories.parent')}
            treeData={[{ value: 0, title: t('admin.categories.topLevel'), children: [] }, ...parentTree(null)]} showSearch treeNodeFilterProp="title"
          />
          <Button disabled={parentId === category.parentId} onClick={() => void patch({ parentId }, t('admin.categories.moved'))}>{t('admin.categories.move')}</Button>
        </Space.Compact>
      </Field>
      <Field label={t('admin.categories.routing')} hint={t('admin.categories.routingHint')}>
        <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
          <Select
            id="category-department" style={{ flex: 1 }} allowClear value={departmentId} onChange={(v?: number | null) => setDepartmentId(v ?? null)}
            placeholder={inherited ? t('admin.categories.inherits', { name: inherited.departmentName }) : t('admin.categories.noRoute')}
            options={activeDepartments.map((d) => ({ value: d.id, label: d.name }))}
          />
          <Button disabled={departmentId === (route?.departmentId ?? null)} onClick={() => void saveRoute()} data-testid="category-route-save">{t('common.save')}</Button>
        </Space.Compact>
      </Field>
      <Field label={t('admin.categories.addChild')} hint={t('admin.categories.childrenCount', { n: childrenOf(data.categories, category.id).length })}>
        <Form form={childForm} layout="inline" onFinish={(v) => void addChild(v)} requiredMark={false}>
          <Form.Item name="name" rules={nameRules} style={{ marginInlineEnd: 8 }}>
            <Input id="category-child" placeholder={t('admin.categories.childName')} maxLength={50} style={{ width: 240 }} disabled={disabledChild} aria-label={t('admin.categories.childName')} />
          </Form.Item>
          <Button icon={<PlusOutlined />} htmlType="submit" disabled={disabledChild}>{t('admin.categories.add')}</Button>
        </Form>
      </Field>
      <Divider style={{ margin: '8px 0 16px' }} />
      {category.active ? (
        <Space>
          <Popconfirm
            title={t('admin.categories.deactivateConfirm', { name: category.name })}
            description={branch.length > 0 ? t('admin.categories.deactivateBranch', { n: branch.length }) : t('admin.categories.deactivateHint')}
            okText={t('admin.deactivate')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')}
            onConfirm={() => patch({ active: false }, t('admin.categories.deactivated'))}
          >
            <Button danger>{t('admin.deactivate')}</Button>
          </Popconfirm>
          <Typography.Text type="secondary">{t('admin.categories.deactivateHint')}</Typography.Text>
        </Space>
      ) : (
        <Space>
          <Button
            disabled={category.parentId !== null && byId.get(category.parentId)?.active === false}
            onClick={() => void patch({ active: true }, t('admin.categories.reactivated'))}
          >
            {t('admin.reactivate')}
          </Button>
          {category.parentId !== null && byId.get(category.parentId)?.active === false && (
            <Typography.Text type="secondary">{t('admin.categories.parentInactive')}</Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}

/** One labelled line of the category panel: the label on the left, the control and an optional hint on the right. */
function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '88px 1fr', gap: 12, alignItems: 'start', marginBottom: 16 }}>
      <Typography.Text style={{ lineHeight: '32px' }}>{label}</Typography.Text>
      <div>
        {children}
        {hint && <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>{hint}</Typography.Paragraph>}
      </div>
    </div>
  );
}
