import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

describe.skipIf(!databaseAvailable)(`finding work orders again (${testDialect})`, () => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  const numbers: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const records: [string, Record<string, unknown>][] = [
      ['lift', { description: '3号楼电梯又坏了，困人半小时', customer: { name: '王建国', phone: '13811110001' }, unit: '3栋2单元1502' }],
      ['leak', { kind: 'repair', description: '厨房漏水到楼下邻居家', customer: { name: '李秀英', phone: '13811110002' }, unit: '5栋1单元301' }],
      ['noise', { description: '楼上装修噪音太大，晚上十点还在施工', customer: { name: '张伟', phone: '13811110003' }, unit: null }],
      ['traditional', { description: '三號樓電梯停運一上午', customer: { name: '陳美玲', phone: '13811110004' }, unit: null }],
      ['light', { description: '3号楼楼道灯不亮', customer: { name: '刘洋', phone: '13811110005' }, unit: null }],
    ];
    for (const [key, overrides] of records) {
      const response = await t.request({ method: 'POST', url: '/api/v1/work-orders', token: t.org.tokens.agent, payload: complaintBody(t.org, overrides) });
      ids[key] = response.json().id;
      numbers[key] = response.json().number;
    }
  });
  afterAll(async () => t?.close());

  const search = async (q: string, token = t.org.tokens.agent) => {
    const response = await t.request({ method: 'GET', url: `/api/v1/work-orders?q=${encodeURIComponent(q)}`, token });
    expect(response.statusCode).toBe(200);
    return response.json().items.map((o: { id: number }) => o.id).sort();
  };
  const idsOf = (...keys: string[]) => keys.map((k) => ids[k]).sort();

  it.each([
    ['电梯', ['lift', 'traditional']],
    ['電梯', ['lift', 'traditional']],
    ['漏水', ['leak']],
    ['噪音', ['noise']],
    ['3号楼', ['lift', 'light']],
    ['王建国', ['lift']],
    ['陈美玲', ['traditional']],
    ['3栋2单元1502', ['lift']],
    ['楼道 灯', ['light']],
    ['火警', []],
  ])('"%s" finds %j', async (q, keys) => {
    expect(await search(q)).toEqual(idsOf(...keys));
  });

  it('finds an order by its number, whole or by its start', async () => {
    expect(await search(numbers.leak!)).toEqual(idsOf('leak'));
    expect(await search(numbers.leak!.toLowerCase())).toEqual(idsOf('leak'));
    expect(await search(numbers.leak!.slice(0, 8))).toEqual(idsOf('lift', 'leak', 'noise', 'traditional', 'light'));
  });

  it('combines words with filters and pages with a cursor', async () => {
    const filtered = await t.request({ method: 'GET', url: '/api/v1/work-orders?q=电梯&kind=repair', token: t.org.tokens.agent });
    expect(filtered.json().items).toEqual([]);
    const page1 = (await t.request({ method: 'GET', url: '/api/v1/work-orders?limit=2', token: t.org.tokens.agent })).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await t.request({ method: 'GET', url: `/api/v1/work-orders?limit=2&cursor=${page1.nextCursor}`, token: t.org.tokens.agent })).json();
    const page3 = (await t.request({ method: 'GET', url: `/api/v1/work-orders?limit=2&cursor=${page2.nextCursor}`, token: t.org.tokens.agent })).json();
    const all = [...page1.items, ...page2.items, ...page3.items].map((o: { id: number }) => o.id);
    expect(new Set(all).size).toBe(5);
    expect(page3.nextCursor).toBeNull();
  });

  it('re-indexes an order whose description is corrected', async () => {
    const detail = (await t.request({ method: 'GET', url: `/api/v1/work-orders/${ids.noise}`, token: t.org.tokens.agent })).json();
    await t.request({ method: 'PATCH', url: `/api/v1/work-orders/${ids.noise}`, token: t.org.tokens.agent, payload: { version: detail.version, description: '楼上装修电钻声太大' } });
    expect(await search('噪音')).toEqual([]);
    expect(await search('电钻')).toEqual(idsOf('noise'));
  });

  it('filters by status, site and overdue', async () => {
    const overdue = await t.request({ method: 'GET', url: '/api/v1/work-orders?overdue=true', token: t.org.tokens.agent });
    expect(overdue.json().items).toEqual([]);
    await t.request({ method: 'PATCH', url: `/api/v1/work-orders/${ids.leak}`, token: t.org.tokens.agent, payload: { version: 1, agreedReplyAt: '2026-11-25T01:00:00Z' } });
    const nowOverdue = await t.request({ method: 'GET', url: '/api/v1/work-orders?overdue=true&status=received', token: t.org.tokens.agent });
    expect(nowOverdue.json().items.map((o: { id: number }) => o.id)).toEqual([ids.leak]);
    const byDue = (await t.request({ method: 'GET', url: `/api/v1/work-orders?sort=due_asc&siteId=${t.org.siteId}`, token: t.org.tokens.agent })).json().items;
    // The reply agreed for 09:00 local comes before every 10-minute dispatch clock.
    expect(byDue[0].id).toBe(ids.leak);
    const dues = byDue.map((o: { dueAt: string }) => o.dueAt);
    expect(dues).toEqual([...dues].sort());
  });
});
