import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { generatePassword } from '../auth/password.js';
import { countOrganisations } from './organisation.repository.js';
import { createOrganisation } from './organisation.service.js';

export interface FirstStartResult {
  created: boolean;
  /** Present only when the password was generated: it is shown once and never stored in clear. */
  generatedPassword?: string;
}

/**
 * On the first start with an empty database: one organisation with one 24-hour
 * site in Asia/Shanghai and the user `admin`, whose password is
 * HUIYIN_ADMIN_PASSWORD when set, otherwise generated and returned to be printed once.
 */
export async function ensureFirstOrganisation(db: Kysely<Database>, adminPassword: string | undefined, now: Date): Promise<FirstStartResult> {
  if ((await countOrganisations(db)) > 0) return { created: false };
  const password = adminPassword || generatePassword();
  await createOrganisation(db, {
    name: '回音客服中心',
    code: 'default',
    sites: [{ name: '服务中心', kind: 'residential', timeZone: 'Asia/Shanghai', twentyFourHour: true }],
    admin: { username: 'admin', password },
  }, now);
  return adminPassword ? { created: true } : { created: true, generatedPassword: password };
}
