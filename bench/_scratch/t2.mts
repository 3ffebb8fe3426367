import SQLite from 'better-sqlite3';
const db = new SQLite(process.argv[2]);
db.pragma('synchronous = OFF'); db.pragma('cache_size = -1048576');
for (const t of ['work_orders','work_order_events','work_order_search']) {
  const cols = t==='work_order_search' ? 'rowid, tokens, org_id' : '*';
  const rows = db.prepare(`select ${cols} from ${t} limit 20000`).raw().all();
  db.exec('begin');
  const n = rows[0].length;
  const stmt = db.prepare(`insert into ${t} ${t==='work_order_search'?'(rowid,tokens,org_id)':''} values (${Array(n).fill('?').join(',')})`);
  let tt = performance.now();
  const off = 10_000_000;
  for (const r of rows) { const rr = [...r]; rr[0] = (rr[0] as number) + off; if (t==='work_order_events') rr[2] = rr[2]; if (t==='work_orders') rr[3] = rr[3]+'x'; stmt.run(rr); }
  console.log(t, (performance.now()-tt)/20000*1000, 'us/row');
  db.exec('rollback');
}
