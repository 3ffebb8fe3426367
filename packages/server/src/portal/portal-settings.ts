import type { Db } from '../db/types.js';
import { organisationSettings } from '../sla/org-settings.js';

/** The `portal` section of organisations.settings_json; each number defaults to the value below. */
export interface PortalSettings {
  /** How long an SMS code stays valid. */
  codeMinutes: number;
  /** Wrong tries before a code is spent. */
  codeAttempts: number;
  /** Minimum gap between two codes to the same phone (SMS costs money, and floods annoy). */
  resendSeconds: number;
  /** Codes one phone may receive per day. */
  codesPerDay: number;
  photosPerOrder: number;
  photoMaxBytes: number;
  /** Longest side in pixels; anything bigger is not a phone photo but a decompression bomb. */
  photoMaxSide: number;
}

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  codeMinutes: 5,
  codeAttempts: 5,
  resendSeconds: 60,
  codesPerDay: 10,
  photosPerOrder: 6,
  photoMaxBytes: 5 * 1024 * 1024,
  photoMaxSide: 12_000,
};

export async function portalSettingsOf(db: Db, orgId: number): Promise<PortalSettings> {
  const section = (await organisationSettings(db, orgId)).portal;
  const overrides = section && typeof section === 'object' ? (section as Partial<PortalSettings>) : {};
  const merged = { ...DEFAULT_PORTAL_SETTINGS };
  for (const key of Object.keys(DEFAULT_PORTAL_SETTINGS) as (keyof PortalSettings)[]) {
    const value = overrides[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) merged[key] = value;
  }
  return merged;
}
