import { createHash } from 'node:crypto';
import { MATTER_FEATURES_VERSION, matterFeatures, type MatterFeatures } from '@huiyin/domain';
import { matterDeps } from './matter-deps.js';

/**
 * A complaint's matter features as stored in work_orders.matter_json: computed
 * once at intake, so that collective and repeat detection compare stored
 * features instead of segmenting every recent complaint again.
 *
 * The stored value names the extraction version and a digest of the text it
 * came from. A description edited later, or features of an older extraction,
 * simply do not match and are computed afresh; nothing has to remember to
 * invalidate them.
 */
interface StoredMatter {
  v: number;
  /** Digest of the text the features were taken from. */
  h: string;
  f: MatterFeatures;
}

const digest = (text: string) => createHash('sha1').update(text).digest('base64url').slice(0, 16);

export function computeMatter(text: string): MatterFeatures {
  return matterFeatures(text, matterDeps);
}

/** The column value for a complaint with this text. */
export function matterColumn(text: string, features: MatterFeatures = computeMatter(text)): string {
  const stored: StoredMatter = { v: MATTER_FEATURES_VERSION, h: digest(text), f: features };
  return JSON.stringify(stored);
}

function parse(json: string): StoredMatter | null {
  try {
    const value = JSON.parse(json) as Partial<StoredMatter>;
    return typeof value.v === 'number' && typeof value.h === 'string' && value.f ? (value as StoredMatter) : null;
  } catch {
    return null;
  }
}

/**
 * The features of the row's text: the stored ones when they still describe it
 * (`current`), else computed now — and then whatever was derived from the old
 * ones (the cluster intake placed it in) is out of date too.
 */
export function readMatter(row: { description: string; matter_json: string | null }): { features: MatterFeatures; current: boolean } {
  const stored = row.matter_json === null ? null : parse(row.matter_json);
  if (stored && stored.v === MATTER_FEATURES_VERSION && stored.h === digest(row.description)) return { features: stored.f, current: true };
  return { features: computeMatter(row.description), current: false };
}

export function matterOf(row: { description: string; matter_json: string | null }): MatterFeatures {
  return readMatter(row).features;
}
