import { Type, type Static } from 'typebox';
import { CALLBACK_RATINGS, COMPLAINT_NATURES, COMPLAINT_SEVERITIES, HANDLING_PARTIES, MAJOR_REASONS } from '@huiyin/domain';
import { DateTime, Id, Line, Nullable, Text } from '../http/schema-helpers.js';
import { AGENCY_SERVICES } from './directory.service.js';

/** Own copy of the enum helper: work-order.schemas imports this file, so importing back would be a cycle. */
const oneOf = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

const DecidedNatureSchema = oneOf(['responsible', 'non_responsible', 'assistance'] as const, '责任 responsible, 无责任 non_responsible, 协助处理 assistance');
const ReasonSchema = oneOf(MAJOR_REASONS, 'S1 4.6.2.2: repeated_unresolved (1), major_loss_or_injury (2), unresolved_one_month (3), government_or_media (4), collective (5), manual');
const VersionField = Type.Optional(Type.Integer({ minimum: 1, description: 'The version you read; or send If-Match' }));
const Iso = Type.String({ format: 'date-time' });
const Person = Nullable(Type.Object({ id: Type.Integer(), name: Type.String(), employeeNo: Nullable(Type.String()) }));

export const ClassificationBody = Type.Union([
  Type.Object({ action: Type.Literal('decide_nature'), version: VersionField, nature: DecidedNatureSchema, basis: Type.Optional(Nullable(Text(2000, { description: 'Why; after an on-site determination, the staff opinion (required then)' }))) }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('book_determination'), version: VersionField, appointmentAt: DateTime({ description: 'Time agreed with the customer for the on-site determination (待界定)' }), attendees: Type.Optional(Type.Array(Line(100), { maxItems: 20 })) }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('add_reason'), version: VersionField, reason: ReasonSchema, detail: Line(2000) }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('withdraw_reason'), version: VersionField, reason: ReasonSchema, detail: Line(2000) }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('confirm_upgrade'), version: VersionField, reason: Type.Optional(ReasonSchema), detail: Type.Optional(Nullable(Text(2000))) }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('dismiss_upgrade'), version: VersionField, reason: Type.Optional(ReasonSchema), detail: Line(2000) }, { additionalProperties: false }),
]);
export type ClassificationBody = Static<typeof ClassificationBody>;

const ConfirmForbidden = Type.Optional(Type.Boolean({
  description: 'Send the customer-visible text despite forbidden-phrase hits (recorded in the audit log); without it such a text answers 422 forbidden_phrase with the hits',
}));

export const HandlingBody = Type.Union([
  Type.Object({
    action: Type.Literal('explain'), version: VersionField, confirmForbidden: ConfirmForbidden,
    text: Line(4000, { description: 'What was explained to the customer (non-responsible, S1 4.6.3.2)' }),
  }, { additionalProperties: false }),
  Type.Object({
    action: Type.Literal('give_agencies'), version: VersionField, confirmForbidden: ConfirmForbidden,
    agencyIds: Type.Array(Id, { minItems: 1, maxItems: 20, description: 'Directory entries given to the customer (assistance, S1 4.6.3.3(1))' }),
    text: Type.Optional(Nullable(Text(2000))),
  }, { additionalProperties: false }),
]);
export type HandlingBody = Static<typeof HandlingBody>;

/** ≤ 200 KB of PNG is at most ~273 KB of base64; the route's body limit allows for it. */
export const ConfirmationBody = Type.Object({
  version: VersionField,
  text: Type.Optional(Nullable(Line(2000, { description: 'The customer’s own words confirming completion' }))),
  signature: Type.Optional(Nullable(Type.String({ maxLength: 300_000, description: 'data:image/png;base64,… — a PNG of at most 200 KB' }))),
  signerName: Type.Optional(Nullable(Line(100))),
  rating: Type.Optional(Nullable(oneOf(CALLBACK_RATINGS, 'The customer’s rating of the result, on the callback scale 非常满意 very_satisfied … 非常不满意 very_dissatisfied; 不满意 or worse reopens the order instead of confirming it'))),
}, { additionalProperties: false });
export type ConfirmationBody = Static<typeof ConfirmationBody>;

export const ConfirmationView = Type.Object({
  id: Type.Integer(), method: Type.String({ description: 'text | signature' }), text: Nullable(Type.String()), signerName: Nullable(Type.String()),
  byCustomer: Type.Boolean(), rating: Nullable(oneOf(CALLBACK_RATINGS)), at: Iso, signature: Type.Optional(Nullable(Type.String({ description: 'PNG data URL' }))),
});

const MemberRef = Type.Object({ id: Type.Integer(), number: Type.String(), status: Type.String(), severity: Nullable(Type.String()), receivedAt: Iso });
export const CollectiveGroupView = Type.Object({
  id: Type.Integer(), siteId: Type.Integer(), summary: Type.String(), createdAt: Iso, distinctCustomers: Type.Integer(), members: Type.Array(MemberRef),
});

export const AgencyView = Type.Object({
  id: Type.Integer(), siteId: Nullable(Type.Integer()), service: Type.String(), name: Type.String(), phone: Type.String(), notes: Nullable(Type.String()),
});

export const ComplaintView = Type.Object({
  nature: oneOf(COMPLAINT_NATURES),
  handledAs: DecidedNatureSchema,
  natureConfirmed: Type.Boolean({ description: 'False while the nature is the intake default or an on-site determination is pending' }),
  severity: oneOf(COMPLAINT_SEVERITIES),
  basis: Nullable(Type.String()),
  classifiedAt: Nullable(Iso),
  classifiedBy: Person,
  majorReasons: Type.Array(Type.Object({ reason: ReasonSchema, detail: Type.String(), at: Iso, by: Person, automatic: Type.Boolean() })),
  withdrawnReasons: Type.Array(ReasonSchema),
  determination: Nullable(Type.Object({ appointmentAt: Iso, attendees: Type.Array(Type.String()), bookedBy: Person, bookedAt: Iso, pending: Type.Boolean() })),
  collectiveGroup: Nullable(CollectiveGroupView),
  upgradeSuggestions: Type.Array(Type.Object({ reason: ReasonSchema, detail: Type.String(), at: Iso, relatedOrders: Type.Array(Type.Object({ id: Type.Integer(), number: Type.String() })) })),
  authority: Type.Object({
    lead: oneOf(HANDLING_PARTIES),
    assist: Type.Array(oneOf(HANDLING_PARTIES)),
    cases: Type.Array(Type.String()),
  }, { description: 'Who handles it (S1 4.6.2.3): general_manager leads major and government/media complaints' }),
  explanation: Nullable(Type.Object({ status: oneOf(['pending', 'done'] as const), text: Nullable(Type.String()), at: Nullable(Iso), by: Person })),
  agencies: Type.Array(AgencyView, { description: 'The site’s agency directory, for assistance complaints' }),
});

/** Added to the work-order detail. */
export const ComplaintDetailProperties = {
  complaint: Nullable(ComplaintView),
  suggestedDepartmentId: Nullable(Type.Integer({ description: 'From the category routing table: the nearest mapped ancestor of the order’s category' })),
  /** The customer's confirmation of the current result; null before it, and again once the order is reopened. */
  confirmation: Nullable(ConfirmationView),
};

export const AgencyBody = Type.Object({
  siteId: Type.Optional(Nullable(Id)),
  service: oneOf(AGENCY_SERVICES, '供水 water, 供电 power, 供热 heating, 供气 gas, 有线电视 cable_tv, 电话 telephone, other'),
  name: Line(100),
  phone: Type.String({ minLength: 3, maxLength: 32, pattern: '^[0-9+()（）\\- ]+$' }),
  notes: Type.Optional(Nullable(Text(1000))),
}, { additionalProperties: false });
export type AgencyBody = Static<typeof AgencyBody>;

export const AgencyPatchBody = Type.Object({
  siteId: Type.Optional(Nullable(Id)),
  service: Type.Optional(AgencyBody.properties.service),
  name: Type.Optional(AgencyBody.properties.name),
  phone: Type.Optional(AgencyBody.properties.phone),
  notes: Type.Optional(Nullable(Text(1000))),
}, { additionalProperties: false, minProperties: 1 });

export const RoutingBody = Type.Object({
  items: Type.Array(Type.Object({ categoryId: Id, departmentId: Id }, { additionalProperties: false }), { maxItems: 2000 }),
}, { additionalProperties: false });

export const RoutingView = Type.Object({
  items: Type.Array(Type.Object({ categoryId: Type.Integer(), categoryPath: Type.String(), departmentId: Type.Integer(), departmentName: Type.String() })),
});
