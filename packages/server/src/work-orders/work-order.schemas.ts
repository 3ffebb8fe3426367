import { Type, type Static } from 'typebox';
import { CHANNELS, REPLY_METHODS, WORK_ORDER_ACTIONS, WORK_ORDER_KINDS, WORK_ORDER_STATUSES } from '@huiyin/domain';
import { DateTime, Id, Line, Nullable, Text } from '../http/schema-helpers.js';
import { ComplaintDetailProperties } from '../complaints/complaint.schemas.js';
import { CallbackPreferenceView, CallbackView, ReopenAtOrWorse } from '../callbacks/callback.schemas.js';

/** A string enum from one of the domain's code lists: precise static type, plain `enum` in OpenAPI. */
export const literalUnion = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

export const KindSchema = literalUnion(WORK_ORDER_KINDS, '咨询 inquiry, 求助 help, 投诉 complaint, 报修 repair, 建议 suggestion, 表扬 praise');
export const ChannelSchema = literalUnion(CHANNELS);
export const ReplyMethodSchema = literalUnion(REPLY_METHODS);
const Phone = Type.String({ minLength: 3, maxLength: 32, pattern: '^[0-9+()（）\\- ]+$' });

export const CreateWorkOrderBody = Type.Object(
  {
    kind: KindSchema,
    channel: ChannelSchema,
    siteId: Id,
    description: Line(4000, { description: 'In the customer’s own words (S3: 投诉内容需按顾客的叙述为准)' }),
    customer: Type.Optional(
      Type.Object(
        { name: Line(100), phone: Phone, title: Type.Optional(Nullable(Line(20))) },
        { additionalProperties: false },
      ),
    ),
    customerId: Type.Optional(Id),
    unit: Type.Optional(Nullable(Text(200))),
    categoryId: Type.Optional(Nullable(Id)),
    agreedReplyMethod: Type.Optional(Nullable(ReplyMethodSchema)),
    agreedReplyAt: Type.Optional(Nullable(DateTime())),
    receivedAt: Type.Optional(Nullable(DateTime({ description: 'When the matter reached us; may be in the past (a letter logged later), never in the future' }))),
  },
  { additionalProperties: false },
);
export type CreateWorkOrderBody = Static<typeof CreateWorkOrderBody>;

const CustomerRef = Type.Object({ id: Type.Integer(), name: Type.String(), title: Nullable(Type.String()), phone: Nullable(Type.String({ description: 'Masked (138****1234) for roles without the contact permission' })) });

const SummaryProperties = {
  id: Type.Integer(),
  number: Type.String({ examples: ['HY2611250007'] }),
  kind: Type.String(),
  channel: Type.String(),
  status: literalUnion(WORK_ORDER_STATUSES),
  siteId: Type.Integer(),
  customer: CustomerRef,
  unit: Nullable(Type.String()),
  description: Type.String(),
  categoryId: Nullable(Type.Integer()),
  receivedAt: Type.String({ format: 'date-time' }),
  ownerId: Nullable(Type.Integer()),
  departmentId: Nullable(Type.Integer()),
  handlerId: Nullable(Type.Integer()),
  dueAt: Nullable(Type.String({ format: 'date-time' })),
  updatedAt: Type.String({ format: 'date-time' }),
  version: Type.Integer(),
};
export const WorkOrderSummary = Type.Object(SummaryProperties);

const PersonRef = Nullable(Type.Object({ id: Nullable(Type.Integer()), name: Nullable(Type.String()), employeeNo: Nullable(Type.String()) }));

export const TimelineEntry = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actor: PersonRef,
  data: Type.Record(Type.String(), Type.Unknown()),
  customerVisible: Type.Boolean(),
});

export const ClockView = Type.Object({
  kind: Type.String({ description: 'dispatch, department_reaction, result, inquiry_reply, transfer_handling, callback, auto_upgrade' }),
  state: Type.String({ description: 'running, paused, warned, breached, met, cancelled' }),
  limit: Type.Object({ unit: Type.String(), amount: Type.Integer() }),
  startedAt: Type.String({ format: 'date-time' }),
  dueAt: Type.String({ format: 'date-time' }),
  warnAt: Type.String({ format: 'date-time' }),
  provisional: Type.Boolean(),
  calendarVersion: Type.Integer(),
  pausedAt: Nullable(Type.String({ format: 'date-time' })),
  pauseReason: Nullable(Type.String()),
  warnedAt: Nullable(Type.String({ format: 'date-time' })),
  breachedAt: Nullable(Type.String({ format: 'date-time' })),
  metAt: Nullable(Type.String({ format: 'date-time' })),
});

export const WorkOrderDetail = Type.Object({
  ...SummaryProperties,
  categoryPath: Nullable(Type.String()),
  agreedReplyMethod: Nullable(Type.String()),
  agreedReplyAt: Nullable(Type.String({ format: 'date-time' })),
  owner: PersonRef,
  result: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
  nature: Nullable(Type.String()),
  severity: Nullable(Type.String()),
  clocks: Type.Array(ClockView),
  availableActions: Type.Array(Type.String()),
  timeline: Type.Array(TimelineEntry),
  ...ComplaintDetailProperties,
  callbacks: Type.Array(CallbackView, { description: 'Callbacks 回访 of this order (staff only; empty for customers)' }),
  callbackPreference: CallbackPreferenceView,
  reopenAtOrWorse: ReopenAtOrWorse,
});

export const OpenOrderRef = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  description: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
});

export const CreatedWorkOrder = Type.Object({
  ...WorkOrderDetail.properties,
  openOrdersForPhone: Type.Array(OpenOrderRef, { description: 'Other open orders of this phone number: add to one instead of making the customer start again' }),
});

export const ListQuery = Type.Object(
  {
    q: Type.Optional(Text(200, { description: 'Number, Chinese words (電梯 finds 电梯), customer name or unit' })),
    status: Type.Optional(Type.String({ maxLength: 200, pattern: '^[a-z_,]*$', description: 'Comma-separated statuses' })),
    kind: Type.Optional(Type.String({ maxLength: 200, pattern: '^[a-z_,]*$' })),
    channel: Type.Optional(Type.String({ maxLength: 200, pattern: '^[a-z_,]*$', description: 'Comma-separated channels (phone, online …)' })),
    siteId: Type.Optional(Id),
    departmentId: Type.Optional(Type.Union([Id, Type.Literal('none')], { description: 'A department, or none: not dispatched to any' })),
    categoryId: Type.Optional(Type.Union([Id, Type.Literal('none')], { description: 'Exactly this category (not its children), or none: uncategorised' })),
    clockOutcome: Type.Optional(Type.Union([Type.Literal('met'), Type.Literal('breached')], { description: 'Orders with an SLA clock that was met (never breached) or breached, ending between clockFrom and clockTo — the dashboard’s clock chart' })),
    clockFrom: Type.Optional(DateTime({ description: 'With clockOutcome: the clock ended (met or breached) at or after this instant' })),
    clockTo: Type.Optional(DateTime({ description: 'With clockOutcome: … and before this instant' })),
    ownerId: Type.Optional(Type.Union([Id, Type.Literal('me')])),
    customerId: Type.Optional(Id),
    phone: Type.Optional(Phone),
    overdue: Type.Optional(Type.Boolean()),
    from: Type.Optional(DateTime({ description: 'receivedAt ≥ from' })),
    to: Type.Optional(DateTime({ description: 'receivedAt < to' })),
    sort: Type.Optional(Type.Union([Type.Literal('received_desc'), Type.Literal('due_asc')], { description: 'due_asc lists only orders that have a due time' })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof ListQuery>;

export const WorkOrderList = Type.Object({ items: Type.Array(WorkOrderSummary), nextCursor: Nullable(Type.String()) });

const VersionField = Type.Optional(Type.Integer({ minimum: 1, description: 'The version you read; or send If-Match' }));

export const TransitionBody = Type.Object(
  {
    action: literalUnion(WORK_ORDER_ACTIONS),
    version: VersionField,
    text: Type.Optional(Nullable(Text(4000, { description: 'Result for give_result, reason for cancel/reopen' }))),
    departmentId: Type.Optional(Nullable(Id)),
    handlerId: Type.Optional(Nullable(Id)),
    confirmForbidden: Type.Optional(Type.Boolean({ description: 'The agent confirmed sending a customer-visible text despite forbidden-phrase hits: the hits are recorded in the audit log' })),
  },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;

export const TransferBody = Type.Object({ toUserId: Id, reason: Line(1000), version: VersionField }, { additionalProperties: false });
export type TransferBody = Static<typeof TransferBody>;

export const UpdateBody = Type.Object(
  {
    version: VersionField,
    description: Type.Optional(Line(4000)),
    unit: Type.Optional(Nullable(Text(200))),
    categoryId: Type.Optional(Nullable(Id)),
    agreedReplyMethod: Type.Optional(Nullable(ReplyMethodSchema)),
    agreedReplyAt: Type.Optional(Nullable(DateTime())),
    receivedAt: Type.Optional(DateTime()),
  },
  { additionalProperties: false },
);
export type UpdateBody = Static<typeof UpdateBody>;

export const NoteBody = Type.Object(
  {
    text: Line(4000),
    customerVisible: Type.Optional(Type.Boolean()),
    contact: Type.Optional(Type.Boolean({ description: 'The customer got in touch again about this order' })),
    confirmForbidden: Type.Optional(Type.Boolean({ description: 'Send a customer-visible note despite forbidden-phrase hits (recorded in the audit log)' })),
  },
  { additionalProperties: false },
);
export type NoteBody = Static<typeof NoteBody>;
