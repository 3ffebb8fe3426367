import { DEFAULT_SLA_SETTINGS, resolveSlaSettings, type SlaSettings } from '@huiyin/domain';
import type { Db } from '../db/types.js';

/** SLA limits: organisation-wide, then per kind of work order, then per site (later wins for the same key). */
export interface SlaLayers {
  sla?: Partial<SlaSettings>;
  /** Keyed by work-order kind (complaint, repair …). */
  slaByKind?: Record<string, Partial<SlaSettings>>;
  /** Keyed by site id (as text: JSON object keys). */
  slaBySite?: Record<string, Partial<SlaSettings>>;
}

/** The SLA layers in force before a change, for orders taken in before `until` (epoch ms). */
export interface SlaHistoryEntry extends SlaLayers {
  until: number;
}

/** The organisation's settings document: every number in DOMAIN.md is one, defaulting to the seed's. */
export interface OrganisationSettings extends SlaLayers {
  /**
   * A change of limits is not applied silently to running clocks: orders taken
   * in before it keep the limits they started under (oldest entry first).
   * Emptied when an admin applies a change to open orders.
   */
  slaHistory?: SlaHistoryEntry[];
  /** Years an admin declared complete (a State Council notice entered before the statutory package has it). */
  calendar?: { officialYears?: number[] };
  [section: string]: unknown;
}

export interface SlaScope {
  siteId?: number;
  kind?: string;
  /** When the order was taken into the system: picks the limits in force then (see slaHistory). */
  createdAt?: number;
}

export async function organisationSettings(db: Db, orgId: number): Promise<OrganisationSettings> {
  const row = await db.selectFrom('organisations').select('settings_json').where('id', '=', orgId).executeTakeFirst();
  return row ? withoutUnknownSlaKeys(JSON.parse(row.settings_json) as OrganisationSettings) : {};
}

const SLA_KEYS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_SLA_SETTINGS));
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One layer without the keys the SLA settings no longer have. */
function knownKeys(layer: Partial<SlaSettings>): Partial<SlaSettings> {
  if (!isPlainObject(layer)) return layer;
  return Object.fromEntries(Object.entries(layer).filter(([key]) => SLA_KEYS.has(key)));
}

function knownKeysByScope(layers: Record<string, Partial<SlaSettings>>): Record<string, Partial<SlaSettings>> {
  if (!isPlainObject(layers)) return layers;
  return Object.fromEntries(Object.entries(layers).map(([scope, layer]) => [scope, knownKeys(layer)]));
}

function knownLayers<T extends SlaLayers>(doc: T): T {
  const out: T = { ...doc };
  if (doc.sla !== undefined) out.sla = knownKeys(doc.sla);
  if (doc.slaByKind !== undefined) out.slaByKind = knownKeysByScope(doc.slaByKind);
  if (doc.slaBySite !== undefined) out.slaBySite = knownKeysByScope(doc.slaBySite);
  return out;
}

/**
 * The document as read, without keys the SLA settings no longer have. The
 * callback limits (`callbackResponsible`, `callbackAssistance`) moved to the
 * callback policy: a document stored before still loads, and the stale values
 * are neither shown, nor applied, nor written back by the next change.
 */
export function withoutUnknownSlaKeys(doc: OrganisationSettings): OrganisationSettings {
  if (!isPlainObject(doc)) return doc;
  const history = Array.isArray(doc.slaHistory) ? { slaHistory: doc.slaHistory.map((entry) => knownLayers(entry)) } : {};
  return { ...knownLayers(doc), ...history };
}

/** The layers an order runs under: those in force when it was taken in. */
export function slaLayersAt(settings: OrganisationSettings, createdAt?: number): SlaLayers {
  if (createdAt !== undefined) {
    for (const entry of settings.slaHistory ?? []) if (createdAt < entry.until) return entry;
  }
  return settings;
}

/** Merge the layers for one scope over the seed's defaults (throws RangeError on nonsense). */
export function resolveSlaFor(layers: SlaLayers, scope: Pick<SlaScope, 'siteId' | 'kind'> = {}): SlaSettings {
  return resolveSlaSettings({
    ...layers.sla,
    ...(scope.kind !== undefined ? layers.slaByKind?.[scope.kind] : undefined),
    ...(scope.siteId !== undefined ? layers.slaBySite?.[String(scope.siteId)] : undefined),
  });
}

export async function slaSettingsOf(db: Db, orgId: number, scope: SlaScope = {}): Promise<SlaSettings> {
  return resolveSlaFor(slaLayersAt(await organisationSettings(db, orgId), scope.createdAt), scope);
}

export function declaredOfficialYears(settings: OrganisationSettings): number[] {
  const years = settings.calendar?.officialYears;
  return Array.isArray(years) ? years.filter((y) => Number.isInteger(y)) : [];
}

/**
 * Read-modify-write of the whole document. The no-op update first takes the
 * organisation row's lock (PostgreSQL; SQLite runs one transaction at a time),
 * so a concurrent writer — or another module's compare-and-set — cannot lose
 * this change or have its own lost. Call inside a transaction.
 */
export async function updateOrganisationSettings(
  db: Db,
  orgId: number,
  change: (settings: OrganisationSettings) => OrganisationSettings,
): Promise<{ before: OrganisationSettings; after: OrganisationSettings }> {
  await db.updateTable('organisations').set((eb) => ({ settings_json: eb.ref('settings_json') })).where('id', '=', orgId).execute();
  const before = await organisationSettings(db, orgId);
  const after = change(structuredClone(before));
  await db.updateTable('organisations').set({ settings_json: JSON.stringify(after) }).where('id', '=', orgId).execute();
  return { before, after };
}
