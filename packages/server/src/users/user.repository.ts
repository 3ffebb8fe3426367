import { updateAtVersion } from '../db/update-at-version.js';
import type { Db } from '../db/types.js';
import type { UserTable } from '../db/schema.js';
import type { Insertable, Selectable } from 'kysely';

export type UserRow = Selectable<UserTable>;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Db, orgId: number, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Db, orgId: number): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('org_id', '=', orgId).orderBy('id').execute();
}

export async function insertUser(db: Db, row: Insertable<UserTable>): Promise<number> {
  const inserted = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function recordFailedLogin(db: Db, userId: number, failedLogins: number, lockedUntil: number | null): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_logins: failedLogins, locked_until: lockedUntil })
    .where('id', '=', userId)
    .execute();
}

export async function resetFailedLogins(db: Db, userId: number): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

export async function updateUser(
  db: Db,
  orgId: number,
  id: number,
  expectedVersion: number,
  changes: Partial<Pick<UserTable, 'display_name' | 'employee_no' | 'role' | 'site_ids_json' | 'department_id' | 'disabled' | 'password_hash' | 'failed_logins' | 'locked_until'>>,
  now: number,
): Promise<boolean> {
  return (await updateAtVersion(db, 'users', orgId, id, expectedVersion, { ...changes, updated_at: now })) !== undefined;
}
