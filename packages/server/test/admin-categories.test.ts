import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

interface Category { id: number; parentId: number | null; name: string; path: string; active: boolean; sortOrder: number }

/** The category tree editor's server side: add, rename, move, reorder, deactivate (issue #4, admin settings). */
describe.skipIf(!databaseAvailable)(`admin: category tree (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, token = t.org.tokens.admin) =>
    t.request({ method, url: `/api/v1${url}`, token, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const tree = async (token = t.org.tokens.agent): Promise<Category[]> => (await call('GET', '/categories', undefined, token)).json().items;
  const byPath = async (path: string) => (await tree()).find((c) => c.path === path)!;
  const childNames = async (parentId: number) => (await tree()).filter((c) => c.parentId === parentId).sort((a, b) => a.sortOrder - b.sortOrder).map((c) => c.name);
  const expectProblem = (response: Awaited<ReturnType<typeof call>>, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status, code });
  };

  it('adds a category at a chosen place under its parent, and the intake list shows it there', async () => {
    const repairs = await byPath('物业服务/维修');
    const created = await call('POST', '/categories', { parentId: repairs.id, name: '消防设施', position: 1 });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ parentId: repairs.id, name: '消防设施', path: '物业服务/维修/消防设施', active: true, sortOrder: 1 });
    expect(await childNames(repairs.id)).toEqual(['水电维修', '消防设施', '电梯', '门窗', '公共设施', '户内报修']);
    // Without a position it goes last; a new root has no parent.
    expect((await call('POST', '/categories', { parentId: repairs.id, name: '外墙' })).json().sortOrder).toBe(6);
    expect((await call('POST', '/categories', { parentId: null, name: '会所服务' })).json()).toMatchObject({ path: '会所服务', parentId: null });
    const audit = (await call('GET', `/audit?entityType=category&entityId=${created.json().id}`)).json().items[0];
    expect(audit).toMatchObject({ action: 'category.create', after: { path: '物业服务/维修/消防设施' } });
  });

  it('renaming a category renames the paths of everything under it', async () => {
    const repairs = await byPath('物业服务/维修');
    const r = await call('PATCH', `/categories/${repairs.id}`, { name: '工程维修' });
    expect(r.json()).toMatchObject({ id: repairs.id, name: '工程维修', path: '物业服务/工程维修' });
    const paths = (await tree()).map((c) => c.path);
    expect(paths).toContain('物业服务/工程维修/电梯');
    expect(paths).toContain('物业服务/工程维修/消防设施');
    expect(paths.some((p) => p.startsWith('物业服务/维修'))).toBe(false);
  });

  it('reorders among siblings and moves a branch under another parent', async () => {
    const repairs = await byPath('物业服务/工程维修');
    const lift = await byPath('物业服务/工程维修/电梯');
    expect((await call('PATCH', `/categories/${lift.id}`, { position: 0 })).json().sortOrder).toBe(0);
    expect(await childNames(repairs.id)).toEqual(['电梯', '水电维修', '消防设施', '门窗', '公共设施', '户内报修', '外墙']);

    const club = await byPath('会所服务');
    const moved = await call('PATCH', `/categories/${repairs.id}`, { parentId: club.id });
    expect(moved.json()).toMatchObject({ parentId: club.id, path: '会所服务/工程维修', sortOrder: 0 });
    expect((await byPath('会所服务/工程维修/电梯')).id).toBe(lift.id);
    // The old siblings close the gap.
    const property = await byPath('物业服务');
    expect((await tree()).filter((c) => c.parentId === property.id).map((c) => c.sortOrder).sort((a, b) => a - b))
      .toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect((await call('PATCH', `/categories/${repairs.id}`, { parentId: property.id, position: 0 })).json()).toMatchObject({ path: '物业服务/工程维修', sortOrder: 0 });
  });

  it('deactivating hides the whole branch; reactivating brings it back; nothing is added under an inactive category', async () => {
    const repairs = await byPath('物业服务/工程维修');
    expect((await call('PATCH', `/categories/${repairs.id}`, { active: false })).json().active).toBe(false);
    const branch = (await tree()).filter((c) => c.path.startsWith('物业服务/工程维修'));
    expect(branch.length).toBe(8);
    expect(branch.every((c) => !c.active)).toBe(true);
    const lift = await byPath('物业服务/工程维修/电梯');
    expectProblem(await call('PATCH', `/categories/${lift.id}`, { active: true }), 422, 'inactive_reference');
    expectProblem(await call('POST', '/categories', { parentId: repairs.id, name: '新类' }), 422, 'inactive_reference');
    const audit = (await call('GET', `/audit?entityType=category&entityId=${repairs.id}`)).json().items[0];
    expect(audit).toMatchObject({ action: 'category.update', before: { active: true }, after: { active: false, branchChanged: 7 } });

    await call('PATCH', `/categories/${repairs.id}`, { active: true });
    expect((await tree()).filter((c) => c.path.startsWith('物业服务/工程维修')).every((c) => c.active)).toBe(true);
  });

  it('refuses duplicates, loops, slashes and strangers', async () => {
    const repairs = await byPath('物业服务/工程维修');
    const lift = await byPath('物业服务/工程维修/电梯');
    const property = await byPath('物业服务');
    expectProblem(await call('POST', '/categories', { parentId: repairs.id, name: '电梯' }), 409, 'name_taken');
    expectProblem(await call('PATCH', `/categories/${lift.id}`, { name: '门窗' }), 409, 'name_taken');
    expectProblem(await call('PATCH', `/categories/${property.id}`, { parentId: lift.id }), 400, 'validation_failed');
    expectProblem(await call('PATCH', `/categories/${property.id}`, { parentId: property.id }), 400, 'validation_failed');
    for (const body of [{ name: '水/电' }, { name: ' ' }, {}, { position: -1 }, { active: 1 }, { colour: 'red' }]) {
      expectProblem(await call('PATCH', `/categories/${lift.id}`, body), 400, 'validation_failed');
    }
    expectProblem(await call('POST', '/categories', { name: '无父' }), 400, 'validation_failed');
    expectProblem(await call('POST', '/categories', { parentId: 99_999, name: '孤儿' }), 422, 'unknown_reference');
    expectProblem(await call('PATCH', `/categories/${lift.id}`, { name: '改' }, t.org.tokens.supervisor), 403, 'forbidden');
    expectProblem(await call('PATCH', `/categories/${lift.id}`, { name: '改' }, t.otherOrg.tokens.admin), 404, 'not_found');
    const foreignRoot = (await tree(t.otherOrg.tokens.admin))[0]!;
    expectProblem(await call('POST', '/categories', { parentId: foreignRoot.id, name: '越界' }), 422, 'unknown_reference');
    expectProblem(await call('PATCH', `/categories/${lift.id}`, { parentId: foreignRoot.id }), 422, 'unknown_reference');
    expect((await byPath('物业服务/工程维修/电梯')).id).toBe(lift.id);
  });

  it('keeps categories at most five levels deep', async () => {
    let parentId = (await byPath('物业服务/工程维修/电梯')).id;
    parentId = (await call('POST', '/categories', { parentId, name: '轿厢' })).json().id;
    parentId = (await call('POST', '/categories', { parentId, name: '按钮' })).json().id;
    expectProblem(await call('POST', '/categories', { parentId, name: '太深' }), 400, 'validation_failed');
    // Moving a two-level branch under a level-4 category would make six.
    const security = await byPath('物业服务/安保');
    expectProblem(await call('PATCH', `/categories/${security.id}`, { parentId: (await byPath('物业服务/工程维修/电梯/轿厢')).id }), 400, 'validation_failed');
  });
});
