/**
 * npm run bench [-- --only store|due-times|language|sweep[,…]] [-- options of that one part]
 *
 * Every benchmark of the project, one after the other, each in its own process
 * (a part's memory and JIT state do not colour the next one):
 *   store      run.ts             bulk load, list/search latency, creates/s against the floor, RSS (both databases)
 *   due-times  due-times.ts       SLA due-time computations per second
 *   language   language-check.ts  the forbidden-phrase checker against the naive loop
 *   sweep      sweep.ts           one SLA sweep over 1,000,000 open orders with 10,000 due (both databases)
 * Options after --only go to the part when exactly one is chosen; with several,
 * each runs with its defaults. Each part prints its own ratios against a baseline
 * measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PARTS = { store: 'run.ts', 'due-times': 'due-times.ts', language: 'language-check.ts', sweep: 'sweep.ts' } as const;
type Part = keyof typeof PARTS;

function chosenParts(argv: string[]): { parts: Part[]; rest: string[] } {
  const at = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (at < 0) return { parts: Object.keys(PARTS) as Part[], rest: [] };
  const value = argv[at]!.includes('=') ? argv[at]!.slice('--only='.length) : argv[at + 1] ?? '';
  const parts = value.split(',').filter(Boolean);
  const unknown = parts.filter((p) => !(p in PARTS));
  if (parts.length === 0 || unknown.length > 0) throw new Error(`--only takes ${Object.keys(PARTS).join(', ')}; got "${value}"`);
  const rest = argv.filter((_, i) => i !== at && (argv[at]!.includes('=') || i !== at + 1));
  return { parts: parts as Part[], rest: parts.length === 1 ? rest : [] };
}

const { parts, rest } = chosenParts(process.argv.slice(2));
let failed = 0;
for (const part of parts) {
  console.log(`\n=== ${part} (bench/${PARTS[part]}) ===`);
  const script = fileURLToPath(new URL(PARTS[part], import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...rest], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
