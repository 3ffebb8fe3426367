import { resolveCallbackPolicy, resolveCallbackRecordSettings, type CallbackPolicyOverrides, type CallbackRecordSettings } from '@huiyin/domain';
import { statutoryCalendarLayer } from '../calendar/statutory-data.js';
import { resolveComplaintSettings, type ComplaintSettingsDocument } from '../complaints/complaint-settings.js';
import { AppError } from '../errors/app-error.js';
import { declaredOfficialYears, resolveSlaFor, type OrganisationSettings, type SlaHistoryEntry, type SlaLayers } from '../sla/org-settings.js';

/** The settings document as an admin sees and edits it: pure functions over the stored JSON. */

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
// A limit and a callback requirement are one value each: a patch replaces them whole.
const isAtomic = (value: Record<string, unknown>) => 'unit' in value || 'mode' in value;

/** JSON merge patch (RFC 7386), with limits and requirements as single values. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch) || isAtomic(patch)) return patch;
  const merged: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = mergePatch(merged[key], value);
  }
  return merged;
}

/** JSON with sorted keys: two documents that differ only in key order are the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value).sort().filter((k) => value[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const slaLayersOf = (doc: SlaLayers): SlaLayers => ({
  ...(doc.sla ? { sla: doc.sla } : {}),
  ...(doc.slaByKind ? { slaByKind: doc.slaByKind } : {}),
  ...(doc.slaBySite ? { slaBySite: doc.slaBySite } : {}),
});

export const sameSla = (a: SlaLayers, b: SlaLayers) => stableJson(slaLayersOf(a)) === stableJson(slaLayersOf(b));

function invalid(section: string, error: unknown): never {
  throw new AppError('settings_invalid', `${section}: ${error instanceof Error ? error.message : String(error)}`, { section });
}

/**
 * Everything the schema cannot see: each combination of organisation, kind and
 * site limits must resolve, sites must be the organisation's, the callback rules
 * must agree with each other (default method among the methods …).
 */
export function checkDocument(doc: OrganisationSettings, siteIds: readonly number[]): void {
  const kinds = Object.keys(doc.slaByKind ?? {});
  const sites = Object.keys(doc.slaBySite ?? {});
  const unknownSite = sites.find((key) => !siteIds.includes(Number(key)));
  if (unknownSite !== undefined) throw new AppError('unknown_reference', `site ${unknownSite}`, { field: `slaBySite.${unknownSite}` });
  try {
    for (const kind of [undefined, ...kinds]) {
      for (const site of [undefined, ...sites]) resolveSlaFor(doc, { ...(kind ? { kind } : {}), ...(site ? { siteId: Number(site) } : {}) });
    }
  } catch (e) {
    invalid('sla', e);
  }
  const callbacks = callbackSection(doc);
  try {
    resolveCallbackPolicy(callbacks.policy);
    resolveCallbackRecordSettings(callbacks.record);
  } catch (e) {
    invalid('callbacks', e);
  }
}

function callbackSection(doc: OrganisationSettings): { policy?: CallbackPolicyOverrides; record?: Partial<CallbackRecordSettings> } {
  return isPlainObject(doc.callbacks) ? (doc.callbacks as { policy?: CallbackPolicyOverrides; record?: Partial<CallbackRecordSettings> }) : {};
}

/**
 * The history that keeps open orders on the limits they were taken in under:
 * the layers before the change apply to orders taken in until `now`. Entries no
 * open order can use any more (all orders of their time are closed) are dropped.
 */
export function historyAfterChange(before: OrganisationSettings, now: number, oldestOpenCreatedAt: number | null): SlaHistoryEntry[] {
  const history = [...(before.slaHistory ?? [])];
  const last = history[history.length - 1];
  history.push({ ...slaLayersOf(before), until: Math.max(now, last?.until ?? now) });
  return oldestOpenCreatedAt === null ? [] : history.filter((entry) => entry.until > oldestOpenCreatedAt);
}

const HOUR_MS = 3_600_000;

/** What GET /settings shows: effective values with the seed's defaults filled in. */
export function settingsView(doc: OrganisationSettings) {
  const complaints = resolveComplaintSettings(doc.complaints as ComplaintSettingsDocument | undefined);
  const callbacks = callbackSection(doc);
  return {
    sla: { ...resolveSlaFor(doc) },
    slaByKind: doc.slaByKind ?? {},
    slaBySite: doc.slaBySite ?? {},
    callbacks: { policy: resolveCallbackPolicy(callbacks.policy), record: resolveCallbackRecordSettings(callbacks.record) },
    complaints: {
      channelUpgrade: complaints.escalation.channelUpgrade,
      governmentOrMediaChannels: complaints.escalation.governmentOrMediaChannels,
      repeatMinTimes: complaints.escalation.repeatMinTimes,
      repeatLookbackDays: complaints.repeatLookbackMs / (24 * HOUR_MS),
      collectiveWindowHours: complaints.collective.windowMs / HOUR_MS,
      collectiveMinCustomers: complaints.collective.minDistinctCustomers,
      collectiveSimilarity: complaints.collective.similarityThreshold,
      authority: (doc.complaints as ComplaintSettingsDocument | undefined)?.authority === 'seed' ? 'seed' : 'issue',
      signatureMaxBytes: complaints.signatureMaxBytes,
    },
    calendar: { statutoryYears: [...(statutoryCalendarLayer().years ?? [])], declaredOfficialYears: declaredOfficialYears(doc) },
  };
}

/** The audit record's view of a document: what an admin can change, not the system's bookkeeping. */
export function auditedSections(doc: OrganisationSettings, sections: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const section of sections) {
    const value = doc[section];
    if (section === 'callbacks' && isPlainObject(value)) {
      const { seed: _seed, ...rest } = value;
      out[section] = rest;
    } else out[section] = value ?? null;
  }
  return out;
}
