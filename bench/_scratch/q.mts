import SQLite from 'better-sqlite3';
const db = new SQLite(process.argv[2]);
const sqls: Record<string, string> = {
  one: `select w.id, w.number, w.kind, w.channel, w.status, w.site_id, w.customer_id, w.contact_phone, w.unit, w.description, w.category_id, w.received_at, w.owner_id, w.department_id, w.handler_id, w.due_at, w.updated_at, w.version, c.name as customer_name, c.title as customer_title from work_orders as w inner join customers as c on c.id = w.customer_id where w.org_id = 1 and w.status in ('received') and w.site_id = ? and w.due_at is not null order by w.due_at asc, w.id asc limit 51`,
};
sqls.two = sqls.one.replace(`in ('received')`, `in ('received','dispatched')`);
sqls.all = sqls.one.replace(`in ('received')`, `in ('received','dispatched','in_progress','result_given','awaiting_callback')`);
const search = (word: string) => `select w.id, w.number, w.kind, w.channel, w.status, w.site_id, w.customer_id, w.contact_phone, w.unit, w.description, w.category_id, w.received_at, w.owner_id, w.department_id, w.handler_id, w.due_at, w.updated_at, w.version, c.name as customer_name, c.title as customer_title from work_orders as w inner join customers as c on c.id = w.customer_id where w.org_id = 1 and w.id in (select rowid from work_order_search where work_order_search match '"${word}"') order by w.received_at desc, w.id desc limit 51`;
for (const w of (process.argv[4] ?? '电梯,消防,欧阳,锅炉').split(',')) sqls[`search ${w}`] = search(w);
const only = process.argv[3] ? process.argv[3].split(',') : Object.keys(sqls);
for (const k of Object.keys(sqls)) {
  if (!only.includes(k) && !only.includes(k.split(' ')[0]!)) continue;
  const sql = sqls[k]!; const params = sql.includes('site_id = ?') ? [1] : [];
  const plan = (db.prepare('explain query plan ' + sql).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
  const st = db.prepare(sql); st.all(...params);
  const times: number[] = []; let n = 0;
  for (let i = 0; i < 5; i++) { const t = performance.now(); n = st.all(...params).length; times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(`${k.padEnd(14)} median ${times[2]!.toFixed(1).padStart(7)} ms  rows ${n}  plan: ${plan}`);
}
