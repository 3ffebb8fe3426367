import { Type, type TSchema } from 'typebox';
import { CALLBACK_RATINGS, CALLBACK_RULE_KEYS, DEFAULT_SLA_SETTINGS, SAMPLING_MODES, WORK_ORDER_KINDS } from '@huiyin/domain';
import { ChannelSchema, KindSchema, literalUnion, ReplyMethodSchema } from '../work-orders/work-order.schemas.js';
import { Nullable } from '../http/schema-helpers.js';
import { QualitySettingsPatch } from '../language/quality-settings.schema.js';

/**
 * PATCH /settings follows JSON merge patch (RFC 7386): objects merge key by key,
 * `null` removes a key so the seed's default applies again. A limit
 * ({unit, amount}) and a callback requirement ({mode …}) are single values and
 * are replaced whole. Every field is optional; unknown fields are refused.
 */
const optional = (schema: TSchema) => Type.Optional(Nullable(schema));
const closed = (properties: Record<string, TSchema>, description?: string) =>
  Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });

export const LimitSchema = closed({
  unit: literalUnion(['minutes', 'hours', 'working_days', 'days', 'months'] as const),
  amount: Type.Integer({ minimum: 1, maximum: 10_000 }),
});

/** The limit keys of the SLA settings, taken from the domain defaults so a new limit is settable at once. */
export const SLA_LIMIT_KEYS = Object.entries(DEFAULT_SLA_SETTINGS)
  .filter(([, value]) => typeof value === 'object' && value !== null && 'unit' in value)
  .map(([key]) => key);

const slaProperties: Record<string, TSchema> = Object.fromEntries(SLA_LIMIT_KEYS.map((key) => [key, optional(LimitSchema)]));
slaProperties.warningRatio = optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'Warn when this share of a limit has passed (0.8)' }));
slaProperties.dispatchClockKinds = optional(Type.Array(KindSchema, { uniqueItems: true, description: 'Kinds that run the dispatch and department-reaction clocks' }));
export const SlaPatch = closed(slaProperties, 'SLA limits (DOMAIN.md §4); defaults are the seed’s numbers. The callback deadline is not here: each rule of callbacks.policy sets it');

export const SlaByKindPatch = closed(Object.fromEntries(WORK_ORDER_KINDS.map((kind) => [kind, optional(SlaPatch)])), 'Limits for one kind of work order, over the organisation’s');

export const SITE_KEY = '^[1-9][0-9]{0,9}$';
export const SlaBySitePatch = Type.Unsafe<Record<string, unknown>>({
  type: 'object',
  description: 'Limits for one site (keyed by site id), over the organisation’s and the kind’s',
  patternProperties: { [SITE_KEY]: { anyOf: [SlaPatch, { type: 'null' }] } },
  additionalProperties: false,
});

const Requirement = Type.Union([
  closed({ mode: Type.Literal('required') }),
  closed({ mode: Type.Literal('sampled'), rate: Type.Number({ minimum: 0, maximum: 1 }) }),
  closed({ mode: Type.Literal('none') }),
]);

const CallbackRulePatch = closed({
  requirement: Type.Optional(Requirement),
  limit: Type.Optional(closed({ unit: literalUnion(['working_days', 'days'] as const), amount: Type.Integer({ minimum: 1, maximum: 366 }) })),
  methods: Type.Optional(Type.Array(ReplyMethodSchema, { minItems: 1, uniqueItems: true })),
  defaultMethod: Type.Optional(ReplyMethodSchema),
  agreedMethod: Type.Optional(literalUnion(['prefer', 'allow', 'ignore'] as const)),
});

export const CallbacksPatch = closed({
  policy: optional(closed({
    rules: optional(closed(Object.fromEntries(CALLBACK_RULE_KEYS.map((key) => [key, optional(CallbackRulePatch)])))),
    samplingMode: optional(literalUnion(SAMPLING_MODES)),
  })),
  record: optional(closed({
    maxAttempts: optional(Type.Integer({ minimum: 1, maximum: 20 })),
    maxTextLength: optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    reopenAtOrWorse: optional(literalUnion(CALLBACK_RATINGS)),
    satisfiedAtOrBetter: optional(literalUnion(CALLBACK_RATINGS)),
  })),
}, 'Callback policy (回访): which results owe a callback, by when and how; the callback record');

export const ComplaintsPatch = closed({
  channelUpgrade: optional(literalUnion(['automatic', 'suggest'] as const, 'Government or media complaints: upgrade to major at once, or suggest it to a person')),
  governmentOrMediaChannels: optional(Type.Array(ChannelSchema, { uniqueItems: true })),
  repeatMinTimes: optional(Type.Integer({ minimum: 2, maximum: 20 })),
  repeatLookbackDays: optional(Type.Integer({ minimum: 1, maximum: 3660 })),
  collectiveWindowHours: optional(Type.Number({ exclusiveMinimum: 0, maximum: 720, description: '“同时”: complaints this close together count as one collective complaint (48)' })),
  collectiveMinCustomers: optional(Type.Integer({ minimum: 2, maximum: 1000, description: '“5位(或以上)”: distinct customers (5)' })),
  collectiveSimilarity: optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
  authority: optional(literalUnion(['issue', 'seed'] as const)),
  signatureMaxBytes: optional(Type.Integer({ minimum: 1024, maximum: 5 * 1024 * 1024 })),
}, 'Complaint handling: collective window and threshold, channel upgrades, repeats');

/**
 * The sections an admin may change here. Each owner adds theirs with one line
 * (the language section is expected next). Sections kept by the system — the
 * callback sampling seed, the SLA history, declared calendar years (see
 * /calendar) — are not in the body.
 */
export const SettingsPatchBody = closed({
  sla: optional(SlaPatch),
  slaByKind: optional(SlaByKindPatch),
  slaBySite: optional(SlaBySitePatch),
  callbacks: optional(CallbacksPatch),
  complaints: optional(ComplaintsPatch),
  quality: optional(QualitySettingsPatch),
  applyToOpenOrders: Type.Optional(Type.Boolean({
    description: 'Recompute the deadlines of open orders with the new limits (recorded on each timeline as settings_changed). Without it, open orders keep the limits they were taken in under.',
  })),
});

const Loose = (description: string) => Type.Record(Type.String(), Type.Unknown(), { description });

export const SettingsView = Type.Object({
  sla: Loose('Effective organisation-wide SLA limits, defaults filled in'),
  slaByKind: Loose('Per-kind overrides as set (only what differs)'),
  slaBySite: Loose('Per-site overrides as set (only what differs)'),
  callbacks: Loose('Effective callback policy and record settings'),
  complaints: Loose('Effective complaint-handling settings'),
  calendar: Type.Object({
    statutoryYears: Type.Array(Type.Integer(), { description: 'Years the statutory holiday data covers' }),
    declaredOfficialYears: Type.Array(Type.Integer(), { description: 'Years declared complete by an import (officialYear)' }),
  }),
  recomputed: Type.Optional(Nullable(Type.Object({ orders: Type.Integer(), changedClocks: Type.Integer() }))),
});
