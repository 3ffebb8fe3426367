import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

interface TimelineEvent { type: string; data: Record<string, unknown> }

describe.skipIf(!databaseAvailable)(`site settings (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(); // 2026-11-25 02:00 UTC: Wednesday 10:00 in Shanghai
  });
  afterAll(async () => t?.close());

  const patchSite = (id: number, payload: unknown, token = t.org.tokens.admin) => t.request({ method: 'PATCH', url: `/api/v1/sites/${id}`, token, payload: payload as object });
  const postSite = (payload: unknown, token = t.org.tokens.admin) => t.request({ method: 'POST', url: '/api/v1/sites', token, payload: payload as object });
  const week = (ranges: string[]) => ({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges });

  it('adds a site for administrators only, with its time zone spelled as IANA does', async () => {
    expect((await postSite({ name: '回音新城' }, t.org.tokens.supervisor)).statusCode).toBe(403);
    const r = await postSite({ name: '回音新城', kind: 'residential', timeZone: 'asia/urumqi', twentyFourHour: false, serviceHours: { weekly: week(['09:00-17:00']) } });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ name: '回音新城', timeZone: 'Asia/Urumqi', twentyFourHour: false, serviceHours: { weekly: { mon: ['09:00-17:00'] } } });
    const list = (await t.request({ method: 'GET', url: '/api/v1/sites', token: t.org.tokens.admin })).json();
    expect(list.items.map((s: { name: string }) => s.name)).toContain('回音新城');
    // A new site defaults to 24-hour duty in Shanghai, like the first one.
    expect((await postSite({ name: '值班点' })).json()).toMatchObject({ timeZone: 'Asia/Shanghai', twentyFourHour: true, serviceHours: null });
  });

  it('keeps split shifts, overnight ranges and make-up-day hours', async () => {
    const hours = {
      weekly: { ...week(['08:30-12:00', '13:30-17:30']), sat: ['22:00-06:00'] },
      makeupDay: ['09:00-12:00'],
      openOnRestDays: false,
    };
    const r = await patchSite(t.org.siteId, { twentyFourHour: false, serviceHours: hours });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ twentyFourHour: false, serviceHours: hours, recomputed: { orders: 0, changedClocks: 0 } });
    const read = await t.request({ method: 'GET', url: `/api/v1/sites/${t.org.siteId}`, token: t.org.tokens.agent });
    expect(read.json().serviceHours).toEqual(hours);
    expect((await patchSite(t.org.siteId, { twentyFourHour: true })).json()).toMatchObject({ twentyFourHour: true, serviceHours: hours });
  });

  it('refuses hours that cannot work and time zones that do not exist', async () => {
    const before = (await t.request({ method: 'GET', url: `/api/v1/sites/${t.org.otherSiteId}`, token: t.org.tokens.admin })).json();
    const cases: [unknown, number, Record<string, unknown>][] = [
      [{ serviceHours: { weekly: { mon: ['09:00-12:00', '11:00-14:00'] } } }, 400, { code: 'calendar_invalid', calendarCode: 'invalid_hours', field: 'weekly.mon' }],
      [{ serviceHours: { weekly: { tue: ['25:00-26:00'] } } }, 400, { calendarCode: 'invalid_hours', field: 'weekly.tue', value: '25:00-26:00' }],
      [{ serviceHours: { weekly: { wed: ['9am-5pm'] } } }, 400, { calendarCode: 'invalid_hours' }],
      [{ serviceHours: { weekly: { wed: ['09:00-09:00'] } } }, 400, { calendarCode: 'invalid_hours' }],
      // Not on 24-hour duty, so a week without any hours would never let a clock run.
      [{ serviceHours: { weekly: {} } }, 400, { calendarCode: 'invalid_hours', field: 'weekly' }],
      [{ serviceHours: { weekly: { someday: ['09:00-17:00'] } } }, 400, { code: 'validation_failed' }],
      [{ timeZone: 'Mars/Olympus_Mons' }, 400, { code: 'calendar_invalid', calendarCode: 'invalid_time_zone', value: 'Mars/Olympus_Mons' }],
      [{ timeZone: '+08:00' }, 400, { code: 'validation_failed' }],
      [{ twentyFourHour: 'yes' }, 400, { code: 'validation_failed' }],
      [{}, 400, { code: 'validation_failed' }],
      [{ name: '   ' }, 400, { code: 'validation_failed' }],
    ];
    for (const [body, status, problem] of cases) {
      const r = await patchSite(t.org.otherSiteId, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(status);
      expect(r.json(), JSON.stringify(body)).toMatchObject(problem);
    }
    expect((await t.request({ method: 'GET', url: `/api/v1/sites/${t.org.otherSiteId}`, token: t.org.tokens.admin })).json()).toEqual(before);
  });

  it('answers 404 for another organisation’s site and for a site outside the caller’s scope; 403 for non-admins', async () => {
    expect((await patchSite(t.otherOrg.siteId, { name: '别人的' })).statusCode).toBe(404);
    expect((await patchSite(t.org.siteId, { name: '改名' }, t.org.tokens.agent)).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/v1/sites/${t.org.otherSiteId}`, token: t.org.tokens.agent })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/sites/${t.org.siteId}`, token: t.org.tokens.customer })).statusCode).toBe(403);
  });

  it('recomputes open deadlines when hours or the time zone change, and records why', async () => {
    // The mall keeps the default office hours (Mon–Fri 09:00–18:00): a repair at 10:00 is dispatched by 10:10.
    const created = await t.request({
      method: 'POST', url: '/api/v1/work-orders', token: t.org.tokens.admin,
      payload: { kind: 'repair', channel: 'phone', siteId: t.org.otherSiteId, description: '扶梯异响', customer: { name: '周先生', phone: '13700009999' } },
    });
    const id = created.json().id as number;
    const dispatch = async () => {
      const view = (await t.request({ method: 'GET', url: `/api/v1/work-orders/${id}`, token: t.org.tokens.admin })).json();
      const events = (view.timeline as TimelineEvent[]).filter((e) => e.type === 'clock_recomputed').map((e) => e.data);
      return { dueAt: view.clocks.find((c: { kind: string }) => c.kind === 'dispatch').dueAt as string, events };
    };
    expect((await dispatch()).dueAt).toBe('2026-11-25T02:10:00.000Z');

    // The desk now opens at 13:00: the clock starts then.
    let r = await patchSite(t.org.otherSiteId, { serviceHours: { weekly: week(['13:00-18:00']) } });
    expect(r.json()).toMatchObject({ recomputed: { orders: 1, changedClocks: 1 } });
    const version = r.json().calendarVersion as number;
    expect(await dispatch()).toEqual({
      dueAt: '2026-11-25T05:10:00.000Z',
      events: [{ clock: 'dispatch', reason: 'calendar_updated', from: '2026-11-25T02:10:00.000Z', to: '2026-11-25T05:10:00.000Z', provisional: false }],
    });

    // Same hours in Tokyo: 13:00 there is 04:00 UTC.
    r = await patchSite(t.org.otherSiteId, { timeZone: 'Asia/Tokyo' });
    expect(r.json()).toMatchObject({ timeZone: 'Asia/Tokyo', calendarVersion: version + 1 });
    expect((await dispatch()).dueAt).toBe('2026-11-25T04:10:00.000Z');

    // A new name moves no deadline: no new version, nothing recomputed.
    r = await patchSite(t.org.otherSiteId, { name: '回音广场（东区）' });
    expect(r.json()).toMatchObject({ name: '回音广场（东区）' });
    expect(r.json()).not.toHaveProperty('calendarVersion');
    expect((await dispatch()).events).toHaveLength(2);

    const audit = (await t.request({ method: 'GET', url: `/api/v1/audit?entityType=site&entityId=${t.org.otherSiteId}`, token: t.org.tokens.admin })).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['site.update', 'site.update', 'site.update']);
    expect(audit.items[2]).toMatchObject({ before: { serviceHours: null }, after: { serviceHours: { weekly: { mon: ['13:00-18:00'] } }, calendarVersion: version } });
  });
});
