import SQLite from 'better-sqlite3';
const db = new SQLite(process.argv[2]);
const t = performance.now();
db.exec(process.argv[3]!);
console.log('done in', ((performance.now() - t) / 1000).toFixed(1), 's');
