import type { CheckOutcome, TranscriptTurn } from '@huiyin/domain';
import type { AppealRow, ConversationRow, FindingRow, StaffRef } from './quality.repository.js';
import { deductionPoints } from './quality-score.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function staffToApi(s: StaffRef | undefined, id: number) {
  return { id, name: s?.display_name ?? null, employeeNo: s?.employee_no ?? null };
}

export function appealToApi(a: AppealRow) {
  return {
    id: a.id,
    findingId: a.finding_id,
    conversationId: a.conversation_id,
    appellantId: a.appellant_id,
    reason: a.reason,
    status: a.status,
    createdAt: iso(a.created_at)!,
    decidedBy: a.decided_by,
    decidedAt: iso(a.decided_at),
    decisionNote: a.decision_note,
  };
}

export function findingToApi(f: FindingRow, checks: readonly CheckOutcome[], appeal: AppealRow | undefined) {
  return {
    id: f.id,
    check: f.check_name,
    turnIndex: f.turn_index,
    message: f.message,
    hit: f.hit_json ? (JSON.parse(f.hit_json) as Record<string, unknown>) : null,
    status: f.status,
    deduction: deductionPoints(checks, f.check_name, f.penalty),
    appeal: appeal ? appealToApi(appeal) : null,
  };
}

/** One inspected conversation: every turn with the findings that point at it. */
export function conversationToApi(
  c: ConversationRow,
  agent: StaffRef | undefined,
  reviewer: StaffRef | undefined,
  findings: readonly FindingRow[],
  appeals: readonly AppealRow[],
  checksNow: readonly CheckOutcome[],
) {
  const inspected = JSON.parse(c.checks_json) as CheckOutcome[];
  const turns = JSON.parse(c.turns_json) as TranscriptTurn[];
  const appealOf = new Map(appeals.map((a) => [a.finding_id, a]));
  const apiFindings = findings.map((f) => findingToApi(f, inspected, appealOf.get(f.id)));
  return {
    id: c.id,
    externalId: c.external_id,
    agent: staffToApi(agent, c.agent_id),
    channel: c.channel,
    startedAt: iso(c.started_at)!,
    complaint: c.complaint === null ? null : c.complaint === 1,
    endedBy: c.ended_by,
    score: c.score,
    originalScore: c.original_score,
    lexiconVersion: c.lexicon_version,
    importedAt: iso(c.imported_at)!,
    review: c.reviewed_at === null ? null : { by: staffToApi(reviewer, c.reviewed_by ?? 0), at: iso(c.reviewed_at)!, note: c.review_note },
    checks: checksNow.map((k) => ({ check: k.check, applicable: k.applicable, weight: k.weight, earned: Math.round(k.earned * 1000) / 1000 })),
    turns: turns.map((t, index) => ({
      index,
      speaker: t.speaker,
      at: t.at,
      time: iso(c.started_at + t.at)!,
      text: t.text,
      findings: apiFindings.filter((f) => f.turnIndex === index),
    })),
  };
}
