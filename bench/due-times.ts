/**
 * npm run bench -- --only due-times [--seconds 1] [--rounds 5]
 *
 * Due-time computations per second (issue #3): the domain's WorkClock over the
 * statutory calendar (chinese-days, 2004–2026 plus provisional years), as the
 * SLA clocks use it — addWorkingMinutes and addWorkingDays from varied starts
 * at three kinds of site (24-hour duty, split office shifts, an overnight desk).
 * Pure CPU, one thread, no database. The last line is one JSON object.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { buildCalendar, createWorkClock, type WorkClock } from '../packages/domain/src/calendar/index.js';
import { statutoryCalendarLayer } from '../packages/server/src/calendar/statutory-data.js';

const { values: args } = parseArgs({ options: { seconds: { type: 'string', default: '1' }, rounds: { type: 'string', default: '5' } } });
const seconds = Number(args.seconds);
const rounds = Number(args.rounds);

const calendar = buildCalendar([statutoryCalendarLayer()]);
const office = ['08:30-12:00', '13:30-17:30'];
const clocks: Record<string, WorkClock> = {
  twentyFourHour: createWorkClock(calendar, { allDay: true }),
  splitShift: createWorkClock(calendar, { weekly: { mon: office, tue: office, wed: office, thu: office, fri: office } }),
  overnight: createWorkClock(calendar, { weekly: { mon: ['20:00-08:00'], tue: ['20:00-08:00'], wed: ['20:00-08:00'], thu: ['20:00-08:00'], fri: ['20:00-08:00'], sat: ['20:00-08:00'] }, openOnRestDays: true }),
};

// Starts spread over 2024-01-01 … 2027-06-30 (the last half year provisional), at any minute of the day.
const FIRST = Date.UTC(2024, 0, 1);
const SPAN = Date.UTC(2027, 5, 30) - FIRST;
let seed = 20261125;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const starts = Array.from({ length: 65_536 }, () => new Date(FIRST + Math.floor(random() * SPAN / 60_000) * 60_000));

type Operation = (clock: WorkClock, start: Date) => number;
const operations: Record<string, Operation> = {
  'addWorkingMinutes(10)': (c, s) => c.addWorkingMinutes(s, 10).due.getTime(),
  'addWorkingMinutes(120)': (c, s) => c.addWorkingMinutes(s, 120).due.getTime(),
  'addWorkingMinutes(480)': (c, s) => c.addWorkingMinutes(s, 480).due.getTime(),
  'addWorkingDays(2)': (c, s) => c.addWorkingDays(s, 2).due.getTime(),
  'addWorkingDays(3)': (c, s) => c.addWorkingDays(s, 3).due.getTime(),
};

let checksum = 0;

/** Computations per second of one operation at one site, the best of `rounds` timed runs. */
function measure(clock: WorkClock, op: Operation): number {
  const best: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let count = 0;
    const began = performance.now();
    const deadline = began + (seconds * 1000) / rounds;
    let now = began;
    while (now < deadline) {
      for (let i = 0; i < 4096; i++) checksum = (checksum + op(clock, starts[(count + i) & 65_535]!) / 60_000) | 0;
      count += 4096;
      now = performance.now();
    }
    best.push(count / ((now - began) / 1000));
  }
  return Math.max(...best);
}

// Warm up every path once so the JIT has compiled them before anything is timed.
for (const clock of Object.values(clocks)) for (const op of Object.values(operations)) for (const s of starts.slice(0, 20_000)) checksum = (checksum + op(clock, s) / 60_000) | 0;

const results: Record<string, Record<string, number>> = {};
let total = 0;
let n = 0;
for (const [siteName, clock] of Object.entries(clocks)) {
  results[siteName] = {};
  for (const [opName, op] of Object.entries(operations)) {
    const perSecond = Math.round(measure(clock, op));
    results[siteName]![opName] = perSecond;
    total += 1 / perSecond;
    n++;
    console.log(`${siteName.padEnd(15)} ${opName.padEnd(24)} ${perSecond.toLocaleString('en-US').padStart(12)} /s`);
  }
}
// The harmonic mean: the rate of a workload that does each computation equally often.
const mixed = Math.round(n / total);
console.log(`mixed (harmonic mean)                    ${mixed.toLocaleString('en-US').padStart(12)} /s   (checksum ${checksum})`);
console.log(JSON.stringify({ bench: 'due-times', dueTimesPerSecond: mixed, bySite: results, node: process.version, cpu: cpus()[0]?.model ?? null, load1: loadavg()[0], seconds, rounds }));
