import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '@huiyin/domain';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { insertAudit } from '../audit/audit.repository.js';
import { findUserByUsername, recordFailedLogin, resetFailedLogins } from '../users/user.repository.js';
import { verifyPassword } from './password.js';
import { deleteSession, findActiveSession, insertSession } from './session.repository.js';
import type { Actor } from './actor.js';

export interface AuthPolicy {
  maxFailedLogins: number;
  lockoutMinutes: number;
  browserSessionHours: number;
  tokenDays: number;
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  browserSessionHours: 12,
  tokenDays: 30,
};

// Verifying against a real-looking hash for unknown users keeps the response time
// the same, so a login form cannot be used to discover usernames.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  userId: number;
}

export async function login(
  db: Kysely<Database>,
  policy: AuthPolicy,
  input: { username: string; password: string; kind: 'browser' | 'token'; now: Date; requestId: string },
): Promise<LoginResult> {
  const now = input.now.getTime();
  const user = await findUserByUsername(db, input.username);
  if (!user || user.disabled) {
    await verifyPassword(input.password, DUMMY_HASH);
    throw new AppError('invalid_credentials');
  }
  if (user.locked_until && user.locked_until > now) {
    throw new AppError('account_locked', undefined, { lockedUntil: new Date(user.locked_until).toISOString() });
  }
  if (!(await verifyPassword(input.password, user.password_hash))) {
    await registerFailure(db, policy, user, now, input.requestId);
    throw new AppError('invalid_credentials');
  }
  if (user.failed_logins > 0) await resetFailedLogins(db, user.id);

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(18).toString('base64url');
  const lifetime = input.kind === 'browser' ? policy.browserSessionHours * 3_600_000 : policy.tokenDays * 86_400_000;
  await insertSession(db, {
    id: sessionIdOf(token),
    userId: user.id,
    orgId: user.org_id,
    csrfToken,
    kind: input.kind,
    createdAt: now,
    expiresAt: now + lifetime,
  });
  return { token, csrfToken, expiresAt: new Date(now + lifetime), userId: user.id };
}

async function registerFailure(
  db: Kysely<Database>,
  policy: AuthPolicy,
  user: { id: number; org_id: number; failed_logins: number },
  now: number,
  requestId: string,
): Promise<void> {
  const failures = user.failed_logins + 1;
  const lock = failures >= policy.maxFailedLogins;
  await db.transaction().execute(async (trx) => {
    await recordFailedLogin(trx, user.id, lock ? 0 : failures, lock ? now + policy.lockoutMinutes * 60_000 : null);
    if (lock) {
      await insertAudit(trx, {
        orgId: user.org_id,
        actorId: null,
        action: 'user.locked',
        entityType: 'user',
        entityId: user.id,
        after: { failedLogins: failures, lockedMinutes: policy.lockoutMinutes },
        at: new Date(now),
        requestId,
      });
    }
  });
}

export interface AuthenticatedSession {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
  kind: 'browser' | 'token';
}

export async function authenticate(db: Kysely<Database>, token: string, now: Date): Promise<AuthenticatedSession | null> {
  const sessionId = sessionIdOf(token);
  const row = await findActiveSession(db, sessionId, now.getTime());
  if (!row) return null;
  return {
    sessionId,
    csrfToken: row.csrf_token,
    kind: row.kind === 'browser' ? 'browser' : 'token',
    actor: {
      userId: row.user_id,
      orgId: row.org_id,
      role: row.role as Role,
      username: row.username,
      displayName: row.display_name,
      employeeNo: row.employee_no,
      siteIds: JSON.parse(row.site_ids_json) as number[],
      departmentId: row.department_id,
      customerId: row.customer_id,
    },
  };
}

export async function logout(db: Kysely<Database>, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}
