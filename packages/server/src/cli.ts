#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@huiyin/domain';
import { readConfig } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import { generatePassword } from './auth/password.js';
import { backupSqlite } from './db/backup.js';
import { findUserByUsername } from './users/user.repository.js';
import { changeUser, createUser } from './users/user.service.js';
import { AppError } from './errors/app-error.js';

const USAGE = `回音 Huiyin command line

  huiyin migrate                         bring the database schema up to date
  huiyin create-user --username NAME --role ROLE --name 显示名 [--password P] [--employee-no 1001] [--sites 1,2] [--department ID]
  huiyin reset-password --username NAME [--password P]   (prints a generated password when none is given)
  huiyin backup --to FILE                SQLite: consistent online copy while the server runs
  huiyin demo [--orders 2000] [--seed 42]  load the demo organisation (property site + shopping mall)

The database is DATABASE_URL (postgres://… or sqlite:/path/file.db), default ./data/huiyin.db.
Roles: ${ROLES.filter((r) => r !== 'customer').join(', ')}`;

type Options = Record<string, string | boolean | undefined>;

function required(options: Options, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || !value) throw new Error(`--${name} is required`);
  return value;
}

async function withDatabase<T>(run: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = openDatabase(readConfig().databaseUrl);
  try {
    await migrateToLatest(database.db);
    return await run(database);
  } finally {
    await database.close();
  }
}

const commands: Record<string, (options: Options) => Promise<void>> = {
  async migrate() {
    await withDatabase(async (database) => console.log(`schema up to date (${database.location})`));
  },

  async 'create-user'(options) {
    const role = required(options, 'role') as Role;
    if (!ROLES.includes(role)) throw new Error(`unknown role ${role}`);
    const password = (options.password as string | undefined) ?? generatePassword();
    await withDatabase(async ({ db }) => {
      const org = await db.selectFrom('organisations').select('id').orderBy('id').executeTakeFirst();
      if (!org) throw new Error('no organisation yet: start the server once first');
      const user = await createUser(db, {
        orgId: org.id,
        username: required(options, 'username'),
        password,
        displayName: required(options, 'name'),
        employeeNo: (options['employee-no'] as string | undefined) ?? null,
        role,
        siteIds: typeof options.sites === 'string' ? options.sites.split(',').map(Number) : [],
        departmentId: typeof options.department === 'string' ? Number(options.department) : null,
      }, null, new Date());
      console.log(`created user ${user.username} (id ${user.id}, role ${user.role})`);
      if (!options.password) console.log(`password: ${password}`);
    });
  },

  async 'reset-password'(options) {
    const password = (options.password as string | undefined) ?? generatePassword();
    await withDatabase(async ({ db }) => {
      const user = await findUserByUsername(db, required(options, 'username'));
      if (!user) throw new Error('no such user');
      await changeUser(db, user.org_id, user.id, user.version, { password, disabled: false }, null, new Date());
      // A reset also lifts a lockout: the administrator vouches for the person.
      await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
      console.log(`password of ${user.username} reset; existing sessions ended`);
      if (!options.password) console.log(`new password: ${password}`);
    });
  },

  async backup(options) {
    const target = required(options, 'to');
    const database = openDatabase(readConfig().databaseUrl);
    try {
      if (database.dialect !== 'sqlite') throw new Error('for PostgreSQL use pg_dump; see README "Backup and restore"');
      const pages = await backupSqlite(database.location, target);
      console.log(`backed up ${database.location} → ${target} (${pages} pages)`);
    } finally {
      await database.close();
    }
  },

  async demo(options) {
    const { loadDemo } = await import('./demo/demo-loader.js');
    await withDatabase(async (database) => {
      const summary = await loadDemo(database, {
        orders: Number(options.orders ?? 2000),
        seed: Number(options.seed ?? 42),
      });
      console.log(summary);
    });
  },
};

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const run = command ? commands[command] : undefined;
  if (!run) {
    console.log(USAGE);
    process.exit(command && command !== 'help' && command !== '--help' ? 2 : 0);
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' },
      'employee-no': { type: 'string' }, sites: { type: 'string' }, department: { type: 'string' },
      to: { type: 'string' }, orders: { type: 'string' }, seed: { type: 'string' },
    },
  });
  await run(values);
}

main().catch((error: unknown) => {
  const message = error instanceof AppError ? `${error.code}${error.detail ? `: ${error.detail}` : ''}` : error instanceof Error ? error.message : String(error);
  console.error(`huiyin: ${message}`);
  process.exit(1);
});
