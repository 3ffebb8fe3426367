import { Type, type Static } from 'typebox';
import { CALLBACK_CONTACT_RESULTS, CALLBACK_RATINGS, CALLBACK_RULE_KEYS, REPLY_METHODS } from '@huiyin/domain';
import { DateTime, Id, Nullable, Text } from '../http/schema-helpers.js';

// Not imported from work-order.schemas.ts: that file imports CallbackView from here.
const literalUnion = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const ReplyMethodSchema = literalUnion(REPLY_METHODS);

export const CALLBACK_STATUSES = ['pending', 'done', 'unreachable', 'waived', 'not_sampled', 'withdrawn', 'closed_unrecorded'] as const;

const RatingSchema = literalUnion(CALLBACK_RATINGS, '非常满意 very_satisfied … 非常不满意 very_dissatisfied');
const Instant = Nullable(Type.String({ format: 'date-time' }));

/** The organisation's rule (callbacks.record.reopenAtOrWorse), told to whoever is about to rate: not the settings document. */
export const ReopenAtOrWorse = literalUnion(
  CALLBACK_RATINGS,
  'A callback answer or confirmation rated this or worse sends the order back to the department (the organisation’s reopen threshold; default dissatisfied 不满意)',
);

export const CallbackView = Type.Object({
  id: Type.Integer(),
  workOrderId: Type.Integer(),
  outcome: Type.String({ description: 'required, sampled_in, sampled_out, waived (decided at the result), requested (booked by the desk)' }),
  reason: Nullable(Type.String({ description: 'required_by_policy, sampled_in, sampled_out, customer_refused, anonymous, requested_by_desk, order_reopen, order_cancel, order_close' })),
  rule: Nullable(literalUnion(CALLBACK_RULE_KEYS)),
  status: literalUnion(CALLBACK_STATUSES, 'pending: to do; done; unreachable and waived are never counted as missed; closed_unrecorded is'),
  methods: Type.Array(Type.String()),
  defaultMethod: Nullable(Type.String()),
  limit: Nullable(Type.Object({ unit: Type.String(), amount: Type.Integer() })),
  resultAt: Instant,
  dueAt: Instant,
  sampleMonth: Nullable(Type.String({ description: 'The sampling frame (YYYY-MM) when the callback was sampled' })),
  sampleIndex: Nullable(Type.Integer({ description: 'The order’s place in the month’s frame: 1, 2, 3 …' })),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  method: Nullable(Type.String()),
  contact: Nullable(Type.String()),
  rating: Nullable(Type.String()),
  customerWords: Nullable(Type.String()),
  doneAt: Instant,
  doneBy: Nullable(Type.Integer()),
  withinLimit: Nullable(Type.Boolean()),
  createdAt: Type.String({ format: 'date-time' }),
  version: Type.Integer(),
  attemptLog: Type.Array(Type.Object({
    attempt: Type.Integer(),
    at: Type.String({ format: 'date-time' }),
    method: Type.String(),
    contact: Type.String(),
    text: Type.String(),
    rating: Nullable(Type.String()),
    by: Type.Object({ id: Type.Integer(), name: Nullable(Type.String()), employeeNo: Nullable(Type.String()) }),
  })),
});

export const CallbackPreferenceView = Type.Object({
  refused: Type.Boolean({ description: 'The customer refused callbacks (S1 4.6.3.1(14))' }),
  anonymous: Type.Boolean({ description: 'The customer stayed anonymous' }),
});

const QueueItem = Type.Object({
  ...CallbackView.properties,
  overdue: Type.Boolean(),
  workOrder: Type.Object({
    id: Type.Integer(),
    number: Type.String(),
    kind: Type.String(),
    status: Type.String(),
    siteId: Type.Integer(),
    customer: Type.Object({ name: Type.String(), title: Nullable(Type.String()), phone: Nullable(Type.String()) }),
    unit: Nullable(Type.String()),
    description: Type.String(),
    result: Nullable(Type.String()),
    version: Type.Integer(),
  }),
});

export const CallbackQueue = Type.Object({ items: Type.Array(QueueItem), nextCursor: Nullable(Type.String()) });

export const QueueQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ maxLength: 200, pattern: '^[a-z_,]*$', description: 'Comma-separated statuses; default pending' })),
    due: Type.Optional(DateTime({ description: 'Only callbacks due at or before this instant (e.g. the end of today)' })),
    siteId: Type.Optional(Id),
    month: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM: only callbacks whose result was given that (local) month, as in /callbacks/stats' })),
    outcome: Type.Optional(literalUnion(['required', 'sampled_in', 'sampled_out', 'waived', 'requested'] as const, 'Only callbacks decided this way (the stats’ callback rate counts required ones)')),
    rating: Type.Optional(RatingSchema),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type QueueQuery = Static<typeof QueueQuery>;

export const AttemptParams = Type.Object({ id: Id, callbackId: Id }, { additionalProperties: false });

export const AttemptBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The callback’s version you read; or send If-Match' })),
    at: Type.Optional(DateTime({ description: 'When the contact happened; default now' })),
    method: Type.Optional(ReplyMethodSchema),
    contact: literalUnion(CALLBACK_CONTACT_RESULTS, 'answered, not_reached, or refused (reached but declined the callback)'),
    text: Type.Optional(Nullable(Text(4000, { description: 'The customer’s own words when answered; a note (无人接听, 关机 …) otherwise' }))),
    rating: Type.Optional(Nullable(RatingSchema)),
  },
  { additionalProperties: false },
);
export type AttemptBody = Static<typeof AttemptBody>;

export const PreferenceBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The work order’s version you read; or send If-Match' })),
    refused: Type.Optional(Type.Boolean()),
    anonymous: Type.Optional(Type.Boolean()),
    note: Type.Optional(Nullable(Text(1000))),
  },
  { additionalProperties: false },
);
export type PreferenceBody = Static<typeof PreferenceBody>;

export const StatsQuery = Type.Object(
  {
    month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM: callbacks whose result was given that (local) month' }),
    siteId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type StatsQuery = Static<typeof StatsQuery>;

const Rate = Nullable(Type.Number({ description: 'A share in [0, 1]; null when there is nothing to divide by' }));

export const CallbackStats = Type.Object({
  month: Type.String(),
  required: Type.Object({
    total: Type.Integer({ description: 'Callbacks the policy required (responsible complaints, repairs …), withdrawn ones excluded' }),
    done: Type.Integer(),
    doneWithinLimit: Type.Integer(),
    unreachable: Type.Integer(),
    waived: Type.Integer({ description: 'The customer declined on the call, or refused / stayed anonymous after the result: not missed' }),
    pending: Type.Integer(),
    overdue: Type.Integer({ description: 'Pending and past due' }),
    closedUnrecorded: Type.Integer({ description: 'Order closed with the callback not recorded: missed' }),
    rate: Rate,
  }, { description: 'rate = doneWithinLimit / (total − unreachable − waived)' }),
  waivedAtResult: Type.Object({ customerRefused: Type.Integer(), anonymous: Type.Integer() }),
  sampling: Type.Object({
    rate: Type.Number({ description: 'The month’s stored rate (or the current setting when the month has no frame yet)' }),
    mode: Type.String(),
    seed: Nullable(Type.String({ description: 'The month’s stored seed; only for those who may read the audit log' })),
    frameSize: Type.Integer({ description: 'Assistance complaints numbered in the organisation’s frame this month' }),
    total: Type.Integer({ description: 'Assistance complaints in your scope' }),
    sampled: Type.Integer(),
    requiredAtLeast: Type.Integer({ description: 'ceil(rate × total)' }),
    achievedRate: Rate,
    done: Type.Integer(),
    doneWithinLimit: Type.Integer(),
  }),
  requested: Type.Object({ total: Type.Integer(), done: Type.Integer() }),
  satisfaction: Type.Object({
    distribution: Type.Object(Object.fromEntries(CALLBACK_RATINGS.map((r) => [r, Type.Integer()])) as Record<(typeof CALLBACK_RATINGS)[number], ReturnType<typeof Type.Integer>>),
    rated: Type.Integer(),
    satisfied: Type.Integer(),
    satisfiedRate: Rate,
    reopened: Type.Integer({ description: 'Rated at or below the reopen threshold: the order went back to the department' }),
  }),
});

/** What a customer sees of a callback on the portal: nothing of the policy or sampling behind it. */
export const CustomerCallback = Type.Object({
  id: Type.Integer(),
  workOrderId: Type.Integer(),
  number: Type.String(),
  kind: Type.String(),
  result: Nullable(Type.String({ description: 'The result the callback asks about' })),
  answerable: Type.Boolean({ description: 'Waiting for the customer’s answer (pending, or not reached by phone)' }),
  version: Type.Integer(),
  rating: Nullable(RatingSchema),
  words: Nullable(Type.String()),
  answeredAt: Instant,
  reopenAtOrWorse: ReopenAtOrWorse,
});

export const AnswerBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The callback’s version you read; or send If-Match' })),
    text: Text(2000, { minLength: 1, description: 'The customer’s own words about the result' }),
    rating: RatingSchema,
  },
  { additionalProperties: false },
);
export type AnswerBody = Static<typeof AnswerBody>;
