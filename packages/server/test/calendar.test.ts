import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, PASSWORD, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';
import { bumpCalendarVersion, upsertOverride } from '../src/calendar/calendar.repository.js';
import { recomputeOpenClocks } from '../src/settings/open-clock-recompute.js';

interface Day { date: string; type: string; name?: string; working: boolean; provisional: boolean }
interface Clock { kind: string; dueAt: string; provisional: boolean; limit: { unit: string; amount: number }; calendarVersion: number }
interface TimelineEvent { type: string; data: Record<string, unknown> }

describe.skipIf(!databaseAvailable)(`calendar and overrides (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const days = (query: string, token = t.org.tokens.agent) => t.request({ method: 'GET', url: `/api/v1/calendar/days?${query}`, token });
  const byDate = (items: Day[]) => Object.fromEntries(items.map((d) => [d.date, d]));
  const admin = () => t.org.tokens.admin;
  const post = (url: string, payload: unknown, token = admin()) => t.request({ method: 'POST', url, token, payload: payload as object });
  const order = async (id: number) => (await t.request({ method: 'GET', url: `/api/v1/work-orders/${id}`, token: admin() })).json();
  const clockOf = (view: { clocks: Clock[] }, kind: string) => view.clocks.find((c) => c.kind === kind)!;
  const recomputedEvents = (view: { timeline: TimelineEvent[] }, clock: string) =>
    view.timeline.filter((e) => e.type === 'clock_recomputed' && e.data.clock === clock).map((e) => e.data);
  const version = async () => (await days('from=2026-01-01&to=2026-01-01')).json().calendarVersion as number;

  it('lists statutory holidays and make-up workdays with their names; a year without data is provisional', async () => {
    const r = await days(`site=${t.org.siteId}&from=2025-09-27&to=2025-10-12`);
    expect(r.statusCode).toBe(200);
    const items = r.json().items as Day[];
    expect(items).toHaveLength(16);
    const d = byDate(items);
    expect(d['2025-09-27']).toEqual({ date: '2025-09-27', type: 'weekend', working: false, provisional: false });
    expect(d['2025-09-28']).toEqual({ date: '2025-09-28', type: 'makeup_workday', name: '国庆节', working: true, provisional: false });
    expect(d['2025-10-01']).toMatchObject({ type: 'holiday', name: '国庆节', working: false });
    expect(d['2025-10-06']).toMatchObject({ type: 'holiday', name: '中秋' });
    expect(d['2025-10-09']).toMatchObject({ type: 'workday', working: true });
    expect(d['2025-10-11']).toMatchObject({ type: 'makeup_workday', working: true });

    // Department staff read it too; 2027 is not in the statutory data yet.
    const later = await days('from=2027-10-01&to=2027-10-02', t.org.tokens.handler);
    expect(later.json().items).toEqual([
      { date: '2027-10-01', type: 'workday', working: true, provisional: true },
      { date: '2027-10-02', type: 'weekend', working: false, provisional: true },
    ]);
  });

  it('answers staff only, and only for sites in their scope', async () => {
    expect((await days('from=2026-01-01&to=2026-01-02', t.org.tokens.customer)).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/v1/calendar/days?from=2026-01-01&to=2026-01-02' })).statusCode).toBe(401);
    // The agent works at the first site only; another organisation's site does not exist for anyone here.
    expect((await days(`site=${t.org.otherSiteId}&from=2026-01-01&to=2026-01-02`)).statusCode).toBe(404);
    expect((await days(`site=${t.otherOrg.siteId}&from=2026-01-01&to=2026-01-02`, admin())).statusCode).toBe(404);
    expect((await days(`site=${t.org.otherSiteId}&from=2026-01-01&to=2026-01-02`, t.org.tokens.handler)).statusCode).toBe(200);
  });

  it('refuses dates that do not exist, reversed and overlong ranges', async () => {
    for (const query of ['from=2025-02-30&to=2025-03-01', 'from=2025-1-1&to=2025-01-02', 'from=2025-03-02&to=2025-03-01', 'from=2025-01-01&to=2026-02-05', 'from=2025-01-01', 'site=x&from=2025-01-01&to=2025-01-02']) {
      const r = await days(query);
      expect(r.statusCode, query).toBe(400);
      expect(r.json().code, query).toBe('validation_failed');
    }
    // Exactly the maximum is fine.
    expect((await days('from=2025-01-01&to=2026-02-04')).json().items).toHaveLength(400);
  });

  it('lets only an administrator set and remove days; every change bumps the calendar version and is audited', async () => {
    const body = { date: '2026-12-07', type: 'holiday', name: '公司年会' };
    for (const role of ['agent', 'supervisor', 'general_manager', 'handler', 'customer']) {
      expect((await post('/api/v1/calendar/overrides', body, t.org.tokens[role])).statusCode, role).toBe(403);
    }
    const before = await version();
    const set = await post('/api/v1/calendar/overrides', body);
    expect(set.statusCode).toBe(201);
    expect(set.json()).toMatchObject({ override: { siteId: null, date: '2026-12-07', type: 'holiday', name: '公司年会' }, calendarVersion: before + 1 });
    // Organisation-wide: every site closes.
    expect((await days(`site=${t.org.otherSiteId}&from=2026-12-07&to=2026-12-07`, admin())).json().items[0]).toMatchObject({ type: 'holiday', name: '公司年会', working: false });

    // A site's own stock-taking Saturday is worked there only.
    const site = await post('/api/v1/calendar/overrides', { siteId: t.org.otherSiteId, date: '2026-12-12', type: 'workday', name: '盘点' });
    expect(site.statusCode).toBe(201);
    expect((await days(`site=${t.org.otherSiteId}&from=2026-12-12&to=2026-12-12`, admin())).json().items[0]).toMatchObject({ type: 'makeup_workday', name: '盘点', working: true });
    expect((await days(`site=${t.org.siteId}&from=2026-12-12&to=2026-12-12`)).json().items[0]).toMatchObject({ type: 'weekend', working: false });

    const list = (await t.request({ method: 'GET', url: '/api/v1/calendar/overrides?year=2026', token: t.org.tokens.agent })).json();
    expect(list.items.map((o: { date: string; siteId: number | null }) => [o.date, o.siteId])).toEqual([['2026-12-07', null], ['2026-12-12', t.org.otherSiteId]]);
    expect(list.officialYears.statutory).toContain(2026);
    expect(list.officialYears.statutory).not.toContain(2027);
    expect(list.officialYears.declared).toEqual([]);

    const id = set.json().override.id;
    expect((await t.request({ method: 'DELETE', url: `/api/v1/calendar/overrides/${id}`, token: t.otherOrg.tokens.admin })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/calendar/overrides/${id}`, token: t.org.tokens.agent })).statusCode).toBe(403);
    const removed = await t.request({ method: 'DELETE', url: `/api/v1/calendar/overrides/${id}`, token: admin() });
    expect(removed.json()).toMatchObject({ calendarVersion: before + 3 });
    expect((await days('from=2026-12-07&to=2026-12-07')).json().items[0]).toMatchObject({ type: 'workday', working: true });
    expect((await t.request({ method: 'DELETE', url: `/api/v1/calendar/overrides/${id}`, token: admin() })).statusCode).toBe(404);
    expect(await version()).toBe(before + 3);

    const audit = (await t.request({ method: 'GET', url: '/api/v1/audit?entityType=calendar', token: admin() })).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['calendar.override.delete', 'calendar.override.set', 'calendar.override.set']);
  });

  it('refuses bad overrides without touching the calendar', async () => {
    const before = await version();
    const cases: [unknown, number, string][] = [
      [{ date: '2026-12-08', type: 'bank_holiday' }, 400, 'validation_failed'],
      [{ date: '2026-02-30', type: 'holiday' }, 400, 'calendar_invalid'],
      [{ date: '2026-12-08', type: 'holiday', colour: 'red' }, 400, 'validation_failed'],
      [{ date: '2026-12-08', type: 'holiday', name: '长'.repeat(101) }, 400, 'validation_failed'],
      [{ date: '2026-12-08', type: 'holiday', siteId: t.otherOrg.siteId }, 422, 'unknown_reference'],
    ];
    for (const [body, status, code] of cases) {
      const r = await post('/api/v1/calendar/overrides', body);
      expect([r.statusCode, r.json().code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect(await version()).toBe(before);
  });

  it('says where an import is wrong: the ICS line, the JSON entry', async () => {
    const before = await version();
    const ics = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270230', 'SUMMARY:春节', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    let r = await post('/api/v1/calendar/import', { format: 'ics', content: ics });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'calendar_invalid', calendarCode: 'invalid_ics', line: 3 });

    r = await post('/api/v1/calendar/import', { format: 'json', content: [{ date: '2027-02-06', type: 'holiday' }, { date: '2027-02-07', type: 'vacation' }] });
    expect(r.json()).toMatchObject({ status: 400, code: 'calendar_invalid', calendarCode: 'invalid_entry', index: 1, field: 'type' });
    r = await post('/api/v1/calendar/import', { format: 'json', content: '[{"date": "2027-02-06"' });
    expect(r.json()).toMatchObject({ status: 400, calendarCode: 'invalid_json' });
    r = await post('/api/v1/calendar/import', { format: 'json', content: [] });
    expect(r.json()).toMatchObject({ status: 400, code: 'calendar_invalid' });
    r = await post('/api/v1/calendar/import', { format: 'ics', content: [] });
    expect(r.json()).toMatchObject({ status: 400, code: 'validation_failed' });
    // A national notice is the organisation's, and it must be about the year it declares.
    const entries = [{ date: '2027-02-06', type: 'holiday', name: '春节' }];
    r = await post('/api/v1/calendar/import', { format: 'json', content: entries, siteId: t.org.siteId, officialYear: 2027 });
    expect(r.json()).toMatchObject({ status: 400, code: 'validation_failed' });
    r = await post('/api/v1/calendar/import', { format: 'json', content: entries, officialYear: 2028 });
    expect(r.json()).toMatchObject({ status: 400, code: 'calendar_invalid' });
    expect((await post('/api/v1/calendar/import', { format: 'json', content: entries }, t.org.tokens.supervisor)).statusCode).toBe(403);
    expect(await version()).toBe(before);
  });

  it('recomputes open deadlines when a new year’s notice arrives: provisional becomes official, on the timeline, once', async () => {
    // The media channel makes a complaint major at intake (2 working days to a result).
    expect((await t.request({ method: 'PATCH', url: '/api/v1/settings', token: admin(), payload: { complaints: { channelUpgrade: 'automatic' } } })).statusCode).toBe(200);
    t.clock.now = new Date('2027-02-04T02:00:00Z'); // Thursday 10:00 in Shanghai
    // Sessions expire over a jump of months: sign in again on the new day.
    for (const role of ['admin', 'agent']) {
      const login = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: `t1-${role}`, password: PASSWORD } });
      t.org.tokens[role] = login.json().token;
    }
    const complaint = (await post('/api/v1/work-orders', complaintBody(t.org, { channel: 'media', customer: { name: '钱先生', phone: '13700002027' } }))).json();
    // A repair at the mall, which keeps office hours: its 10-minute dispatch clock reads 2027's day types.
    const repair = (await post('/api/v1/work-orders', {
      kind: 'repair', channel: 'phone', siteId: t.org.otherSiteId, description: '专柜照明坏了', customer: { name: '孙女士', phone: '13700002028' },
    })).json();

    let view = await order(complaint.id);
    expect(clockOf(view, 'result')).toMatchObject({ limit: { unit: 'working_days', amount: 2 }, dueAt: '2027-02-08T16:00:00.000Z', provisional: true });
    expect(clockOf(await order(repair.id), 'dispatch')).toMatchObject({ dueAt: '2027-02-04T02:10:00.000Z', provisional: true });

    // The State Council notice for 2027, before the statutory package has it: 春节 02-05…02-11, 02-14 (Sunday) worked.
    const notice = [
      'BEGIN:VCALENDAR', 'VERSION:2.0',
      'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270205', 'DTEND;VALUE=DATE:20270212', 'SUMMARY:春节', 'END:VEVENT',
      'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270214', 'SUMMARY:春节(班)', 'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const before = await version();
    const imported = await post('/api/v1/calendar/import', { format: 'ics', content: notice, officialYear: 2027 });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ imported: 8, replaced: 0, officialYear: 2027, calendarVersion: before + 1, recomputed: { orders: 2, changedClocks: 2 } });

    // Thu 02-04 → (02-05…02-11 off) Fri 02-12 → (Sat off) Sun 02-14 worked: due at its end, no longer provisional.
    view = await order(complaint.id);
    expect(clockOf(view, 'result')).toMatchObject({ dueAt: '2027-02-14T16:00:00.000Z', provisional: false, calendarVersion: before + 1 });
    expect(recomputedEvents(view, 'result')).toEqual([
      { clock: 'result', reason: 'calendar_updated', from: '2027-02-08T16:00:00.000Z', to: '2027-02-14T16:00:00.000Z', provisional: false },
    ]);
    const repairView = await order(repair.id);
    expect(clockOf(repairView, 'dispatch')).toMatchObject({ dueAt: '2027-02-04T02:10:00.000Z', provisional: false });
    expect(recomputedEvents(repairView, 'dispatch')).toHaveLength(1);
    expect(byDate((await days('from=2027-02-13&to=2027-02-14')).json().items)['2027-02-14']).toEqual({
      date: '2027-02-14', type: 'makeup_workday', name: '春节', working: true, provisional: false,
    });
    expect((await t.request({ method: 'GET', url: '/api/v1/settings', token: t.org.tokens.agent })).json().calendar.declaredOfficialYears).toEqual([2027]);

    // The same file again: a new version, nothing moves, no second timeline entry.
    const again = await post('/api/v1/calendar/import', { format: 'ics', content: notice, officialYear: 2027 });
    expect(again.json()).toMatchObject({ imported: 8, replaced: 8, recomputed: { orders: 2, changedClocks: 0 } });
    expect(recomputedEvents(await order(complaint.id), 'result')).toHaveLength(1);

    // Withdrawing the declaration makes 2027 a guess again (its imported days stay).
    const withdrawn = await t.request({ method: 'DELETE', url: '/api/v1/calendar/official-years/2027', token: admin() });
    expect(withdrawn.json()).toMatchObject({ recomputed: { orders: 2, changedClocks: 2 } });
    view = await order(complaint.id);
    expect(clockOf(view, 'result')).toMatchObject({ dueAt: '2027-02-14T16:00:00.000Z', provisional: true });
    expect(recomputedEvents(view, 'result').at(-1)).toMatchObject({ reason: 'calendar_updated', provisional: true });
    expect((await t.request({ method: 'DELETE', url: '/api/v1/calendar/official-years/2027', token: admin() })).statusCode).toBe(404);

    const audit = (await t.request({ method: 'GET', url: '/api/v1/audit?entityType=calendar', token: admin() })).json();
    expect(audit.items[0]).toMatchObject({ action: 'calendar.official_year.withdraw' });
    expect(audit.items[2]).toMatchObject({ action: 'calendar.import' });
  });

  it('recomputes in batches, and two recomputes at once record each move once', async () => {
    const complaints = (await t.request({ method: 'GET', url: '/api/v1/work-orders?kind=complaint', token: admin() })).json().items;
    const id = complaints[0].id as number;
    const moves = recomputedEvents(await order(id), 'result').length;
    // A change made behind the API's back (as a second server instance would see it): 02-12 becomes a holiday too.
    await upsertOverride(t.context.db, { orgId: t.org.orgId, siteId: null, date: '2027-02-12', type: 'holiday', name: '春节', createdBy: t.org.userIds.agent!, createdAt: t.clock.now.getTime() });
    await bumpCalendarVersion(t.context.db, t.org.orgId);
    const job = { orgId: t.org.orgId, reason: 'calendar_updated' as const, actorId: null, now: t.clock.now, batchSize: 1 };
    const [a, b] = await Promise.all([recomputeOpenClocks(t.context.db, job), recomputeOpenClocks(t.context.db, job)]);
    expect(a.changedClocks + b.changedClocks).toBe(1);
    const view = await order(id);
    expect(clockOf(view, 'result').dueAt).toBe('2027-02-15T16:00:00.000Z');
    expect(recomputedEvents(view, 'result')).toHaveLength(moves + 1);
    expect(await recomputeOpenClocks(t.context.db, job)).toEqual({ orders: 0, changedClocks: 0 });
  });
});
