import SQLite from 'better-sqlite3';
import pg from 'pg';
import { DEFAULT_SLA_SETTINGS, formatWorkOrderNumber, localDayOf, planClocks, type Limit } from '@huiyin/domain';
import { workOrderTokens } from '../packages/server/src/search/search-text.js';
import type { CreateSpec } from './create-bodies.js';
import { runConcurrently } from './http-load.js';
import type { OrgFixture } from './synth.js';

/**
 * The floor: the rows one POST /work-orders writes, inserted by a plain driver
 * loop, one transaction per order, with the server's durability settings — no
 * HTTP, validation, query builder or reads. New caller: customer, phone, unit
 * and an audit record; then the daily number (upsert … returning), the order,
 * its 'created' event, its search row and its audit record; and, when the API
 * was seen to start SLA clocks on intake, the same clocks (planClocks with the
 * default settings; a clock row and a 'clock_started' event each) and the order's
 * due time. Search words and clock limits are computed beforehand: the floor
 * measures the database, not jieba or the working-time calendar.
 */
interface FloorOrder {
  customer: { name: string; title: string | null; phone: string; unit: string | null } | null;
  existingCustomerId: number | null;
  siteId: number;
  order: Record<string, unknown>;
  /** Search words without the order number (known only inside the transaction). */
  words: string;
  clocks: { kind: string; limitJson: string; limitMs: number }[];
}

const LIMIT_MS: Record<Limit['unit'], number> = { minutes: 60_000, hours: 3_600_000, working_days: 86_400_000, days: 86_400_000, months: 30 * 86_400_000 };

export interface FloorOptions {
  /** Mirror SLA clock writes (the API was seen to start clocks on intake). */
  withClocks: boolean;
  /** Diagnostics only; the floor proper uses the server's settings. SQLite: synchronous; PostgreSQL: synchronous_commit. */
  durable?: boolean;
  /** Diagnostics only (SQLite): orders per transaction, i.e. what a group commit would give. */
  perTransaction?: number;
  /** Diagnostics only (PostgreSQL): false = numbers from a counter in memory, no shared number_sequences row. */
  dailyNumberRow?: boolean;
}

export interface FloorResult {
  orders: number;
  seconds: number;
  perSec: number;
}

function prepare(fixture: OrgFixture, specs: readonly CreateSpec[], userId: number, withClocks: boolean): FloorOrder[] {
  return specs.map((spec) => {
    const b = spec.body;
    const planned = withClocks
      ? planClocks({ kind: b.kind, channel: b.channel, status: 'received', nature: null, severity: null, dispatched: false, resultGiven: false, callback: null }, DEFAULT_SLA_SETTINGS)
      : [];
    const dueAt = b.agreedReplyAt ? Date.parse(b.agreedReplyAt) : null;
    return {
      customer: spec.existingCustomerId === null ? { name: b.customer.name, title: b.customer.title, phone: b.customer.phone, unit: b.unit ?? null } : null,
      existingCustomerId: spec.existingCustomerId,
      siteId: b.siteId,
      order: {
        org_id: fixture.orgId, site_id: b.siteId, kind: b.kind, channel: b.channel, status: 'received', contact_phone: b.customer.phone,
        unit: b.unit ?? null, description: b.description, category_id: b.categoryId ?? null, agreed_reply_method: b.agreedReplyMethod ?? null,
        agreed_reply_at: dueAt, received_by: userId, owner_id: userId, department_id: null, handler_id: null, result: null, cancel_reason: null,
        due_at: dueAt, closed_at: null, version: 1,
      },
      words: workOrderTokens({ description: b.description, unit: b.unit ?? null, number: '' }, b.customer.name).join(' '),
      clocks: planned.map((c) => ({ kind: c.kind, limitJson: JSON.stringify(c.limit), limitMs: c.limit.amount * LIMIT_MS[c.limit.unit] })),
    };
  });
}

const ORDER_COLUMNS = [
  'org_id', 'site_id', 'number', 'kind', 'channel', 'status', 'customer_id', 'contact_phone', 'unit', 'description', 'category_id',
  'agreed_reply_method', 'agreed_reply_at', 'received_at', 'received_by', 'owner_id', 'department_id', 'handler_id', 'result',
  'cancel_reason', 'due_at', 'created_at', 'updated_at', 'closed_at', 'version',
];

function orderValues(o: FloorOrder, number: string, customerId: number, now: number): unknown[] {
  const row = { ...o.order, number, customer_id: customerId, received_at: now, created_at: now, updated_at: now };
  return ORDER_COLUMNS.map((c) => row[c as keyof typeof row] ?? null);
}

/** The order's due time once its clocks run: the earliest clock or the agreed reply time. */
function dueAfterClocks(o: FloorOrder, now: number): number | null {
  const candidates = [...o.clocks.map((c) => now + c.limitMs), ...(o.order.agreed_reply_at !== null ? [o.order.agreed_reply_at as number] : [])];
  return candidates.length > 0 ? Math.min(...candidates) : null;
}

const CLOCK_COLUMNS = 'org_id, work_order_id, kind, state, limit_json, started_at, paused_ms, due_at, warn_at, provisional, calendar_version, updated_at';
const clockValues = (orgId: number, id: number, c: FloorOrder['clocks'][number], now: number) => [
  orgId, id, c.kind, 'running', c.limitJson, now, 0, now + c.limitMs, now + Math.round(c.limitMs * 0.8), 0, 1, now,
];
const clockEventJson = (c: FloorOrder['clocks'][number], now: number) =>
  JSON.stringify({ clock: c.kind, limit: JSON.parse(c.limitJson) as unknown, dueAt: new Date(now + c.limitMs).toISOString(), provisional: false });

const auditJson = (values: unknown[], id: number) => JSON.stringify({ id, ...Object.fromEntries(ORDER_COLUMNS.map((c, i) => [c, values[i]])) });

export function floorSqlite(file: string, fixture: OrgFixture, specs: readonly CreateSpec[], userId: number, options: FloorOptions): FloorResult {
  const orders = prepare(fixture, specs, userId, options.withClocks);
  const db = new SQLite(file);
  // The server's settings (database.ts).
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.durable === false ? 'NORMAL' : 'FULL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const insertCustomer = db.prepare('insert into customers (org_id, name, title, customer_type, notes, created_at, updated_at, version) values (?, ?, ?, null, null, ?, ?, 1)');
  const insertPhone = db.prepare('insert into customer_phones (org_id, customer_id, phone, is_primary) values (?, ?, ?, 1)');
  const insertUnit = db.prepare('insert into customer_units (org_id, customer_id, site_id, label) values (?, ?, ?, ?)');
  const nextSequence = db.prepare(
    'insert into number_sequences (org_id, day, last_value) values (?, ?, 1) on conflict (org_id, day) do update set last_value = number_sequences.last_value + 1 returning last_value',
  );
  const insertOrder = db.prepare(`insert into work_orders (${ORDER_COLUMNS.join(', ')}) values (${ORDER_COLUMNS.map(() => '?').join(', ')})`);
  const insertEvent = db.prepare("insert into work_order_events (org_id, work_order_id, type, actor_id, at, data_json, customer_visible) values (?, ?, 'created', ?, ?, ?, 1)");
  const insertSearch = db.prepare('insert into work_order_search (rowid, tokens, org_id) values (?, ?, ?)');
  const insertAudit = db.prepare("insert into audit_log (org_id, actor_id, action, entity_type, entity_id, before_json, after_json, at, request_id) values (?, ?, ?, ?, ?, null, ?, ?, 'floor')");
  const insertClock = options.withClocks ? db.prepare(`insert into sla_clocks (${CLOCK_COLUMNS}) values (${CLOCK_COLUMNS.split(',').map(() => '?').join(', ')})`) : null;
  const insertClockEvent = db.prepare("insert into work_order_events (org_id, work_order_id, type, actor_id, at, data_json, customer_visible) values (?, ?, 'clock_started', ?, ?, ?, 0)");
  const setDue = db.prepare('update work_orders set due_at = ? where id = ?');

  const write = (o: FloorOrder) => {
    const now = Date.now();
    const orgId = fixture.orgId;
    let customerId = o.existingCustomerId;
    if (o.customer) {
      customerId = Number(insertCustomer.run(orgId, o.customer.name, o.customer.title, now, now).lastInsertRowid);
      insertPhone.run(orgId, customerId, o.customer.phone);
      if (o.customer.unit) insertUnit.run(orgId, customerId, o.siteId, o.customer.unit);
      insertAudit.run(orgId, userId, 'customer.create', 'customer', String(customerId), JSON.stringify({ id: customerId, ...o.customer }), now);
    }
    const day = localDayOf(new Date(now), fixture.timeZone);
    const { last_value } = nextSequence.get(orgId, day) as { last_value: number };
    const number = formatWorkOrderNumber(fixture.numberPrefix, day, last_value);
    const values = orderValues(o, number, customerId!, now);
    const id = Number(insertOrder.run(values).lastInsertRowid);
    insertEvent.run(orgId, id, userId, now, JSON.stringify({ number, channel: o.order.channel, kind: o.order.kind }));
    insertSearch.run(id, `${o.words} ${number.toLowerCase()}`, orgId);
    insertAudit.run(orgId, userId, 'work_order.create', 'work_order', String(id), auditJson(values, id), now);
    for (const clock of o.clocks) {
      insertClock!.run(clockValues(orgId, id, clock, now));
      insertClockEvent.run(orgId, id, userId, now, clockEventJson(clock, now));
    }
    const due = dueAfterClocks(o, now);
    if (due !== o.order.due_at) setDue.run(due, id);
  };
  const writeMany = db.transaction((batch: FloorOrder[]) => batch.forEach(write));

  const perTransaction = options.perTransaction ?? 1;
  const started = performance.now();
  for (let i = 0; i < orders.length; i += perTransaction) writeMany(orders.slice(i, i + perTransaction));
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { orders: orders.length, seconds, perSec: orders.length / seconds };
}

export async function floorPostgres(
  url: string, fixture: OrgFixture, specs: readonly CreateSpec[], userId: number, options: FloorOptions & { connections: number },
): Promise<FloorResult> {
  const orders = prepare(fixture, specs, userId, options.withClocks);
  const connections = options.connections;
  // synchronous_commit stays at the server default (on), as for the application.
  const pool = new pg.Pool({ connectionString: url, max: connections });
  if (options.durable === false) pool.on('connect', (client) => void client.query('set synchronous_commit = off'));
  const orderSql = `insert into work_orders (${ORDER_COLUMNS.join(', ')}) values (${ORDER_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) returning id`;
  const auditSql = "insert into audit_log (org_id, actor_id, action, entity_type, entity_id, before_json, after_json, at, request_id) values ($1, $2, $3, $4, $5, null, $6, $7, 'floor')";

  let counter = 0;
  const writeOne = async (o: FloorOrder) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const now = Date.now();
      const orgId = fixture.orgId;
      let customerId = o.existingCustomerId;
      if (o.customer) {
        const { rows } = await client.query<{ id: number }>(
          'insert into customers (org_id, name, title, customer_type, notes, created_at, updated_at, version) values ($1, $2, $3, null, null, $4, $4, 1) returning id',
          [orgId, o.customer.name, o.customer.title, now],
        );
        customerId = rows[0]!.id;
        await client.query('insert into customer_phones (org_id, customer_id, phone, is_primary) values ($1, $2, $3, 1)', [orgId, customerId, o.customer.phone]);
        if (o.customer.unit) await client.query('insert into customer_units (org_id, customer_id, site_id, label) values ($1, $2, $3, $4)', [orgId, customerId, o.siteId, o.customer.unit]);
        await client.query(auditSql, [orgId, userId, 'customer.create', 'customer', String(customerId), JSON.stringify({ id: customerId, ...o.customer }), now]);
      }
      const day = localDayOf(new Date(now), fixture.timeZone);
      const sequence = options.dailyNumberRow === false
        ? 900_000 + ++counter
        : (await client.query<{ last_value: number }>(
          'insert into number_sequences (org_id, day, last_value) values ($1, $2, 1) on conflict (org_id, day) do update set last_value = number_sequences.last_value + 1 returning last_value',
          [orgId, day],
        )).rows[0]!.last_value;
      const number = formatWorkOrderNumber(fixture.numberPrefix, day, sequence);
      const values = orderValues(o, number, customerId!, now);
      const { rows } = await client.query<{ id: number }>(orderSql, values);
      const id = rows[0]!.id;
      await client.query("insert into work_order_events (org_id, work_order_id, type, actor_id, at, data_json, customer_visible) values ($1, $2, 'created', $3, $4, $5, 1)", [
        orgId, id, userId, now, JSON.stringify({ number, channel: o.order.channel, kind: o.order.kind }),
      ]);
      await client.query('insert into work_order_search (work_order_id, org_id, tokens) values ($1, $2, $3)', [id, orgId, `${o.words} ${number.toLowerCase()}`]);
      await client.query(auditSql, [orgId, userId, 'work_order.create', 'work_order', String(id), auditJson(values, id), now]);
      for (const clock of o.clocks) {
        await client.query(`insert into sla_clocks (${CLOCK_COLUMNS}) values (${CLOCK_COLUMNS.split(',').map((_, i) => `$${i + 1}`).join(', ')})`, clockValues(orgId, id, clock, now));
        await client.query("insert into work_order_events (org_id, work_order_id, type, actor_id, at, data_json, customer_visible) values ($1, $2, 'clock_started', $3, $4, $5, 0)", [
          orgId, id, userId, now, clockEventJson(clock, now),
        ]);
      }
      const due = dueAfterClocks(o, now);
      if (due !== o.order.due_at) await client.query('update work_orders set due_at = $1 where id = $2', [due, id]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  };

  // Open the connections before the clock starts, as the server's pool is warm too.
  await runConcurrently(connections, connections, async () => {
    const client = await pool.connect();
    await new Promise((r) => setTimeout(r, 50));
    client.release();
  });
  const started = performance.now();
  await runConcurrently(orders.length, connections, (i) => writeOne(orders[i]!));
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  return { orders: orders.length, seconds, perSec: orders.length / seconds };
}
