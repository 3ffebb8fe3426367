import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001-core.js';
import * as m0002 from './migrations/0002-complaint-handling.js';
import * as m0003 from './migrations/0003-complaints.js';
import * as m0004 from './migrations/0004-service-language.js';
import * as m0005 from './migrations/0005-callbacks.js';
import * as m0006 from './migrations/0006-portal.js';
import * as m0007 from './migrations/0007-due-queue-index.js';
import * as m0008 from './migrations/0008-collective-members-index.js';
import * as m0009 from './migrations/0009-complaint-matter.js';
import * as m0010 from './migrations/0010-confirmation-rating.js';
import * as m0011 from './migrations/0011-department-active.js';
import * as m0012 from './migrations/0012-phrase-enabled.js';
import * as m0013 from './migrations/0013-live-clock-indexes.js';

/** Migrations are listed statically so the compiled server needs no file scanning. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-core': m0001,
  '0002-complaint-handling': m0002,
  '0003-complaints': m0003,
  '0004-service-language': m0004,
  '0005-callbacks': m0005,
  '0006-portal': m0006,
  '0007-due-queue-index': m0007,
  '0008-collective-members-index': m0008,
  '0009-complaint-matter': m0009,
  '0010-confirmation-rating': m0010,
  '0011-department-active': m0011,
  '0012-phrase-enabled': m0012,
  '0013-live-clock-indexes': m0013,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'huiyin_migrations', migrationLockTableName: 'huiyin_migration_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
