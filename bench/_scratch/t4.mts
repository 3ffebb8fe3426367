import pg from 'pg';
import { TABLES } from '../bulk-writer.ts';
const c = new pg.Client({ connectionString: process.argv[2] }); await c.connect();
for (const spec of [TABLES.workOrders, TABLES.events]) {
  const { rows } = await c.query(`select * from ${spec.name} order by id limit 10000`);
  for (const r of rows) { r.id = (r.id ?? 0) + 5_000_000; if (r.number) r.number += 'x'; }
  const cols = spec.columns.map(([c]) => c);
  const arrays = spec.columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(',');
  const text = `insert into ${spec.name} (${cols.join(',')}) select * from unnest(${arrays})`;
  const params = spec.columns.map(([col]) => rows.map((r) => r[col] ?? null));
  await c.query('begin');
  let t = performance.now();
  const res = await c.query('explain (analyze, buffers, timing off) ' + text, params);
  console.log(spec.name, 'unnest ms', (performance.now() - t).toFixed(0)); console.log(res.rows.map(r => r['QUERY PLAN']).join('\n'));
  await c.query('rollback');
  // multi-row VALUES with params
  await c.query('begin');
  t = performance.now();
  const per = Math.floor(60000 / cols.length);
  for (let s = 0; s < rows.length; s += per) {
    const chunk = rows.slice(s, s + per); const ps: unknown[] = [];
    const tuples = chunk.map((r) => '(' + cols.map((col) => { ps.push(r[col] ?? null); return '$' + ps.length; }).join(',') + ')');
    await c.query(`insert into ${spec.name} (${cols.join(',')}) values ${tuples.join(',')}`, ps);
  }
  console.log(spec.name, 'values ms', (performance.now() - t).toFixed(0));
  await c.query('rollback');
}
await c.end();
