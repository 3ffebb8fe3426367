import { randomBytes } from 'node:crypto';
import {
  resolveCallbackPolicy,
  resolveCallbackRecordSettings,
  type CallbackPolicyOverrides,
  type CallbackPolicySettings,
  type CallbackRecordSettings,
} from '@huiyin/domain';
import type { Db } from '../db/types.js';
import { organisationSettings, type OrganisationSettings } from '../sla/org-settings.js';
import { compareAndSetOrganisationSettings, organisationSettingsText } from './callback.repository.js';

/**
 * The `callbacks` section of organisations.settings_json. Every number has the
 * seed's default in the domain; `seed` is the organisation's sampling seed,
 * generated once on first use and never changed (the months derive from it).
 */
export interface CallbackSettingsSection {
  policy?: CallbackPolicyOverrides;
  record?: Partial<CallbackRecordSettings>;
  seed?: string;
}

export interface CallbackSettings {
  policy: CallbackPolicySettings;
  record: CallbackRecordSettings;
}

function sectionOf(settings: OrganisationSettings): CallbackSettingsSection {
  const section = settings.callbacks;
  return section && typeof section === 'object' ? (section as CallbackSettingsSection) : {};
}

export async function callbackSettingsOf(db: Db, orgId: number): Promise<CallbackSettings> {
  const section = sectionOf(await organisationSettings(db, orgId));
  return { policy: resolveCallbackPolicy(section.policy), record: resolveCallbackRecordSettings(section.record) };
}

/**
 * The organisation's sampling seed, generating and storing it on first use. The
 * write is a compare-and-set on the whole settings text, so two first uses at
 * once agree on one seed and no other settings edit is lost.
 */
export async function organisationSeed(db: Db, orgId: number): Promise<string> {
  for (let tries = 0; tries < 5; tries++) {
    const text = await organisationSettingsText(db, orgId);
    if (text === undefined) throw new Error(`organisation ${orgId} not found`);
    const settings = JSON.parse(text) as OrganisationSettings;
    const section = sectionOf(settings);
    if (typeof section.seed === 'string' && section.seed.length > 0) return section.seed;
    const seed = randomBytes(16).toString('hex');
    const next = JSON.stringify({ ...settings, callbacks: { ...section, seed } });
    if (await compareAndSetOrganisationSettings(db, orgId, text, next)) return seed;
  }
  throw new Error(`organisation ${orgId}: settings keep changing; sampling seed not stored`);
}
