import SQLite from 'better-sqlite3';
const db = new SQLite(process.argv[2]);
const cols = `w.id, w.number, w.kind, w.channel, w.status, w.site_id, w.customer_id, w.contact_phone, w.unit, w.description, w.category_id, w.received_at, w.owner_id, w.department_id, w.handler_id, w.due_at, w.updated_at, w.version, c.name as customer_name, c.title as customer_title`;
const variants: Record<string, (w: string) => string> = {
  current: (w) => `select ${cols} from work_orders as w inner join customers as c on c.id = w.customer_id where w.org_id = 1 and w.id in (select rowid from work_order_search where work_order_search match '"${w}"') order by w.received_at desc, w.id desc limit 51`,
  fts_rowid_desc: (w) => `select ${cols} from work_order_search s join work_orders w on w.id = s.rowid join customers c on c.id = w.customer_id where work_order_search match '"${w}"' and w.org_id = 1 order by s.rowid desc limit 51`,
  count_matches: (w) => `select count(*) from work_order_search where work_order_search match '"${w}"'`,
};
for (const word of ['电梯', '消防', '锅炉']) for (const [name, f] of Object.entries(variants)) {
  const sql = f(word);
  const plan = (db.prepare('explain query plan ' + sql).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
  const st = db.prepare(sql); st.all();
  const times: number[] = []; let rows: unknown[] = [];
  for (let i = 0; i < 5; i++) { const t = performance.now(); rows = st.all(); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(`${word} ${name.padEnd(15)} median ${times[2]!.toFixed(1).padStart(6)} ms rows ${name === 'count_matches' ? JSON.stringify(rows[0]) : rows.length}  ${name === 'fts_rowid_desc' ? plan : ''}`);
}
