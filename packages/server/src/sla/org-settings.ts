import { resolveSlaSettings, type SlaSettings } from '@huiyin/domain';
import type { Db } from '../db/types.js';

/** The organisation's settings document: every number in DOMAIN.md is one, defaulting to the seed's. */
export interface OrganisationSettings {
  sla?: Partial<SlaSettings>;
  [section: string]: unknown;
}

export async function organisationSettings(db: Db, orgId: number): Promise<OrganisationSettings> {
  const row = await db.selectFrom('organisations').select('settings_json').where('id', '=', orgId).executeTakeFirst();
  return row ? (JSON.parse(row.settings_json) as OrganisationSettings) : {};
}

export async function slaSettingsOf(db: Db, orgId: number): Promise<SlaSettings> {
  return resolveSlaSettings((await organisationSettings(db, orgId)).sla);
}
