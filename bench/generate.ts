import { openDatabase } from '../packages/server/src/db/database.js';
import { migrateToLatest } from '../packages/server/src/db/migrator.js';
import { createOrganisation } from '../packages/server/src/organisations/organisation.service.js';
import { createUser } from '../packages/server/src/users/user.service.js';
import type { BenchDatabase } from './bench-database.js';
import { openBulkWriter, TABLES, type BulkWriter } from './bulk-writer.js';
import { Random } from './random.js';
import { customerRows, HISTORY_DAYS, OrderSynth, receivedAtFor, type FixtureSite, type OrgFixture, type Row } from './synth.js';

const PASSWORD = 'bench-password-1';

const SITES: (Omit<FixtureSite, 'id'> & { name: string })[] = [
  { name: '回音花园', kind: 'residential', weight: 35 },
  { name: '回音名苑', kind: 'residential', weight: 25 },
  { name: '回音广场', kind: 'mall', weight: 20 },
  { name: '滨江壹号', kind: 'residential', weight: 12 },
  { name: '回音科技园', kind: 'office', weight: 8 },
];

/**
 * The organisation, its sites, departments, categories and staff, through the
 * application's own services (createOrganisation, createUser), on a freshly
 * migrated database.
 */
export async function setUpOrganisation(target: BenchDatabase, orders: number, now: Date): Promise<OrgFixture> {
  const handle = openDatabase(target.url);
  try {
    await migrateToLatest(handle.db);
    const { org, sites, departments } = await createOrganisation(handle.db, {
      name: '回音物业（性能基准）',
      code: 'bench',
      numberPrefix: 'HY',
      sites: SITES.map((s) => ({ name: s.name, kind: s.kind, twentyFourHour: s.kind !== 'mall' })),
      admin: { username: 'bench-admin', password: PASSWORD },
    }, now);
    const agentIds: number[] = [];
    for (let i = 1; i <= 8; i++) {
      const user = await createUser(handle.db, { orgId: org.id, username: `bench-agent-${i}`, password: PASSWORD, displayName: `客服${i}号`, employeeNo: String(2000 + i), role: 'agent' }, null, now);
      agentIds.push(user.id);
    }
    const handlerIds: number[][] = [];
    for (const [index, department] of departments.entries()) {
      const ids: number[] = [];
      for (let i = 1; i <= 3; i++) {
        const user = await createUser(handle.db, {
          orgId: org.id, username: `bench-handler-${index}-${i}`, password: PASSWORD, displayName: `${department.name}师傅${i}`, role: 'handler', departmentId: department.id,
        }, null, now);
        ids.push(user.id);
      }
      handlerIds.push(ids);
    }
    const categories = await handle.db.selectFrom('categories').select(['id', 'path']).where('org_id', '=', org.id).execute();
    const maxCustomer = await handle.db.selectFrom('customers').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
    return {
      orgId: org.id,
      numberPrefix: org.number_prefix,
      timeZone: sites[0]!.time_zone,
      sites: sites.map((s, i) => ({ id: s.id, kind: SITES[i]!.kind, weight: SITES[i]!.weight })),
      departments: departments.map((d) => ({ id: d.id, name: d.name })),
      agentIds,
      handlerIds,
      categoryIds: new Map(categories.map((c) => [c.path, c.id])),
      firstCustomerId: Number(maxCustomer?.id ?? 0) + 1,
      // Repeat callers: about 2.5 orders per customer.
      customerCount: Math.max(100, Math.round(orders * 0.4)),
      password: PASSWORD,
      benchUsername: 'bench-agent-1',
    };
  } finally {
    await handle.close();
  }
}

export interface LoadReport {
  orders: number;
  customers: number;
  events: number;
  /** Rows written to all tables. */
  rows: number;
  seconds: number;
  ordersPerSec: number;
  /** Share of orders whose search words include each word (simplified script). */
  wordShare: Map<string, number>;
}

const BATCH = 10_000;

/** The fixture's customers with their phones and units, in big transactions; returns the rows written. */
export async function loadCustomers(writer: BulkWriter, fixture: OrgFixture, now: number): Promise<number> {
  let rows = 0;
  for (let from = 0; from < fixture.customerCount; from += BATCH * 5) {
    const batch = customerRows(fixture, from, Math.min(fixture.customerCount, from + BATCH * 5), now - HISTORY_DAYS * 86_400_000);
    await writer.transaction(async () => {
      await writer.insert(TABLES.customers, batch.customers);
      await writer.insert(TABLES.customerPhones, batch.phones);
      await writer.insert(TABLES.customerUnits, batch.units);
    });
    rows += batch.customers.length + batch.phones.length + batch.units.length;
  }
  return rows;
}

/** Bulk-load customers and `orders` work orders with their events and search rows. */
export async function bulkLoad(
  target: BenchDatabase, fixture: OrgFixture, orders: number, now: number, seed: number, words: string[], log: (line: string) => void,
): Promise<LoadReport> {
  const started = performance.now();
  const writer = await openBulkWriter(target);
  const searchTable = target.dialect === 'sqlite' ? TABLES.searchSqlite : TABLES.searchPostgres;
  const synth = new OrderSynth(fixture, now, seed);
  const timing = new Random(seed ^ 0x5bd1e995);
  const wordHits = new Map(words.map((w) => [w, 0]));
  let events = 0;
  let rows = 0;
  try {
    const recreateIndexes = await writer.deferIndexes(['customers', 'customer_phones', 'customer_units', 'work_orders', 'work_order_events', 'work_order_search']);
    rows += await loadCustomers(writer, fixture, now);
    log(`  customers: ${fixture.customerCount.toLocaleString('en')} in ${seconds(started)} s`);

    const firstId = 1;
    let nextReport = 0.2;
    for (let from = 0; from < orders; from += BATCH) {
      const to = Math.min(orders, from + BATCH);
      const orderRows: Row[] = [];
      const eventRows: Row[] = [];
      const searchRows: Row[] = [];
      for (let i = from; i < to; i++) {
        const synthOrder = synth.next(firstId + i, receivedAtFor(i, orders, now, timing));
        orderRows.push(synthOrder.order);
        for (const e of synthOrder.events) eventRows.push(e);
        searchRows.push(synthOrder.search);
        for (const word of synthOrder.words) {
          const hits = wordHits.get(word);
          if (hits !== undefined) wordHits.set(word, hits + 1);
        }
      }
      events += eventRows.length;
      rows += orderRows.length + eventRows.length + searchRows.length;
      await writer.transaction(async () => {
        await writer.insert(TABLES.workOrders, orderRows);
        await writer.insert(TABLES.events, eventRows);
        await writer.insert(searchTable, searchRows);
      });
      if (to / orders >= nextReport) {
        log(`  orders: ${to.toLocaleString('en')} (${Math.round((to / orders) * 100)}%) at ${seconds(started)} s`);
        nextReport += 0.2;
      }
    }
    const sequences = [...synth.daySequences()].map(([day, last]) => ({ org_id: fixture.orgId, day, last_value: last }));
    await writer.transaction(() => writer.insert(TABLES.numberSequences, sequences));
    rows += sequences.length;
    const indexing = performance.now();
    await recreateIndexes();
    log(`  indexes: ${seconds(indexing)} s`);
    const finishing = performance.now();
    await writer.finish();
    log(`  ${target.dialect === 'sqlite' ? 'checkpoint' : 'setval + vacuum analyze'}: ${seconds(finishing)} s`);
    log(`  insert time by table: ${[...writer.insertMs].map(([t, ms]) => `${t} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  } finally {
    await writer.close();
  }
  const elapsed = (performance.now() - started) / 1000;
  return {
    orders,
    customers: fixture.customerCount,
    events,
    rows,
    seconds: elapsed,
    ordersPerSec: orders / elapsed,
    wordShare: new Map([...wordHits].map(([w, hits]) => [w, hits / orders])),
  };
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
