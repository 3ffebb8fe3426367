import type { Updateable } from 'kysely';
import type { SiteTable } from '../db/schema.js';
import type { Db } from '../db/types.js';
import type { SiteRow } from '../organisations/organisation.repository.js';

export async function updateSiteRow(db: Db, orgId: number, id: number, changes: Updateable<SiteTable>): Promise<SiteRow | undefined> {
  return db.updateTable('sites').set(changes).where('org_id', '=', orgId).where('id', '=', id).returningAll().executeTakeFirst();
}
