import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

/** Read server-sent events until `predicate` matches one, or give up after `ms`. */
async function waitForEvent(response: Response, predicate: (event: string, data: unknown) => boolean, ms = 10_000) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + ms;
  try {
    while (Date.now() < deadline) {
      const timeout = new Promise<{ value: undefined; done: true }>((resolve) => setTimeout(() => resolve({ value: undefined, done: true }), deadline - Date.now()));
      const { value, done } = await Promise.race([reader.read(), timeout]);
      if (done || !value) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data && predicate(event, JSON.parse(data))) return { event, data: JSON.parse(data) };
      }
    }
  } finally {
    await reader.cancel();
  }
  throw new Error('event not received');
}

describe.skipIf(!databaseAvailable)(`live event stream (${testDialect})`, () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    // A real socket: server-sent events cannot be observed through inject().
    t.clock.now = new Date();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => t?.close());

  it('pushes a new order in the agent\'s scope without a reload', async () => {
    const response = await fetch(`${base}/api/v1/events/stream`, { headers: { authorization: `Bearer ${t.org.tokens.agent}` } });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const created = await t.request({ method: 'POST', url: '/api/v1/work-orders', token: t.org.tokens.customer, payload: { kind: 'repair', channel: 'online', siteId: t.org.siteId, description: '门口路灯不亮' } });
    expect(created.statusCode).toBe(201);
    const received = await waitForEvent(response, (event, data) => event === 'work_order.created' && (data as { id: number }).id === created.json().id);
    expect(received.data).toMatchObject({ number: created.json().number, description: '门口路灯不亮' });
  });

  it('does not push another organisation\'s orders', async () => {
    const response = await fetch(`${base}/api/v1/events/stream`, { headers: { authorization: `Bearer ${t.otherOrg.tokens.agent}` } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await t.request({ method: 'POST', url: '/api/v1/work-orders', token: t.org.tokens.agent, payload: complaintBody(t.org) });
    await expect(waitForEvent(response, (event) => event === 'work_order.created', 4500)).rejects.toThrow('event not received');
  });

  it('refuses a stream without a session', async () => {
    const response = await fetch(`${base}/api/v1/events/stream`);
    expect(response.status).toBe(401);
  });
});
