/**
 * What the service-language API answers (packages/server/src/language/*.schemas.ts),
 * as the desk reads it. Codes stay codes here; screens label them through i18n.
 */

/** One forbidden or non-standard phrase found by POST /language/check; offsets are UTF-16 indices into the text sent. */
export interface Hit {
  phrase: string;
  category: string;
  severity: string;
  start: number;
  end: number;
  rule: string;
  suggestion: string;
  matchedText: string;
}

export interface CheckResult { lexiconVersion: number; hits: Hit[] }

export const MOMENTS = [
  'opening', 'festivalOpening', 'askToWait', 'waitOver45s', 'afterWait', 'transfer',
  'apology', 'angryCustomer', 'customerThanks', 'cannotAnswerNow', 'escalation',
  'refusePersonalData', 'agentIdentity', 'closing', 'festivalClosing',
  'callbackInquiry', 'callbackComplaint', 'callbackSurvey',
  'silentCaller', 'abusiveCaller', 'wrongNumber', 'outage', 'lowVoice', 'unclearSpeech', 'brokenLine',
] as const;
export type Moment = (typeof MOMENTS)[number];

/** Variables the server fills in a phrase template. */
export const PHRASE_VARIABLES = ['center', 'agentNo', 'customer'] as const;

export interface RenderedPhrase {
  id: number;
  seedKey: string | null;
  moment: string;
  /** Rendered for the caller: {center} and {agentNo} filled, {customer} when given. */
  text: string;
  template: string;
  followUp: string | null;
  note: string | null;
  /** Switched off: listed in the library for administrators, offered in no reply box. */
  enabled: boolean;
  version: number;
  missing: string[];
  festival: boolean;
}

export interface PhraseList {
  date: string | null;
  siteId: number | null;
  holiday: string | null;
  festival: boolean;
  items: RenderedPhrase[];
}

export const GROUPS = ['蔑视语', '烦躁语', '否定语', '斗气语', '模糊用语', '口头禅', '不规范用语'] as const;
export type Group = (typeof GROUPS)[number];
export const SCOPES = ['anywhere', 'clauseStart', 'wholeClause'] as const;
export const SEVERITIES = ['forbidden', 'nonStandard'] as const;

export interface LexiconRule {
  id: number;
  key: string;
  phrase: string;
  group: string;
  severity: string;
  suggestion: string;
  patterns: string[] | null;
  scope: string;
  exceptions: string[];
  unlessAfter: string[];
  note: string | null;
  sources: { seed: string; at: string }[];
  enabled: boolean;
  version: number;
}

export interface Agent { id: number; name: string | null; employeeNo: string | null }

export const QUALITY_CHECKS = [
  'opening', 'forbiddenPhrases', 'waitNotice', 'afterWait', 'complaintApology', 'agentIdentity', 'abusiveCaller', 'closing',
] as const;

export interface Reason { findingId: number; check: string; turnIndex: number; message: string }

export interface ConversationSummary {
  id: number;
  externalId: string | null;
  agent: Agent;
  channel: string;
  startedAt: string;
  complaint: boolean | null;
  score: number;
  originalScore: number;
  reviewed: boolean;
  reasons: Reason[];
}

export interface Appeal {
  id: number;
  findingId: number;
  conversationId: number;
  appellantId: number;
  reason: string;
  status: 'pending' | 'accepted' | 'rejected';
  createdAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface Finding {
  id: number;
  check: string;
  turnIndex: number;
  message: string;
  hit: Partial<Hit> | null;
  status: string;
  deduction: number;
  appeal: Appeal | null;
}

export interface ConversationDetail {
  id: number;
  externalId: string | null;
  agent: Agent;
  channel: string;
  startedAt: string;
  complaint: boolean | null;
  endedBy: string | null;
  score: number;
  originalScore: number;
  lexiconVersion: number;
  importedAt: string;
  review: { by: Agent; at: string; note: string | null } | null;
  checks: { check: string; applicable: boolean; weight: number; earned: number }[];
  turns: { index: number; speaker: string; at: number; time: string; text: string; findings: Finding[] }[];
}

export interface MonthlyRow {
  agent: Agent;
  conversations: number;
  averageScore: number;
  lowestScore: number;
  findingsByCheck: Record<string, number>;
}

export interface ImportResult {
  imported: { id: number; externalId: string | null; agentId: number; score: number; findings: number }[];
  skipped: { externalId: string; reason: string }[];
}

export interface AppealRow extends Appeal {
  finding: { check: string; message: string; turnIndex: number };
  appellant: Agent;
}

export const agentName = (a: Agent) => `${a.name ?? ''}${a.employeeNo ? `（${a.employeeNo}）` : ''}` || `#${a.id}`;
