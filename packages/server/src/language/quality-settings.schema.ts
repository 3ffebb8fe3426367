import { DEFAULT_QUALITY_SETTINGS, QUALITY_CHECKS } from '@huiyin/domain';
import { Type, type TSchema } from 'typebox';
import { Line, Nullable } from '../http/schema-helpers.js';

/**
 * The `quality` section of PATCH /settings (JSON merge patch: null restores
 * the seed's default). Weights per check, the turn windows, the 45-second hold
 * limit, per-hit penalties and the word lists the checks look for.
 */
const optional = (schema: TSchema) => Type.Optional(Nullable(schema));
const closed = (properties: Record<string, TSchema>, description?: string) =>
  Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });
const turns = (description: string) => optional(Type.Integer({ minimum: 1, maximum: 50, description }));
const share = (description: string) => optional(Type.Number({ minimum: 0, maximum: 1, description }));

export const QualitySettingsPatch = closed({
  weights: optional(closed(Object.fromEntries(QUALITY_CHECKS.map((c) => [c, optional(Type.Number({ minimum: 0, maximum: 1000 }))])), 'Weight of each check in the 0–100 score')),
  openingWithinAgentTurns: turns('The greeting must come within the first N agent turns (2)'),
  closingWithinLastAgentTurns: turns('The closing phrase must come within the last N agent turns (2)'),
  holdNoticeMs: optional(Type.Integer({ minimum: 1000, maximum: 3_600_000, description: 'Longest silence during a lookup before “I am still checking” (45 000, S1)' })),
  penaltyPerForbiddenHit: share('Share of the forbidden-phrase weight lost per 服务禁语 hit (0.5)'),
  penaltyPerNonStandardHit: share('Share lost per 不规范用语 hit (0.25)'),
  apologyWithinAgentTurns: turns('In a complaint, the apology must come within N agent turns (2)'),
  abuseWarningsBeforeHangUp: optional(Type.Integer({ minimum: 1, maximum: 10, description: 'Warnings before the agent may end an abusive call (3, S1)' })),
  markers: optional(closed(Object.fromEntries(Object.keys(DEFAULT_QUALITY_SETTINGS.markers).map((k) => [k, optional(Type.Array(Line(100), { maxItems: 200 }))])), 'Words each check looks for (either script)')),
}, 'Quality inspection (质检): weights and rules');
