import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { normalisePhone } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import { insertAudit } from '../audit/audit.repository.js';
import { login, type LoginResult } from '../auth/auth.service.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { findCustomersByPhone, insertCustomer, insertPhone } from '../customers/customer.repository.js';
import type { Db } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import { MIN_PASSWORD_LENGTH } from '../users/user.service.js';
import { findUserByUsername, insertUser } from '../users/user.repository.js';
import { portalSettingsOf } from './portal-settings.js';
import {
  countSmsCodesSince, firstOrganisationId, insertSmsCode, latestSmsCode, markSmsCodeUsed, organisationIdByCode, recordWrongTry,
} from './portal.repository.js';
import type { SmsTransport } from './sms-transport.js';

export type CodePurpose = 'signup' | 'login';

// Same cost as a real check, so the login form does not tell which phones have accounts.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Portal accounts live beside staff accounts; ':' never occurs in a staff username, so they cannot collide. */
export const portalUsername = (orgId: number, phone: string) => `portal:${orgId}:${phone}`;

/** Portal phones are mainland mobile numbers: the code goes out by SMS. */
export function portalPhone(raw: string): string {
  const phone = normalisePhone(raw);
  if (!/^1\d{10}$/.test(phone)) throw new AppError('validation_failed', 'phone must be an 11-digit mobile number', { field: 'phone' });
  return phone;
}

export async function portalOrganisation(app: AppContext, code?: string): Promise<number> {
  const id = code ? await organisationIdByCode(app.db, code) : await firstOrganisationId(app.db);
  if (id === undefined) throw new AppError('unknown_reference', 'organisation', { field: 'organisation' });
  return id;
}

const hashCode = (salt: string, code: string) => createHash('sha256').update(`${salt}:${code}`).digest('base64url');

/** Generates, stores (hashed) and sends a one-time code, within the resend and daily limits. */
export async function sendCode(app: AppContext, transport: SmsTransport, orgId: number, phone: string, purpose: CodePurpose) {
  const settings = await portalSettingsOf(app.db, orgId);
  const now = app.now().getTime();
  const previous = await latestSmsCode(app.db, orgId, phone, purpose);
  if (previous && now - previous.created_at < settings.resendSeconds * 1000) {
    throw new AppError('rate_limited', 'a code was sent moments ago', { retryAfterSeconds: Math.ceil((previous.created_at + settings.resendSeconds * 1000 - now) / 1000) });
  }
  if ((await countSmsCodesSince(app.db, orgId, phone, now - 86_400_000)) >= settings.codesPerDay) {
    throw new AppError('rate_limited', 'too many codes for this phone today');
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const salt = randomBytes(12).toString('base64url');
  const expiresAt = now + settings.codeMinutes * 60_000;
  await insertSmsCode(app.db, { org_id: orgId, phone, purpose, code_hash: `${salt}$${hashCode(salt, code)}`, attempts: 0, created_at: now, expires_at: expiresAt, used_at: null });
  await transport.send({ phone, code, purpose, expiresAt: new Date(expiresAt) });
  return { expiresAt: new Date(expiresAt).toISOString(), resendAfterSeconds: settings.resendSeconds };
}

/**
 * Spends the latest code when it matches. A wrong try is written before the
 * error is thrown (outside any transaction), so the attempt limit holds.
 */
async function useCode(app: AppContext, orgId: number, phone: string, purpose: CodePurpose, code: string): Promise<void> {
  const settings = await portalSettingsOf(app.db, orgId);
  const now = app.now().getTime();
  const row = await latestSmsCode(app.db, orgId, phone, purpose);
  if (!row || row.used_at !== null || row.expires_at <= now || row.attempts >= settings.codeAttempts) throw new AppError('sms_code_invalid');
  const [salt = '', stored = ''] = row.code_hash.split('$');
  const given = Buffer.from(hashCode(salt, code.trim()));
  const expected = Buffer.from(stored);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    await recordWrongTry(app.db, row.id);
    throw new AppError('sms_code_invalid', undefined, { attemptsLeft: Math.max(0, settings.codeAttempts - row.attempts - 1) });
  }
  if (!(await markSmsCodeUsed(app.db, row.id, now))) throw new AppError('sms_code_invalid');
}

export async function requestSignupCode(app: AppContext, transport: SmsTransport, orgId: number, phone: string) {
  if (await findUserByUsername(app.db, portalUsername(orgId, phone))) throw new AppError('phone_taken');
  return sendCode(app, transport, orgId, phone, 'signup');
}

/**
 * Sign-up: the code proves the phone. The customer record is the one the desk
 * already keeps for this phone when there is exactly one, so earlier orders
 * show up in the portal; otherwise a new record is made.
 */
export async function signUp(
  app: AppContext,
  input: { orgId: number; phone: string; password: string; name: string; code: string; requestId: string },
): Promise<LoginResult> {
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('validation_failed', `password must have at least ${MIN_PASSWORD_LENGTH} characters`, { field: 'password' });
  }
  const username = portalUsername(input.orgId, input.phone);
  if (await findUserByUsername(app.db, username)) throw new AppError('phone_taken');
  await useCode(app, input.orgId, input.phone, 'signup', input.code);
  const passwordHash = await hashPassword(input.password);
  const now = app.now();
  await app.db.transaction().execute(async (trx) => {
    if (await findUserByUsername(trx, username)) throw new AppError('phone_taken');
    const customerId = await customerForPhone(trx, input.orgId, input.phone, input.name.trim(), now.getTime());
    const userId = await insertUser(trx, {
      org_id: input.orgId, username, display_name: input.name.trim(), employee_no: null, role: 'customer', site_ids_json: '[]',
      department_id: null, customer_id: customerId, password_hash: passwordHash, failed_logins: 0, locked_until: null, disabled: 0,
      created_at: now.getTime(), updated_at: now.getTime(), version: 1,
    });
    await insertAudit(trx, {
      orgId: input.orgId, actorId: userId, action: 'portal.signup', entityType: 'user', entityId: userId,
      after: { username, customerId, role: 'customer' }, at: now, requestId: input.requestId,
    });
  });
  return login(app.db, app.authPolicy, { username, password: input.password, kind: 'browser', now, requestId: input.requestId });
}

async function customerForPhone(db: Db, orgId: number, phone: string, name: string, at: number): Promise<number> {
  const known = await findCustomersByPhone(db, orgId, phone);
  if (known.length === 1) {
    const linked = await db.selectFrom('users').select('id').where('customer_id', '=', known[0]!.id).executeTakeFirst();
    if (!linked) return known[0]!.id;
  }
  const customer = await insertCustomer(db, { org_id: orgId, name, title: null, customer_type: null, notes: null, created_at: at, updated_at: at, version: 1 });
  await insertPhone(db, orgId, customer.id, phone, true);
  return customer.id;
}

/**
 * Login in two steps: phone + password sends a code; phone + password + code
 * opens the session. The final step goes through the staff login, so failed
 * passwords count toward the same lockout.
 */
export async function portalLogin(
  app: AppContext,
  transport: SmsTransport,
  input: { orgId: number; phone: string; password: string; code?: string; requestId: string },
): Promise<{ step: 'code_sent'; expiresAt: string; resendAfterSeconds: number } | { step: 'session'; session: LoginResult }> {
  const username = portalUsername(input.orgId, input.phone);
  const user = await findUserByUsername(app.db, username);
  const passwordOk = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  if (!user || user.disabled || user.role !== 'customer') throw new AppError('invalid_credentials');
  if (input.code === undefined) {
    if (!passwordOk) throw new AppError('invalid_credentials');
    return { step: 'code_sent', ...(await sendCode(app, transport, input.orgId, input.phone, 'login')) };
  }
  if (passwordOk) await useCode(app, input.orgId, input.phone, 'login', input.code);
  const session = await login(app.db, app.authPolicy, { username, password: input.password, kind: 'browser', now: app.now(), requestId: input.requestId });
  return { step: 'session', session };
}
