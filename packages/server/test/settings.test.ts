import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

interface Clock { kind: string; dueAt: string; limit: { unit: string; amount: number } }
interface TimelineEvent { type: string; data: Record<string, unknown> }

describe.skipIf(!databaseAvailable)(`organisation settings (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const get = (token = t.org.tokens.agent) => t.request({ method: 'GET', url: '/api/v1/settings', token });
  const patch = (payload: unknown, token = t.org.tokens.admin) => t.request({ method: 'PATCH', url: '/api/v1/settings', token, payload: payload as object });
  const create = async (body: Record<string, unknown>) => (await t.request({ method: 'POST', url: '/api/v1/work-orders', token: t.org.tokens.admin, payload: body })).json();
  const view = async (id: number) => (await t.request({ method: 'GET', url: `/api/v1/work-orders/${id}`, token: t.org.tokens.admin })).json();
  const clock = (order: { clocks: Clock[] }, kind: string) => order.clocks.find((c) => c.kind === kind)!;
  const recomputed = (order: { timeline: TimelineEvent[] }) => order.timeline.filter((e) => e.type === 'clock_recomputed').map((e) => e.data);
  const at = (minutes: number) => new Date(t.clock.now.getTime() + minutes * 60_000).toISOString();
  let customerNo = 0;
  const customer = () => ({ name: '测试客户', phone: `1370000${String(++customerNo).padStart(4, '0')}` });

  it('shows every staff member the effective settings, defaults filled in', async () => {
    const r = await get();
    expect(r.statusCode).toBe(200);
    const s = r.json();
    expect(s.sla).toMatchObject({
      dispatch: { unit: 'minutes', amount: 10 }, resultGeneral: { unit: 'hours', amount: 2 }, resultMajor: { unit: 'working_days', amount: 2 }, warningRatio: 0.8,
    });
    expect(s.slaByKind).toEqual({});
    expect(s.callbacks.policy.rules.complaint_assistance).toMatchObject({ requirement: { mode: 'sampled', rate: 0.3 }, limit: { unit: 'days', amount: 3 } });
    expect(s.callbacks.record).toMatchObject({ maxAttempts: 3 });
    expect(s.callbacks).not.toHaveProperty('seed');
    expect(s.complaints).toMatchObject({ collectiveWindowHours: 48, collectiveMinCustomers: 5, channelUpgrade: 'automatic', authority: 'issue' });
    expect(s.calendar.statutoryYears).toContain(2026);
    expect((await get(t.org.tokens.handler)).statusCode).toBe(200);
    expect((await get(t.org.tokens.customer)).statusCode).toBe(403);
  });

  it('lets only an administrator change them', async () => {
    for (const role of ['agent', 'supervisor', 'general_manager', 'department_head', 'customer']) {
      expect((await patch({ sla: { dispatch: { unit: 'minutes', amount: 5 } } }, t.org.tokens[role])).statusCode, role).toBe(403);
    }
    expect((await get()).json().sla.dispatch).toEqual({ unit: 'minutes', amount: 10 });
  });

  it('refuses nonsense and leaves the document as it was', async () => {
    const before = (await get()).json();
    const cases: [unknown, number, string][] = [
      [{ sla: { dispatch: { unit: 'weeks', amount: 1 } } }, 400, 'validation_failed'],
      [{ sla: { dispatch: { unit: 'minutes', amount: 0 } } }, 400, 'validation_failed'],
      [{ sla: { dispatch: { unit: 'minutes' } } }, 400, 'validation_failed'],
      [{ sla: { warningRatio: 1.5 } }, 400, 'validation_failed'],
      [{ sla: { resultGeneral: { unit: 'hours', amount: '4' } } }, 400, 'validation_failed'],
      [{ theme: 'dark' }, 400, 'validation_failed'],
      [{ slaByKind: { ticket: {} } }, 400, 'validation_failed'],
      [{ slaBySite: { abc: {} } }, 400, 'validation_failed'],
      // The callback deadline is the callback policy's: the SLA section has no callback limit any more.
      [{ sla: { callbackResponsible: { unit: 'working_days', amount: 2 } } }, 400, 'validation_failed'],
      [{ slaByKind: { complaint: { callbackAssistance: { unit: 'days', amount: 3 } } } }, 400, 'validation_failed'],
      [{ slaBySite: { [t.otherOrg.siteId]: { dispatch: { unit: 'minutes', amount: 5 } } } }, 422, 'unknown_reference'],
      [{ callbacks: { policy: { rules: { repair: { defaultMethod: 'email' } } } } }, 400, 'settings_invalid'],
      [{ callbacks: { record: { reopenAtOrWorse: 'satisfied' } } }, 400, 'settings_invalid'],
      [{ callbacks: { seed: 'mine' } }, 400, 'validation_failed'],
      [{ complaints: { collectiveMinCustomers: 1 } }, 400, 'validation_failed'],
      [{ complaints: { governmentOrMediaChannels: ['tv'] } }, 400, 'validation_failed'],
    ];
    for (const [body, status, code] of cases) {
      const r = await patch(body);
      expect([r.statusCode, r.json().code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect((await get()).json()).toEqual(before);
  });

  it('merges a change into the document; null restores the default; each change is audited', async () => {
    let r = await patch({ sla: { resultGeneral: { unit: 'hours', amount: 3 } }, complaints: { collectiveWindowHours: 24, channelUpgrade: 'suggest' } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ sla: { resultGeneral: { unit: 'hours', amount: 3 }, dispatch: { unit: 'minutes', amount: 10 } }, complaints: { collectiveWindowHours: 24, channelUpgrade: 'suggest', collectiveMinCustomers: 5 }, recomputed: null });
    r = await patch({ callbacks: { policy: { rules: { repair: { requirement: { mode: 'sampled', rate: 0.5 } } } } } });
    expect(r.json().callbacks.policy.rules.repair).toMatchObject({ requirement: { mode: 'sampled', rate: 0.5 }, methods: ['phone', 'visit'] });
    // A requirement is one value: switching to 'required' leaves no stray rate behind.
    r = await patch({ callbacks: { policy: { rules: { repair: { requirement: { mode: 'required' } } } } } });
    expect(r.json().callbacks.policy.rules.repair.requirement).toEqual({ mode: 'required' });
    r = await patch({ sla: { resultGeneral: null }, complaints: null });
    expect(r.json()).toMatchObject({ sla: { resultGeneral: { unit: 'hours', amount: 2 } }, complaints: { collectiveWindowHours: 48, channelUpgrade: 'automatic' } });

    const audit = (await t.request({ method: 'GET', url: '/api/v1/audit?entityType=organisation', token: t.org.tokens.admin })).json();
    const updates = audit.items.filter((e: { action: string }) => e.action === 'settings.update');
    expect(updates).toHaveLength(4);
    expect(updates[3]).toMatchObject({ before: { sla: null }, after: { sla: { resultGeneral: { unit: 'hours', amount: 3 } } } });
  });

  it('keeps open orders on the limits they were taken in under unless the change is applied to them', async () => {
    const old = await create(complaintBody(t.org, { customer: customer() }));
    expect(clock(await view(old.id), 'result').dueAt).toBe(at(120));
    const taken = t.clock.now;
    const since = (minutes: number) => new Date(taken.getTime() + minutes * 60_000).toISOString();
    t.clock.now = new Date(taken.getTime() + 60_000);

    let r = await patch({ sla: { resultGeneral: { unit: 'hours', amount: 4 } } });
    expect(r.json().recomputed).toBeNull();
    const fresh = await create(complaintBody(t.org, { customer: customer() }));
    expect(clock(await view(fresh.id), 'result')).toMatchObject({ limit: { unit: 'hours', amount: 4 }, dueAt: at(240) });
    t.clock.now = new Date(taken.getTime() + 2 * 60_000);

    // A later step re-plans the old order's clocks, still on its own limits.
    const dispatched = await t.request({
      method: 'POST', url: `/api/v1/work-orders/${old.id}/transitions`, token: t.org.tokens.admin,
      payload: { action: 'dispatch', version: 1, departmentId: t.org.departmentIds[1] },
    });
    expect(dispatched.statusCode).toBe(200);
    let oldView = await view(old.id);
    expect(clock(oldView, 'result')).toMatchObject({ limit: { unit: 'hours', amount: 2 }, dueAt: since(120) });
    expect(recomputed(oldView)).toEqual([]);

    r = await patch({ applyToOpenOrders: true });
    expect(r.statusCode).toBe(200);
    expect(r.json().recomputed).toEqual({ orders: 2, changedClocks: 1 });
    oldView = await view(old.id);
    expect(clock(oldView, 'result')).toMatchObject({ limit: { unit: 'hours', amount: 4 }, dueAt: since(240) });
    expect(recomputed(oldView)).toEqual([{ clock: 'result', reason: 'settings_changed', from: since(120), to: since(240), provisional: false }]);
    // Applying again changes nothing and records nothing.
    expect((await patch({ applyToOpenOrders: true })).json().recomputed).toEqual({ orders: 2, changedClocks: 0 });
    expect(recomputed(await view(old.id))).toHaveLength(1);

    const audit = (await t.request({ method: 'GET', url: '/api/v1/audit?entityType=organisation', token: t.org.tokens.admin })).json();
    expect(audit.items.find((e: { action: string }) => e.action === 'sla.recompute')).toMatchObject({ after: { reason: 'settings_changed', orders: 2, changedClocks: 0 } });
  });

  it('takes per-kind and per-site limits, the site’s winning over the kind’s', async () => {
    const r = await patch({
      slaByKind: { repair: { dispatch: { unit: 'minutes', amount: 30 } } },
      slaBySite: { [t.org.otherSiteId]: { dispatch: { unit: 'minutes', amount: 20 } } },
    });
    expect(r.json()).toMatchObject({ slaByKind: { repair: { dispatch: { unit: 'minutes', amount: 30 } } }, sla: { dispatch: { unit: 'minutes', amount: 10 } } });
    const repair = { kind: 'repair', channel: 'phone', description: '水管漏水', customer: customer() };
    const dispatchDue = async (body: Record<string, unknown>) => clock(await view((await create(body)).id), 'dispatch').dueAt;
    expect(await dispatchDue({ ...repair, siteId: t.org.siteId })).toBe(at(30));
    expect(await dispatchDue(complaintBody(t.org, { customer: customer() }))).toBe(at(10));
    // The mall keeps office hours; Wednesday 10:00 is inside them.
    expect(await dispatchDue({ ...repair, customer: customer(), siteId: t.org.otherSiteId })).toBe(at(20));
    expect(await dispatchDue(complaintBody(t.org, { customer: customer(), siteId: t.org.otherSiteId }))).toBe(at(20));
    // Removing a site's overrides is a null.
    expect((await patch({ slaBySite: { [t.org.otherSiteId]: null } })).json().slaBySite).toEqual({});
  });

  it('loads a document stored with the retired SLA callback limits; the callback clock follows the callback rule', async () => {
    const stored = async () => (await t.context.db.selectFrom('organisations').select('settings_json').where('id', '=', t.org.orgId).executeTakeFirstOrThrow()).settings_json;
    const doc = JSON.parse(await stored()) as { sla?: Record<string, unknown>; slaByKind?: Record<string, Record<string, unknown>> };
    const stale = { unit: 'days', amount: 9 };
    doc.sla = { ...doc.sla, callbackResponsible: stale, callbackAssistance: stale };
    doc.slaByKind = { ...doc.slaByKind, complaint: { ...doc.slaByKind?.complaint, callbackResponsible: stale } };
    await t.context.db.updateTable('organisations').set({ settings_json: JSON.stringify(doc) }).where('id', '=', t.org.orgId).execute();

    const loaded = await get();
    expect(loaded.statusCode).toBe(200);
    expect(loaded.json().sla).not.toHaveProperty('callbackResponsible');
    expect(loaded.json().sla).not.toHaveProperty('callbackAssistance');
    expect(loaded.json().slaByKind.complaint ?? {}).toEqual({});

    const rule = await patch({ callbacks: { policy: { rules: { complaint_responsible_general: { limit: { unit: 'days', amount: 4 } } } } } });
    expect(rule.statusCode).toBe(200);
    const order = await create(complaintBody(t.org, { customer: customer() }));
    const result = await t.request({
      method: 'POST', url: `/api/v1/work-orders/${order.id}/transitions`, token: t.org.tokens.admin,
      payload: { action: 'give_result', version: order.version, text: '已更换门禁电源，恢复正常' },
    });
    expect(result.statusCode).toBe(200);
    const given = await view(order.id);
    expect(given.callbacks[0]).toMatchObject({ rule: 'complaint_responsible_general', limit: { unit: 'days', amount: 4 } });
    expect(clock(given, 'callback')).toMatchObject({ limit: { unit: 'days', amount: 4 }, dueAt: given.callbacks[0].dueAt });

    // The next change writes the document back without the stale keys; sending one is refused as an unknown field.
    expect((await patch({ callbacks: { policy: { rules: { complaint_responsible_general: null } } } })).statusCode).toBe(200);
    expect(await stored()).not.toMatch(/callbackResponsible|callbackAssistance/);
    const refused = await patch({ sla: { callbackAssistance: null } });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ code: 'validation_failed' });
    expect(refused.json().errors).toContainEqual(expect.objectContaining({ field: 'body.sla', unknownField: 'callbackAssistance' }));
  });

  it('is per organisation', async () => {
    const other = (await get(t.otherOrg.tokens.agent)).json();
    expect(other.slaByKind).toEqual({});
    expect(other.sla.resultGeneral).toEqual({ unit: 'hours', amount: 2 });
  });
});
