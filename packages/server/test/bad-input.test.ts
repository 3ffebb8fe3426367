import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

describe.skipIf(!databaseAvailable)(`bad input is refused clearly and writes nothing (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const counts = async () => {
    const one = async (table: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.context.db)).rows[0]!.n);
    return { orders: await one('work_orders'), events: await one('work_order_events'), audit: await one('audit_log'), customers: await one('customers') };
  };
  const post = (payload: string | object, headers: Record<string, string> = {}) =>
    t.request({ method: 'POST', url: '/api/v1/work-orders', token: t.org.tokens.agent, payload: payload as never, headers: { 'content-type': 'application/json', ...headers } });

  const cases: [string, () => string | object, string][] = [
    ['malformed JSON', () => '{"kind": "complaint", ', 'malformed_json'],
    ['an empty body', () => '', 'malformed_json'],
    ['a number where text belongs', () => complaintBody(t.org, { description: 12345 }), 'validation_failed'],
    ['a numeric string where a number belongs', () => complaintBody(t.org, { siteId: String(t.org.siteId) }), 'validation_failed'],
    ['an unknown field', () => complaintBody(t.org, { priority: 'urgent' }), 'validation_failed'],
    ['an unknown kind', () => complaintBody(t.org, { kind: 'rant' }), 'validation_failed'],
    ['an unknown channel', () => complaintBody(t.org, { channel: 'pigeon' }), 'validation_failed'],
    ['a control character', () => complaintBody(t.org, { description: '电梯\u0000坏了' }), 'validation_failed'],
    ['an invalid date', () => complaintBody(t.org, { receivedAt: '2026-02-30T25:61:00Z' }), 'validation_failed'],
    ['a date that is not a date', () => complaintBody(t.org, { receivedAt: 'yesterday' }), 'validation_failed'],
    ['an empty description', () => complaintBody(t.org, { description: '   ' }), 'validation_failed'],
    ['a missing customer', () => ({ kind: 'inquiry', channel: 'phone', siteId: t.org.siteId, description: '问询' }), 'validation_failed'],
    ['a site id out of range', () => complaintBody(t.org, { siteId: 1e12 }), 'validation_failed'],
    ['a nonsense phone', () => complaintBody(t.org, { customer: { name: '某人', phone: 'drop table' } }), 'validation_failed'],
    ['__proto__ pollution', () => '{"__proto__": {"admin": true}, "kind": "inquiry"}', 'malformed_json'],
  ];
  for (const [name, body, code] of cases) {
    it(`${name} → 400 ${code}, nothing written`, async () => {
      const before = await counts();
      const response = await post(typeof body() === 'string' ? (body() as string) : JSON.stringify(body()));
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code, status: 400 });
      expect(response.json().title).toMatch(/[\u4e00-\u9fff]/);
      expect(await counts()).toEqual(before);
    });
  }

  it('names the unknown field in the problem', async () => {
    const response = await post(JSON.stringify(complaintBody(t.org, { priority: 'urgent' })));
    expect(JSON.stringify(response.json().errors)).toContain('priority');
  });

  it('refuses a huge body with 413', async () => {
    const response = await post(JSON.stringify(complaintBody(t.org, { description: '很长'.repeat(200_000) })));
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('body_too_large');
  });

  it('refuses a non-JSON content type with 415', async () => {
    const response = await post('kind=complaint', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('unsupported_media_type');
  });

  it('stores SQL-looking text verbatim and finds it again', async () => {
    const description = "电梯'; DROP TABLE work_orders; -- 坏了";
    const created = await post(JSON.stringify(complaintBody(t.org, { description, unit: "1' OR '1'='1" })));
    expect(created.statusCode).toBe(201);
    expect(created.json().description).toBe(description);
    const found = await t.request({ method: 'GET', url: `/api/v1/work-orders?q=${encodeURIComponent("DROP TABLE")}`, token: t.org.tokens.agent });
    expect(found.json().items.map((o: { id: number }) => o.id)).toContain(created.json().id);
    const fts = await t.request({ method: 'GET', url: `/api/v1/work-orders?q=${encodeURIComponent('"电梯" OR *')}`, token: t.org.tokens.agent });
    expect(fts.statusCode).toBe(200);
  });

  it('answers bad query parameters with 400, never 500', async () => {
    for (const query of ['limit=0', 'limit=abc', 'siteId=-1', 'from=not-a-date', 'cursor=%%%', 'cursor=eyJ4IjoxfQ', 'sort=random', 'status=DROP%20TABLE', 'bogus=1']) {
      const response = await t.request({ method: 'GET', url: `/api/v1/work-orders?${query}`, token: t.org.tokens.agent });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().code, query).toBe('validation_failed');
    }
    const badId = await t.request({ method: 'GET', url: '/api/v1/work-orders/abc', token: t.org.tokens.agent });
    expect(badId.statusCode).toBe(400);
    const unknownRoute = await t.request({ method: 'GET', url: '/api/v1/nothing-here', token: t.org.tokens.agent });
    expect(unknownRoute.statusCode).toBe(404);
    expect(unknownRoute.json().code).toBe('route_not_found');
  });

  it('keeps the timeline and the audit log append-only in the database itself', async () => {
    await expect(sql`update audit_log set action = 'forged'`.execute(t.context.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from work_order_events`.execute(t.context.db)).rejects.toThrow(/append-only/);
  });
});
