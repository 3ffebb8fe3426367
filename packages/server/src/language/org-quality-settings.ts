import { DEFAULT_QUALITY_SETTINGS, QUALITY_CHECKS, type QualityMarkers, type QualitySettings } from '@huiyin/domain';
import type { Db } from '../db/types.js';
import { organisationSettings } from '../sla/org-settings.js';

/**
 * The organisation's quality-inspection settings: `settings_json.quality`,
 * any part of QualitySettings (weights per check, the 45-second limit, words
 * looked for …), over the seed defaults. Values of the wrong type are ignored
 * rather than trusted, so a bad setting cannot break scoring.
 */
export async function qualitySettingsOf(db: Db, orgId: number): Promise<QualitySettings> {
  return resolveQualitySettings((await organisationSettings(db, orgId)).quality);
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isWords = (v: unknown): v is string[] => Array.isArray(v) && v.every((w) => typeof w === 'string');

export function resolveQualitySettings(raw: unknown): QualitySettings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_QUALITY_SETTINGS;
  const given = raw as Record<string, unknown>;
  const d = DEFAULT_QUALITY_SETTINGS;
  const num = (key: keyof QualitySettings) => (isNumber(given[key]) ? (given[key] as number) : (d[key] as number));
  const weightsIn = (typeof given.weights === 'object' && given.weights !== null ? given.weights : {}) as Record<string, unknown>;
  const markersIn = (typeof given.markers === 'object' && given.markers !== null ? given.markers : {}) as Record<string, unknown>;
  const weights = Object.fromEntries(QUALITY_CHECKS.map((c) => [c, isNumber(weightsIn[c]) ? weightsIn[c] : d.weights[c]])) as QualitySettings['weights'];
  const markers = Object.fromEntries(
    (Object.keys(d.markers) as (keyof QualityMarkers)[]).map((k) => [k, isWords(markersIn[k]) ? markersIn[k] : d.markers[k]]),
  ) as unknown as QualityMarkers;
  return {
    weights,
    openingWithinAgentTurns: num('openingWithinAgentTurns'),
    closingWithinLastAgentTurns: num('closingWithinLastAgentTurns'),
    holdNoticeMs: num('holdNoticeMs'),
    penaltyPerForbiddenHit: num('penaltyPerForbiddenHit'),
    penaltyPerNonStandardHit: num('penaltyPerNonStandardHit'),
    apologyWithinAgentTurns: num('apologyWithinAgentTurns'),
    abuseWarningsBeforeHangUp: num('abuseWarningsBeforeHangUp'),
    markers,
  };
}
