import { ROLES, type Role } from '@huiyin/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { insertAudit } from '../audit/audit.repository.js';
import { hashPassword } from '../auth/password.js';
import { deleteSessionsOfUser } from '../auth/session.repository.js';
import { AppError } from '../errors/app-error.js';
import { assertActiveDepartment } from '../organisations/organisation-admin.service.js';
import { findSite } from '../organisations/organisation.repository.js';
import { findUserById, findUserByUsername, insertUser, updateUser, type UserRow } from './user.repository.js';

export interface NewUser {
  orgId: number;
  username: string;
  password: string;
  displayName: string;
  employeeNo?: string | null;
  role: Role;
  siteIds?: number[];
  departmentId?: number | null;
  customerId?: number | null;
}

export const MIN_PASSWORD_LENGTH = 8;

function checkPassword(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError('validation_failed', `password must have at least ${MIN_PASSWORD_LENGTH} characters`, { field: 'password' });
}

/** Create a staff or portal account. `actorId` is null when the CLI does it. */
export async function createUser(db: Kysely<Database>, input: NewUser, actorId: number | null, now: Date, requestId?: string): Promise<UserRow> {
  if (!ROLES.includes(input.role)) throw new AppError('validation_failed', `unknown role ${input.role}`, { field: 'role' });
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await findUserByUsername(trx, input.username)) throw new AppError('username_taken');
    for (const siteId of input.siteIds ?? []) {
      if (!(await findSite(trx, input.orgId, siteId))) throw new AppError('unknown_reference', `site ${siteId}`, { field: 'siteIds' });
    }
    if (input.departmentId != null) await assertActiveDepartment(trx, input.orgId, input.departmentId);
    const at = now.getTime();
    const id = await insertUser(trx, {
      org_id: input.orgId,
      username: input.username,
      display_name: input.displayName,
      employee_no: input.employeeNo ?? null,
      role: input.role,
      site_ids_json: JSON.stringify(input.siteIds ?? []),
      department_id: input.departmentId ?? null,
      customer_id: input.customerId ?? null,
      password_hash: passwordHash,
      failed_logins: 0,
      locked_until: null,
      disabled: 0,
      created_at: at,
      updated_at: at,
      version: 1,
    });
    const user = (await findUserById(trx, input.orgId, id))!;
    const { password_hash: _hidden, ...visible } = user;
    await insertAudit(trx, { orgId: input.orgId, actorId, action: 'user.create', entityType: 'user', entityId: id, after: visible, at: now, requestId });
    return user;
  });
}

export interface UserChanges {
  displayName?: string;
  employeeNo?: string | null;
  role?: Role;
  siteIds?: number[];
  departmentId?: number | null;
  disabled?: boolean;
  password?: string;
}

/** Change an account; a new password or disabling ends the user's sessions. */
export async function changeUser(db: Kysely<Database>, orgId: number, id: number, version: number, changes: UserChanges, actorId: number | null, now: Date, requestId?: string): Promise<UserRow> {
  if (changes.password !== undefined) checkPassword(changes.password);
  const passwordHash = changes.password !== undefined ? await hashPassword(changes.password) : undefined;
  return db.transaction().execute(async (trx) => {
    const before = await findUserById(trx, orgId, id);
    if (!before) throw new AppError('not_found', `user ${id}`);
    // An administrator who disables or demotes their own account could leave nobody to undo it.
    if (actorId === id && (changes.disabled === true || (changes.role !== undefined && changes.role !== before.role))) {
      throw new AppError('forbidden', 'you cannot disable your own account or change your own role');
    }
    for (const siteId of changes.siteIds ?? []) {
      if (!(await findSite(trx, orgId, siteId))) throw new AppError('unknown_reference', `site ${siteId}`, { field: 'siteIds' });
    }
    // A user may stay in a department deactivated since; nobody new joins one.
    if (changes.departmentId != null && changes.departmentId !== before.department_id) await assertActiveDepartment(trx, orgId, changes.departmentId);
    const ok = await updateUser(trx, orgId, id, version, {
      ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
      ...(changes.employeeNo !== undefined ? { employee_no: changes.employeeNo } : {}),
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.siteIds !== undefined ? { site_ids_json: JSON.stringify(changes.siteIds) } : {}),
      ...(changes.departmentId !== undefined ? { department_id: changes.departmentId } : {}),
      ...(changes.disabled !== undefined ? { disabled: changes.disabled ? 1 : 0 } : {}),
      // A new password set by an administrator also lifts a lockout from failed logins.
      ...(passwordHash ? { password_hash: passwordHash, failed_logins: 0, locked_until: null } : {}),
    }, now.getTime());
    if (!ok) throw new AppError('version_conflict', undefined, { currentVersion: before.version });
    if (passwordHash || changes.disabled) await deleteSessionsOfUser(trx, id);
    const after = (await findUserById(trx, orgId, id))!;
    const strip = ({ password_hash: _h, ...rest }: UserRow) => rest;
    await insertAudit(trx, {
      orgId, actorId, action: passwordHash ? 'user.password_reset' : 'user.update', entityType: 'user', entityId: id,
      before: strip(before), after: strip(after), at: now, requestId,
    });
    return after;
  });
}
