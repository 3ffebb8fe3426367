import {
  CHANNELS,
  DEFAULT_AUTHORITY,
  DEFAULT_COLLECTIVE_SETTINGS,
  DEFAULT_ESCALATION_SETTINGS,
  SEED_S1_AUTHORITY,
  type AuthorityTable,
  type Channel,
  type CollectiveSettings,
  type EscalationSettings,
} from '@huiyin/domain';
import type { Db } from '../db/types.js';
import { organisationSettings } from '../sla/org-settings.js';

/**
 * The organisation's `complaints` settings section. Every number defaults to the
 * seed's (or the where the seed has none); a value of the wrong shape is
 * ignored rather than trusted, so a bad settings document never breaks intake.
 */
export interface ComplaintSettingsDocument {
  /** seed-notes 7: 'automatic' (issue, default) or 'suggest' (a person confirms the damage to the image). */
  channelUpgrade?: 'automatic' | 'suggest';
  governmentOrMediaChannels?: Channel[];
  /** "多次提出": times raised, this one included, before an upgrade is suggested (2). */
  repeatMinTimes?: number;
  /** How far back a customer's earlier complaints count as "raised before" (180 days; no seed number). */
  repeatLookbackDays?: number;
  /** "同时" for collective complaints (48 hours). */
  collectiveWindowHours?: number;
  /** "5位(或以上)" (5). */
  collectiveMinCustomers?: number;
  collectiveSimilarity?: number;
  /** Who leads government/media complaints: 'issue' (GM, default) or 'seed' (customer service, GM assists). */
  authority?: 'issue' | 'seed';
  /** Largest signature image accepted for a customer's confirmation (200 KB). */
  signatureMaxBytes?: number;
}

export interface ComplaintSettings {
  escalation: EscalationSettings;
  collective: CollectiveSettings;
  repeatLookbackMs: number;
  authority: AuthorityTable;
  signatureMaxBytes: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const DEFAULT_REPEAT_LOOKBACK_DAYS = 180;
export const DEFAULT_SIGNATURE_MAX_BYTES = 200 * 1024;

const positive = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback);

export function resolveComplaintSettings(doc: ComplaintSettingsDocument | undefined): ComplaintSettings {
  const d = doc ?? {};
  const channels = Array.isArray(d.governmentOrMediaChannels)
    ? d.governmentOrMediaChannels.filter((c): c is Channel => (CHANNELS as readonly string[]).includes(c))
    : DEFAULT_ESCALATION_SETTINGS.governmentOrMediaChannels;
  const escalation: EscalationSettings = {
    channelUpgrade: d.channelUpgrade === 'suggest' ? 'suggest' : 'automatic',
    governmentOrMediaChannels: channels,
    repeatMinTimes: Math.floor(positive(d.repeatMinTimes, DEFAULT_ESCALATION_SETTINGS.repeatMinTimes)),
  };
  const collective: CollectiveSettings = {
    ...DEFAULT_COLLECTIVE_SETTINGS,
    windowMs: positive(d.collectiveWindowHours, DEFAULT_COLLECTIVE_SETTINGS.windowMs / HOUR_MS) * HOUR_MS,
    minDistinctCustomers: positive(d.collectiveMinCustomers, DEFAULT_COLLECTIVE_SETTINGS.minDistinctCustomers),
    similarityThreshold: positive(d.collectiveSimilarity, DEFAULT_COLLECTIVE_SETTINGS.similarityThreshold),
  };
  const table = d.authority === 'seed' ? SEED_S1_AUTHORITY : DEFAULT_AUTHORITY;
  return {
    escalation,
    collective,
    repeatLookbackMs: positive(d.repeatLookbackDays, DEFAULT_REPEAT_LOOKBACK_DAYS) * DAY_MS,
    // The authority table's channel list follows the escalation setting, so both agree on "government or media".
    authority: { ...table, governmentOrMediaChannels: channels },
    signatureMaxBytes: Math.floor(positive(d.signatureMaxBytes, DEFAULT_SIGNATURE_MAX_BYTES)),
  };
}

export async function complaintSettingsOf(db: Db, orgId: number): Promise<ComplaintSettings> {
  const settings = await organisationSettings(db, orgId);
  return resolveComplaintSettings(settings.complaints as ComplaintSettingsDocument | undefined);
}
