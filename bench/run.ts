/**
 * npm run bench -- --only store [--orders N] [--dialect sqlite|postgres|both] [--creates N] [--diagnose] [--keep]
 *
 * For each database: bulk-load N work orders, start the real server in a child
 * process, measure list and search latency at full size and creates/s over HTTP
 * at concurrency 16, read the server's RSS, then the floor (the same rows by a
 * plain driver loop). Human-readable lines first; the last line is one JSON object.
 * --diagnose adds floor variants (what durability and group commit cost) and the
 * query plans of the list and search queries. --keep keeps the database.
 */
import { execSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { OPEN_STATUSES } from '@huiyin/domain';
import type { Dialect } from '../packages/server/src/db/database.js';
import { queryTokens } from '../packages/server/src/search/search-text.js';
import { createBenchDatabase, type BenchDatabase } from './bench-database.js';
import { createSpecs } from './create-bodies.js';
import { explainQueries } from './explain.js';
import { floorPostgres, floorSqlite, type FloorResult } from './floor.js';
import { bulkLoad, setUpOrganisation } from './generate.js';
import { ApiClient, getEach, percentile, postAll } from './http-load.js';
import { SEARCH_WORDS } from './phrases.js';
import { rowCounts, rowsPer } from './row-counts.js';
import { fsyncMedianMs, loadAverage, machineCpuSeconds } from './machine.js';
import { startServer } from './server-process.js';
import type { OrgFixture } from './synth.js';

const { values: args } = parseArgs({
  options: {
    orders: { type: 'string', default: '200000' },
    dialect: { type: 'string', default: 'both' },
    creates: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '16' },
    'list-requests': { type: 'string', default: '350' },
    'search-requests': { type: 'string', default: '360' },
    seed: { type: 'string', default: '20261125' },
    diagnose: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

const ORDERS = positiveInt('orders');
const CREATES = positiveInt('creates');
const CONCURRENCY = positiveInt('concurrency');
const LIST_REQUESTS = positiveInt('list-requests');
const SEARCH_REQUESTS = positiveInt('search-requests');
const SEED = positiveInt('seed');
const DIALECTS: Dialect[] = args.dialect === 'both' ? ['sqlite', 'postgres'] : [args.dialect as Dialect];
if (!DIALECTS.every((d) => d === 'sqlite' || d === 'postgres')) throw new Error('--dialect must be sqlite, postgres or both');
const WARMUP_CREATES = Math.min(500, Math.max(50, Math.round(CREATES / 10)));

function positiveInt(name: keyof typeof args): number {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const log = (line: string) => console.log(line);
const fmt = (n: number, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (n: number) => `${n.toFixed(1)} ms`;

interface DialectSummary {
  orders: number;
  createsPerSec: number;
  floorPerSec: number;
  createRatio: number;
  listP50Ms: number;
  listP95Ms: number;
  searchP95Ms: number;
  serverRssMb: number;
}

/** Desk views: one status, two statuses, every open status; each for every site, due time first. */
const STATUS_FILTERS = [...OPEN_STATUSES.map((s) => [s]), ['received', 'dispatched'], [...OPEN_STATUSES]];
const shapeOf = (statuses: readonly string[]) => (statuses.length === 1 ? 'one status' : statuses.length === 2 ? 'two statuses' : `all ${statuses.length} open statuses`);

function listRequests(fixture: OrgFixture, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const statuses = STATUS_FILTERS[i % STATUS_FILTERS.length]!;
    const site = fixture.sites[Math.floor(i / STATUS_FILTERS.length) % fixture.sites.length]!;
    return { path: `/api/v1/work-orders?status=${statuses.join(',')}&siteId=${site.id}&sort=due_asc&limit=50`, shape: shapeOf(statuses) };
  });
}

function searchRequests(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const word = SEARCH_WORDS[i % SEARCH_WORDS.length]!;
    return { path: `/api/v1/work-orders?q=${encodeURIComponent(word)}`, shape: word };
  });
}

/** p50/p95 per shape, e.g. "one status 1.2/3.4 ms". */
function byShape(requests: { shape: string }[], results: { ms: number; items: number }[]): string {
  const groups = new Map<string, number[]>();
  requests.forEach((r, i) => groups.set(r.shape, [...(groups.get(r.shape) ?? []), results[i]!.ms]));
  return [...groups].map(([shape, values]) => `${shape} ${percentile(values, 50).toFixed(1)}/${percentile(values, 95).toFixed(1)}`).join(', ');
}

async function benchDialect(dialect: Dialect): Promise<DialectSummary> {
  log('');
  log(`== ${dialect}: ${fmt(ORDERS)} work orders (load average ${loadAverage()}; 4 KiB write + fdatasync median ${fsyncMedianMs(tmpdir()).toFixed(2)} ms)`);
  const target: BenchDatabase = await createBenchDatabase(dialect);
  try {
    const now = new Date();
    const fixture = await setUpOrganisation(target, ORDERS, now);
    const words = [...new Set(SEARCH_WORDS.flatMap((w) => queryTokens(w)))];
    const load = await bulkLoad(target, fixture, ORDERS, now.getTime(), SEED, words, log);
    log(`  bulk load: ${fmt(load.orders)} orders, ${fmt(load.customers)} customers, ${fmt(load.events)} events in ${load.seconds.toFixed(1)} s`
      + ` = ${fmt(load.ordersPerSec)} orders/s (${fmt(load.rows / load.seconds)} rows/s over all tables); database ${fmt(await target.sizeMb())} MB`);
    log(`  search words, share of orders: ${[...load.wordShare].map(([w, share]) => `${w} ${(share * 100).toFixed(1)}%`).join(', ')}`);

    const server = await startServer(target.url);
    log(`  server: pid ${server.pid}, ${server.baseUrl}, RSS at start ${fmt(server.memory().rssMb, 1)} MB`);
    const client = new ApiClient(server.baseUrl, CONCURRENCY);
    let summary: Omit<DialectSummary, 'floorPerSec' | 'createRatio'>;
    let apiRowsPerCreate: string;
    let apiStartsClocks = false;
    try {
      await client.login(fixture.benchUsername, fixture.password);

      const lists = listRequests(fixture, LIST_REQUESTS);
      const searches = searchRequests(SEARCH_REQUESTS);
      await getEach(client, [...lists.slice(0, 35), ...searches.slice(0, SEARCH_WORDS.length)].map((r) => r.path)); // warm-up
      const listResults = await getEach(client, lists.map((r) => r.path));
      const listMs = listResults.map((r) => r.ms);
      log(`  list (status + site, due_asc, limit 50; ${lists.length} requests, one at a time): p50 ${ms(percentile(listMs, 50))}, p95 ${ms(percentile(listMs, 95))}, max ${ms(Math.max(...listMs))}`);
      log(`    p50/p95 ms by filter: ${byShape(lists, listResults)}; mean rows returned ${fmt(listResults.reduce((a, r) => a + r.items, 0) / listResults.length, 1)}`);
      const searchResults = await getEach(client, searches.map((r) => r.path));
      const searchMs = searchResults.map((r) => r.ms);
      log(`  search (q=word, newest first, limit 50; ${searches.length} requests): p50 ${ms(percentile(searchMs, 50))}, p95 ${ms(percentile(searchMs, 95))}, max ${ms(Math.max(...searchMs))}`);
      log(`    p50/p95 ms by word: ${byShape(searches, searchResults)}`);

      const specs = createSpecs(fixture, WARMUP_CREATES + CREATES, SEED + 1, 0, Date.now());
      await postAll(client, '/api/v1/work-orders', specs.slice(0, WARMUP_CREATES).map((s) => s.body), CONCURRENCY);
      const countsBefore = await rowCounts(target);
      const serverCpu = server.cpuSeconds();
      const machine = machineCpuSeconds();
      const clientCpu = process.cpuUsage();
      const creates = await postAll(client, '/api/v1/work-orders', specs.slice(WARMUP_CREATES).map((s) => s.body), CONCURRENCY);
      const clientUsed = process.cpuUsage(clientCpu);
      const machineAfter = machineCpuSeconds();
      const cpu = {
        server: (server.cpuSeconds() - serverCpu) / creates.seconds,
        client: (clientUsed.user + clientUsed.system) / 1e6 / creates.seconds,
        machine: (machineAfter.busy - machine.busy) / (machineAfter.total - machine.total),
      };
      const countsAfter = await rowCounts(target);
      apiRowsPerCreate = rowsPer(countsBefore, countsAfter, creates.requests - creates.failed);
      apiStartsClocks = (countsAfter.get('sla_clocks') ?? 0) > (countsBefore.get('sla_clocks') ?? 0);
      log(`  creates (POST /work-orders, concurrency ${CONCURRENCY}, ${fmt(creates.requests)} after ${WARMUP_CREATES} warm-up): ${fmt(creates.perSec)}/s`
        + ` in ${creates.seconds.toFixed(1)} s, ${creates.failed} failed; latency p50 ${ms(percentile(creates.latenciesMs, 50))}, p95 ${ms(percentile(creates.latenciesMs, 95))}`);
      if (creates.firstFailure) log(`    first failure: ${creates.firstFailure}`);
      log(`    CPU during creates: server process ${fmt(cpu.server * 100)}% of one core (${(cpu.server / creates.perSec * 1000).toFixed(1)} ms of CPU per create),`
        + ` load client ${fmt(cpu.client * 100)}%, whole machine ${fmt(cpu.machine * 100)}% busy (2 cores); load average ${loadAverage()}`);
      log(`    rows per create (API): ${apiRowsPerCreate}`);
      const memory = server.memory();
      log(`  server RSS after the load: ${fmt(memory.rssMb, 1)} MB (peak ${fmt(memory.peakMb, 1)} MB)`);
      summary = {
        orders: ORDERS,
        createsPerSec: creates.perSec,
        listP50Ms: percentile(listMs, 50),
        listP95Ms: percentile(listMs, 95),
        searchP95Ms: percentile(searchMs, 95),
        serverRssMb: memory.rssMb,
      };
    } finally {
      client.close();
      await server.stop();
    }

    // The floor runs with the server stopped: on SQLite it would otherwise wait for the write lock.
    const floorSpecs = createSpecs(fixture, CREATES, SEED + 2, 1, Date.now());
    const agentId = fixture.agentIds[0]!;
    const countsBefore = await rowCounts(target);
    const floor: FloorResult = dialect === 'sqlite'
      ? floorSqlite(target.file!, fixture, floorSpecs, agentId, { withClocks: apiStartsClocks })
      : await floorPostgres(target.url, fixture, floorSpecs, agentId, { withClocks: apiStartsClocks, connections: CONCURRENCY });
    const ratio = summary.createsPerSec / floor.perSec;
    log(`  floor (same rows, plain ${dialect === 'sqlite' ? 'better-sqlite3 loop' : `pg loop, ${CONCURRENCY} connections`}, one transaction per order): ${fmt(floor.perSec)}/s`
      + ` in ${floor.seconds.toFixed(1)} s → API/floor ${ratio.toFixed(2)}`);
    log(`    rows per create (floor): ${rowsPer(countsBefore, await rowCounts(target), floor.orders)}`);

    if (args.diagnose) {
      await floorVariants(target, fixture, apiStartsClocks, floor.perSec);
      await explainQueries(target, fixture, log);
    }
    return { ...summary, floorPerSec: floor.perSec, createRatio: ratio };
  } finally {
    if (args.keep) log(`  kept: ${target.url}`);
    else await target.drop();
  }
}

/** What the floor would be with relaxed durability or with several orders per commit. */
async function floorVariants(target: BenchDatabase, fixture: OrgFixture, withClocks: boolean, floorPerSec: number) {
  const count = Math.min(CREATES, 2000);
  const variants: [string, (specs: ReturnType<typeof createSpecs>) => Promise<FloorResult>][] = target.dialect === 'sqlite'
    ? [
      ['synchronous=NORMAL (no fsync per commit)', async (specs) => floorSqlite(target.file!, fixture, specs, fixture.agentIds[0]!, { withClocks, durable: false })],
      ['synchronous=FULL, 16 orders per transaction (group commit)', async (specs) => floorSqlite(target.file!, fixture, specs, fixture.agentIds[0]!, { withClocks, perTransaction: 16 })],
    ]
    : [
      ['synchronous_commit=off', (specs) => floorPostgres(target.url, fixture, specs, fixture.agentIds[0]!, { withClocks, durable: false, connections: CONCURRENCY })],
      ['1 connection', (specs) => floorPostgres(target.url, fixture, specs, fixture.agentIds[0]!, { withClocks, connections: 1 })],
      ['no shared number_sequences row (numbers counted in memory)', (specs) =>
        floorPostgres(target.url, fixture, specs, fixture.agentIds[0]!, { withClocks, connections: CONCURRENCY, dailyNumberRow: false })],
    ];
  for (const [index, [title, run]] of variants.entries()) {
    const result = await run(createSpecs(fixture, count, SEED + 10 + index, 2 + index, Date.now()));
    log(`  floor variant, ${title}: ${fmt(result.perSec)}/s (${fmt(result.perSec / floorPerSec, 1)}× the floor)`);
  }
}

/** The code under test: `git describe`, or BENCH_REVISION when run from an exported tree (git archive). */
function revision(): string {
  if (process.env.BENCH_REVISION) return process.env.BENCH_REVISION;
  try {
    return execSync('git describe --always --dirty', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown (no git)';
  }
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

async function main() {
  log(`Huiyin benchmark: ${fmt(ORDERS)} orders, ${fmt(CREATES)} creates at concurrency ${CONCURRENCY}; node ${process.version}, ${cpus().length} cores;`
    + ` ${new Date().toISOString().slice(0, 16)}Z; code ${revision()}`);
  const result: Partial<Record<Dialect, DialectSummary>> = {};
  for (const dialect of DIALECTS) {
    const s = await benchDialect(dialect);
    result[dialect] = {
      orders: s.orders,
      createsPerSec: Math.round(s.createsPerSec),
      floorPerSec: Math.round(s.floorPerSec),
      createRatio: round(s.createRatio, 2),
      listP50Ms: round(s.listP50Ms, 1),
      listP95Ms: round(s.listP95Ms, 1),
      searchP95Ms: round(s.searchP95Ms, 1),
      serverRssMb: round(s.serverRssMb, 1),
    };
  }
  log('');
  log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
