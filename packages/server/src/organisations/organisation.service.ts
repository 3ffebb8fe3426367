import { CATEGORY_SEED, type CategorySeedNode, type Role } from '@huiyin/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { insertAudit } from '../audit/audit.repository.js';
import { hashPassword } from '../auth/password.js';
import { insertUser } from '../users/user.repository.js';
import { insertCategory, insertDepartment, insertOrganisation, insertSite } from './organisation.repository.js';

export interface NewSite {
  name: string;
  kind?: string;
  timeZone?: string;
  twentyFourHour?: boolean;
  address?: string | null;
  /** Service hours for a site not on 24-hour duty (see calendar/site-clock.ts). */
  serviceHours?: object;
}

export interface NewOrganisation {
  name: string;
  code: string;
  numberPrefix?: string;
  sites: NewSite[];
  departments?: string[];
  admin: { username: string; password: string; displayName?: string; employeeNo?: string };
}

/** Departments a service center starts with (DOMAIN.md §1); editable afterwards. */
export const DEFAULT_DEPARTMENTS = ['客服部', '工程部', '安保部', '保洁部'];

/**
 * Create an organisation with its sites, departments, the seeded category trees
 * and its first administrator, in one transaction.
 */
export async function createOrganisation(db: Kysely<Database>, input: NewOrganisation, now: Date) {
  const at = now.getTime();
  const passwordHash = await hashPassword(input.admin.password);
  return db.transaction().execute(async (trx) => {
    const org = await insertOrganisation(trx, {
      name: input.name,
      code: input.code,
      number_prefix: input.numberPrefix ?? 'HY',
      settings_json: '{}',
      created_at: at,
    });
    const sites = [];
    for (const site of input.sites) {
      sites.push(
        await insertSite(trx, {
          org_id: org.id,
          name: site.name,
          kind: site.kind ?? 'residential',
          time_zone: site.timeZone ?? 'Asia/Shanghai',
          twenty_four_hour: site.twentyFourHour === false ? 0 : 1,
          service_hours_json: JSON.stringify(site.serviceHours ?? {}),
          address: site.address ?? null,
          created_at: at,
        }),
      );
    }
    const departments = [];
    for (const name of input.departments ?? DEFAULT_DEPARTMENTS) {
      departments.push(await insertDepartment(trx, { org_id: org.id, site_id: null, name, created_at: at }));
    }
    await seedCategories(trx, org.id, CATEGORY_SEED, null, '');
    const adminId = await insertUser(trx, {
      org_id: org.id,
      username: input.admin.username,
      display_name: input.admin.displayName ?? '系统管理员',
      employee_no: input.admin.employeeNo ?? null,
      role: 'admin' satisfies Role,
      site_ids_json: '[]',
      department_id: null,
      customer_id: null,
      password_hash: passwordHash,
      failed_logins: 0,
      locked_until: null,
      disabled: 0,
      created_at: at,
      updated_at: at,
      version: 1,
    });
    await insertAudit(trx, {
      orgId: org.id,
      actorId: null,
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: org.id,
      after: { name: org.name, sites: sites.map((s) => s.name), admin: input.admin.username },
      at: now,
    });
    return { org, sites, departments, adminId };
  });
}

async function seedCategories(db: Db, orgId: number, nodes: CategorySeedNode[], parentId: number | null, parentPath: string) {
  let order = 0;
  for (const node of nodes) {
    const path = parentPath ? `${parentPath}/${node.name}` : node.name;
    const row = await insertCategory(db, { org_id: orgId, parent_id: parentId, name: node.name, path, sort_order: order++, active: 1 });
    if (node.children) await seedCategories(db, orgId, node.children, row.id, path);
  }
}
