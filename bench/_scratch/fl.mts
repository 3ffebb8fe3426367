import SQLite from 'better-sqlite3';
const db = new SQLite(process.argv[2]);
db.pragma('journal_mode = WAL'); db.pragma('synchronous = ' + (process.argv[3] ?? 'FULL')); db.pragma('foreign_keys = ON');
const stmts: Record<string, SQLite.Statement> = {
  cust: db.prepare("insert into customers (org_id, name, title, customer_type, notes, created_at, updated_at, version) values (1, '王先生', null, null, null, 1, 1, 1)"),
  seq: db.prepare("insert into number_sequences (org_id, day, last_value) values (1, '2099-01-01', 1) on conflict (org_id, day) do update set last_value = number_sequences.last_value + 1 returning last_value"),
  ev: db.prepare("insert into work_order_events (org_id, work_order_id, type, actor_id, at, data_json, customer_visible) values (1, 5, 'x', 2, 1, '{}', 1)"),
  fts: db.prepare("insert into work_order_search (tokens, org_id) values ('电梯 坏了 希望 尽快 处理 王先生 3栋', 1)"),
  audit: db.prepare("insert into audit_log (org_id, actor_id, action, entity_type, entity_id, before_json, after_json, at, request_id) values (1, 2, 'a', 'b', '1', null, '{}', 1, 'x')"),
};
const time = (label: string, f: () => void, n = 300) => { const t = performance.now(); for (let i = 0; i < n; i++) f(); console.log(label, ((performance.now() - t) / n).toFixed(3), 'ms/tx'); };
time('empty tx (begin immediate/commit)', () => { db.exec('begin immediate'); db.exec('commit'); });
for (const [k, s] of Object.entries(stmts)) time(`tx with ${k}`, () => db.transaction(() => { k === 'seq' ? s.get() : s.run(); })());
time('tx with all', () => db.transaction(() => { for (const [k, s] of Object.entries(stmts)) k === 'seq' ? s.get() : s.run(); })());
db.close();
