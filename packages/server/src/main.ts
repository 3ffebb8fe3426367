#!/usr/bin/env node
import type { FastifyBaseLogger } from 'fastify';
import { buildApp } from './app.js';
import { readConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import { ensureFirstOrganisation } from './organisations/first-start.js';
import { startSweeper } from './sla/sweeper-loop.js';

/** The server process: migrate, first-start setup, listen, shut down gracefully on SIGTERM/SIGINT. */
async function main() {
  const config = readConfig();
  // The app's logger exists only after the database is open.
  const logTo: { log?: FastifyBaseLogger } = {};
  const database = openDatabase(config.databaseUrl, {
    onConnectionLost: (error) => logTo.log?.warn({ err: error }, 'a pooled database connection was lost; the pool opens a new one when needed'),
  });
  await migrateToLatest(database.db);
  const { app } = await buildApp({ database, logger: { level: config.logLevel } });
  logTo.log = app.log;
  app.log.info({ database: database.location }, 'database ready');

  const firstStart = await ensureFirstOrganisation(database.db, config.adminPassword, new Date());
  if (firstStart.generatedPassword) {
    // Printed once, on purpose to stdout and not into the structured log.
    process.stdout.write(
      `\n  首次启动 First start: 管理员 admin 的初始密码 / initial password for "admin": ${firstStart.generatedPassword}\n` +
        '  请登录后立即修改 / change it after logging in (or set HUIYIN_ADMIN_PASSWORD before the first start).\n\n',
    );
  }

  const sweeper = startSweeper(database, app.log);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Stop accepting, let in-flight requests finish, then close the database.
    sweeper.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
