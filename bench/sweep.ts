/**
 * npm run bench -- --only sweep [--orders N] [--due N] [--dialect sqlite|postgres|both] [--seed N] [--batch N[,N…]] [--runs 3]
 *
 * Issue #3: one sweep over 1,000,000 open orders with 10,000 clocks due must take
 * at most 2 s on both databases. Each open order has a running result clock (due
 * from an hour to a month ahead) and a met dispatch clock; `--due` of the running
 * clocks are past due, half of them warned already. The measured sweep is the
 * server's own `sweepClocks` (claims, timeline events, audit records and
 * notifications to the people the policy names), once, as the background loop
 * runs it. The baseline, measured in the same run on the same rows: the bare
 * claim, one `UPDATE … RETURNING` and its commit. Baseline and sweep alternate
 * `--runs` times on the same rows (put back after each run); medians are reported.
 * Human-readable lines first; the last line is one JSON object.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { OPEN_STATUSES } from '@huiyin/domain';
import { openDatabase, type Dialect } from '../packages/server/src/db/database.js';
import { sweepClocks } from '../packages/server/src/sla/sla-sweeper.js';
import { dueHandlers } from '../packages/server/src/sla/sweeper-loop.js';
import { createBenchDatabase, type BenchDatabase } from './bench-database.js';
import { openBulkWriter, TABLES, type TableSpec } from './bulk-writer.js';
import { loadCustomers, setUpOrganisation } from './generate.js';
import { fsyncMedianMs, loadAverage } from './machine.js';
import { Random } from './random.js';
import { StatementTimer } from './statement-timer.js';
import { HISTORY_DAYS, OrderSynth, type OrgFixture, type Row } from './synth.js';

const { values: args } = parseArgs({
  options: {
    orders: { type: 'string', default: '1000000' },
    due: { type: 'string', default: '10000' },
    dialect: { type: 'string', default: 'both' },
    seed: { type: 'string', default: '20261125' },
    /** Clocks claimed per transaction, one or a comma-separated list to compare; the server's default when absent. */
    batch: { type: 'string' },
    runs: { type: 'string', default: '3' },
  },
});

const ORDERS = Number(args.orders);
const DUE = Number(args.due);
const SEED = Number(args.seed);
const RUNS = Number(args.runs);
const BATCH_SIZES: (number | undefined)[] = args.batch === undefined ? [undefined] : args.batch.split(',').map(Number);
if (!BATCH_SIZES.every((b) => b === undefined || (Number.isInteger(b) && b > 0)) || !(Number.isInteger(RUNS) && RUNS > 0)) {
  throw new Error('--batch takes positive integers (comma-separated), --runs a positive integer');
}
const DIALECTS: Dialect[] = args.dialect === 'both' ? ['sqlite', 'postgres'] : [args.dialect as Dialect];
if (![ORDERS, DUE, SEED].every((n) => Number.isInteger(n) && n > 0) || DUE > ORDERS) throw new Error('--orders, --due and --seed must be positive integers, due ≤ orders');
if (!DIALECTS.every((d) => d === 'sqlite' || d === 'postgres')) throw new Error('--dialect must be sqlite, postgres or both');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const BATCH = 10_000;

const CLOCKS: TableSpec = {
  name: 'sla_clocks',
  columns: [
    ['work_order_id', 'int4'], ['org_id', 'int4'], ['kind', 'text'], ['state', 'text'], ['limit_json', 'text'], ['started_at', 'int8'], ['paused_ms', 'int8'],
    ['due_at', 'int8'], ['warn_at', 'int8'], ['provisional', 'int4'], ['calendar_version', 'int4'], ['warned_at', 'int8'], ['met_at', 'int8'], ['updated_at', 'int8'],
  ],
};

const log = (line: string) => console.log(line);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** Which orders get a past-due clock: `due` distinct indexes, spread by the seeded source. */
function dueIndexes(orders: number, due: number, rng: Random): Set<number> {
  const chosen = new Set<number>();
  while (chosen.size < due) chosen.add(rng.int(0, orders - 1));
  return chosen;
}

/** The open order `i` and its two clocks; received within the last month. */
function openOrderRows(synth: OrderSynth, rng: Random, i: number, now: number, pastDue: boolean): { order: Row; clocks: Row[] } {
  const receivedAt = now - rng.int(10, 30 * 24 * 60) * MINUTE;
  const { order } = synth.next(i + 1, receivedAt);
  const dueAt = pastDue ? now - rng.int(1, 600) * MINUTE : now + rng.int(1, 30 * 24) * HOUR;
  const warnAt = receivedAt + Math.floor((dueAt - receivedAt) * 0.8);
  // A clock past its warning point was warned when that point passed; only the `due` ones are left to fire.
  const warned = pastDue ? i % 2 === 0 : warnAt <= now;
  const base = { work_order_id: i + 1, org_id: order.org_id, started_at: receivedAt, paused_ms: 0, provisional: 0, calendar_version: 1, updated_at: receivedAt };
  return {
    order: { ...order, status: OPEN_STATUSES[i % OPEN_STATUSES.length], closed_at: null, result: null, cancel_reason: null, due_at: dueAt },
    clocks: [
      { ...base, kind: 'dispatch', state: 'met', limit_json: '{"unit":"minutes","amount":10}', due_at: receivedAt + 10 * MINUTE, warn_at: receivedAt + 8 * MINUTE, warned_at: null, met_at: receivedAt + 5 * MINUTE },
      { ...base, kind: 'result', state: warned ? 'warned' : 'running', limit_json: '{"unit":"working_days","amount":2}', due_at: dueAt, warn_at: warnAt, warned_at: warned ? warnAt : null, met_at: null },
    ],
  };
}

async function load(target: BenchDatabase, fixture: OrgFixture, now: number): Promise<void> {
  const started = performance.now();
  const writer = await openBulkWriter(target);
  try {
    const recreateIndexes = await writer.deferIndexes(['customers', 'customer_phones', 'customer_units', 'work_orders', 'sla_clocks']);
    await loadCustomers(writer, fixture, now);
    const synth = new OrderSynth(fixture, now, SEED);
    const rng = new Random(SEED ^ 0x2545f491);
    const pastDue = dueIndexes(ORDERS, DUE, rng);
    for (let from = 0; from < ORDERS; from += BATCH) {
      const orders: Row[] = [];
      const clocks: Row[] = [];
      for (let i = from; i < Math.min(ORDERS, from + BATCH); i++) {
        const rows = openOrderRows(synth, rng, i, now, pastDue.has(i));
        orders.push(rows.order);
        clocks.push(...rows.clocks);
      }
      await writer.transaction(async () => {
        await writer.insert(TABLES.workOrders, orders);
        await writer.insert(CLOCKS, clocks);
      });
    }
    await recreateIndexes();
    await writer.finish();
  } finally {
    await writer.close();
  }
  log(`  loaded ${ORDERS.toLocaleString('en')} open orders, ${(ORDERS * 2).toLocaleString('en')} clocks (${DUE.toLocaleString('en')} past due) in ${seconds(started)} s`);
}

interface SweepSummary {
  orders: number;
  due: number;
  batch: number | 'default';
  runs: number;
  /** Medians over the runs. */
  baselineMs: number;
  sweepMs: number;
  ratio: number;
  breached: number;
  notifications: number;
}

interface PastDueClock {
  id: number;
  warned_at: number | null;
}

type Db = ReturnType<typeof openDatabase>['db'];

/** Puts the past-due clocks back as they were (running, or warned), so the next run finds the same work. */
async function restore(db: Db, clocks: readonly PastDueClock[]) {
  const warned = clocks.filter((c) => c.warned_at !== null).map((c) => c.id);
  const running = clocks.filter((c) => c.warned_at === null).map((c) => c.id);
  for (const [state, ids] of [['warned', warned], ['running', running]] as const) {
    for (let i = 0; i < ids.length; i += 1000) {
      await db.updateTable('sla_clocks').set({ state, breached_at: null }).where('id', 'in', ids.slice(i, i + 1000)).execute();
    }
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function countDue(db: Db, now: number): Promise<number> {
  return Number((await db.selectFrom('sla_clocks').select((eb) => eb.fn.countAll().as('n'))
    .where('state', 'in', ['running', 'warned']).where('due_at', '<=', now).executeTakeFirstOrThrow()).n);
}

async function countNotifications(db: Db): Promise<number> {
  return Number((await db.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

/** The bare claim of every past-due clock in one statement, committed. */
async function baselineRun(db: Db, now: number): Promise<number> {
  const started = performance.now();
  const claimed = await db.transaction().execute(async (trx) => (await sql<{ id: number }>`
    update sla_clocks set state = 'breached', breached_at = due_at, updated_at = ${now}
    where state in ('running', 'warned') and due_at <= ${now} returning id`.execute(trx)).rows.length);
  const ms = performance.now() - started;
  if (claimed !== DUE) throw new Error(`baseline claimed ${claimed}, expected ${DUE}`);
  return ms;
}

/** The server's sweep, as its background loop calls it. */
async function sweepRun(db: Db, now: number, batchSize: number | undefined): Promise<{ ms: number; breached: number; notifications: number }> {
  const before = await countNotifications(db);
  const timer = process.env.HUIYIN_BENCH_PROFILE ? new StatementTimer() : null;
  const started = performance.now();
  const result = await sweepClocks(timer ? db.withPlugin(timer) : db, new Date(now), { dueHandlers, batchSize });
  const ms = performance.now() - started;
  if (timer) log(`    where the sweep's ${ms.toFixed(0)} ms went (HUIYIN_BENCH_PROFILE):\n      ${timer.report().join('\n      ')}`);
  if (result.breached !== DUE || (await countDue(db, now)) !== 0) throw new Error(`the sweep breached ${result.breached} of ${DUE}`);
  return { ms, breached: result.breached, notifications: (await countNotifications(db)) - before };
}

/** Alternating baseline and sweep runs on the same rows (restored after each), medians reported. */
async function measure(target: BenchDatabase, now: number, batchSize: number | undefined): Promise<SweepSummary> {
  const handle = openDatabase(target.url);
  try {
    const pastDue = await handle.db.selectFrom('sla_clocks').select(['id', 'warned_at'])
      .where('state', 'in', ['running', 'warned']).where('due_at', '<=', now).execute();
    if (pastDue.length !== DUE) throw new Error(`expected ${DUE} past-due clocks, found ${pastDue.length}`);
    const baseline: number[] = [];
    const sweep: { ms: number; breached: number; notifications: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      baseline.push(await baselineRun(handle.db, now));
      await restore(handle.db, pastDue);
      sweep.push(await sweepRun(handle.db, now, batchSize));
      await restore(handle.db, pastDue);
    }
    const baselineMs = median(baseline);
    const sweepMs = median(sweep.map((r) => r.ms));
    return {
      orders: ORDERS, due: DUE, batch: batchSize ?? 'default', runs: RUNS, baselineMs, sweepMs, ratio: sweepMs / baselineMs,
      breached: sweep[0]!.breached, notifications: sweep[0]!.notifications,
    };
  } finally {
    await handle.close();
  }
}

async function main() {
  const results: Partial<Record<Dialect, SweepSummary[]>> = {};
  log(`sweep bench: ${ORDERS.toLocaleString('en')} open orders, ${DUE.toLocaleString('en')} due, batch ${args.batch ?? 'default'}, ${RUNS} runs, seed ${SEED}, load average ${loadAverage()}, fsync ${fsyncMedianMs('.').toFixed(2)} ms`);
  for (const dialect of DIALECTS) {
    log(`${dialect}:`);
    const target = await createBenchDatabase(dialect);
    try {
      const now = Date.now();
      const fixture = await setUpOrganisation(target, ORDERS, new Date(now - HISTORY_DAYS * 86_400_000));
      await load(target, fixture, now);
      for (const batch of BATCH_SIZES) {
        const r = await measure(target, now, batch);
        (results[dialect] ??= []).push(r);
        log(`  batch ${r.batch}, median of ${r.runs}: baseline (bare claim and commit) ${r.baselineMs.toFixed(0)} ms;`
          + ` one sweep ${r.sweepMs.toFixed(0)} ms = ${r.ratio.toFixed(1)}× the baseline (target ≤ 2,000 ms):`
          + ` ${r.breached} breaches, ${r.notifications} notifications; load average ${loadAverage()}`);
      }
    } finally {
      await target.drop();
    }
  }
  console.log(JSON.stringify(results));
}

await main();
