import { insertInChunks } from '../db/insert-in-chunks.js';
import type { Insertable } from 'kysely';
import type { Db } from '../db/types.js';
import type { NotificationTable } from '../db/schema.js';

export async function insertNotifications(db: Db, rows: Insertable<NotificationTable>[]): Promise<void> {
  await insertInChunks(db, 'notifications', rows);
}

export async function listNotifications(db: Db, userId: number, options: { afterId?: number; unreadOnly?: boolean; limit: number }) {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (options.afterId !== undefined) q = q.where('id', '>', options.afterId);
  if (options.unreadOnly) q = q.where('read_at', 'is', null);
  return q.orderBy('id', options.afterId !== undefined ? 'asc' : 'desc').limit(options.limit).execute();
}

export async function markRead(db: Db, userId: number, ids: number[] | 'all', now: number): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids.length > 0 ? ids : [-1]);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function latestNotificationId(db: Db, userId: number): Promise<number> {
  const row = await db.selectFrom('notifications').select((eb) => eb.fn.max('id').as('id')).where('user_id', '=', userId).executeTakeFirst();
  return Number(row?.id ?? 0);
}
