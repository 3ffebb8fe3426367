import { Type } from 'typebox';
import { DateTime, Id, Line, Nullable, Text } from '../http/schema-helpers.js';
import { IMPORT_LIMITS } from './transcript-import.js';

const Speaker = Type.Union([Type.Literal('agent'), Type.Literal('customer')]);
const Channel = Type.Union([Type.Literal('chat'), Type.Literal('call')]);

/** A whole day's CSV export of a busy desk fits comfortably. */
export const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;

const Turn = Type.Object(
  {
    speaker: Speaker,
    at: Type.Union([DateTime(), Type.Integer({ minimum: 0, description: 'ms since startedAt' })], { description: 'An ISO instant, or ms since startedAt' }),
    text: Text(IMPORT_LIMITS.turnText),
  },
  { additionalProperties: false },
);

const ConversationIn = Type.Object(
  {
    externalId: Type.Optional(Line(100, { description: 'The id in the chat or call system; a repeated id is skipped' })),
    agentUserId: Type.Optional(Id),
    agentEmployeeNo: Type.Optional(Line(32)),
    channel: Channel,
    startedAt: DateTime(),
    complaint: Type.Optional(Type.Boolean({ description: 'Known to be a complaint (else a customer turn saying 投诉 makes it one)' })),
    endedBy: Type.Optional(Speaker),
    turns: Type.Array(Turn, { minItems: 1, maxItems: IMPORT_LIMITS.turns }),
  },
  { additionalProperties: false },
);

export const ImportBody = Type.Object(
  {
    conversations: Type.Optional(Type.Array(ConversationIn, { minItems: 1, maxItems: IMPORT_LIMITS.conversations })),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
    content: Type.Optional(Type.String({ maxLength: 6 * 1024 * 1024, description: 'CSV: conversation_id, agent_employee_no, speaker, time, text [, channel, complaint, ended_by]' })),
    channel: Type.Optional(Channel),
  },
  { additionalProperties: false },
);

export const ImportResult = Type.Object({
  imported: Type.Array(Type.Object({ id: Type.Integer(), externalId: Nullable(Type.String()), agentId: Type.Integer(), score: Type.Integer(), findings: Type.Integer() })),
  skipped: Type.Array(Type.Object({ externalId: Type.String(), reason: Type.String() })),
});

const Agent = Type.Object({ id: Type.Integer(), name: Nullable(Type.String()), employeeNo: Nullable(Type.String()) });

export const ConversationListQuery = Type.Object(
  {
    date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Local day of the organisation' })),
    agentId: Type.Optional(Id),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);

export const ConversationList = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.Integer(),
    externalId: Nullable(Type.String()),
    agent: Agent,
    channel: Type.String(),
    startedAt: Type.String(),
    complaint: Nullable(Type.Boolean()),
    score: Type.Integer(),
    originalScore: Type.Integer(),
    reviewed: Type.Boolean(),
    reasons: Type.Array(Type.Object({ findingId: Type.Integer(), check: Type.String(), turnIndex: Type.Integer(), message: Type.String() })),
  })),
});

export const Appeal = Type.Object({
  id: Type.Integer(),
  findingId: Type.Integer(),
  conversationId: Type.Integer(),
  appellantId: Type.Integer(),
  reason: Type.String(),
  status: Type.String(),
  createdAt: Type.String(),
  decidedBy: Nullable(Type.Integer()),
  decidedAt: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
});

const Finding = Type.Object({
  id: Type.Integer(),
  check: Type.String(),
  turnIndex: Type.Integer(),
  message: Type.String(),
  hit: Nullable(Type.Object({}, { additionalProperties: true })),
  status: Type.String({ description: 'standing, or removed by an accepted appeal' }),
  deduction: Type.Number({ description: 'Score points this finding costs' }),
  appeal: Nullable(Appeal),
});

export const ConversationDetail = Type.Object({
  id: Type.Integer(),
  externalId: Nullable(Type.String()),
  agent: Agent,
  channel: Type.String(),
  startedAt: Type.String(),
  complaint: Nullable(Type.Boolean()),
  endedBy: Nullable(Type.String()),
  score: Type.Integer(),
  originalScore: Type.Integer(),
  lexiconVersion: Type.Integer(),
  importedAt: Type.String(),
  review: Nullable(Type.Object({ by: Agent, at: Type.String(), note: Nullable(Type.String()) })),
  checks: Type.Array(Type.Object({ check: Type.String(), applicable: Type.Boolean(), weight: Type.Number(), earned: Type.Number() })),
  turns: Type.Array(Type.Object({
    index: Type.Integer(), speaker: Type.String(), at: Type.Integer(), time: Type.String(), text: Type.String(), findings: Type.Array(Finding),
  })),
});

export const MonthlyQuery = Type.Object(
  { month: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$' })), agentId: Type.Optional(Id) },
  { additionalProperties: false },
);

export const MonthlyResults = Type.Object({
  month: Type.String(),
  items: Type.Array(Type.Object({
    agent: Agent,
    conversations: Type.Integer(),
    averageScore: Type.Number(),
    lowestScore: Type.Integer(),
    findingsByCheck: Type.Record(Type.String(), Type.Integer()),
  })),
});

export const ReviewBody = Type.Object({ note: Line(2000) }, { additionalProperties: false });
export const AppealBody = Type.Object({ reason: Line(2000) }, { additionalProperties: false });
export const DecisionBody = Type.Object({ accepted: Type.Boolean(), note: Line(2000) }, { additionalProperties: false });

export const DecisionResult = Type.Object({ appeal: Appeal, conversationId: Type.Integer(), score: Type.Integer(), previousScore: Type.Integer() });

export const AppealListQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('rejected')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);

export const AppealList = Type.Object({
  items: Type.Array(Type.Object({
    ...Appeal.properties,
    finding: Type.Object({ check: Type.String(), message: Type.String(), turnIndex: Type.Integer() }),
    appellant: Agent,
  })),
});
