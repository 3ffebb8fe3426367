import type { Db } from '../db/types.js';

export async function insertSession(
  db: Db,
  session: { id: string; userId: number; orgId: number; csrfToken: string; kind: 'browser' | 'token'; createdAt: number; expiresAt: number },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      org_id: session.orgId,
      csrf_token: session.csrfToken,
      kind: session.kind,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The session with its user, if the session exists, has not expired and the user is active. */
export async function findActiveSession(db: Db, sessionId: string, now: number) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.kind',
      'users.id as user_id',
      'users.org_id',
      'users.username',
      'users.display_name',
      'users.employee_no',
      'users.role',
      'users.site_ids_json',
      'users.department_id',
      'users.customer_id',
    ])
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Db, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
