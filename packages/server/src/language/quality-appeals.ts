import type { CheckOutcome } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import { insertAudit } from '../audit/audit.repository.js';
import { AppError } from '../errors/app-error.js';
import { requireLanguageUse } from './lexicon.service.js';
import { appealToApi } from './quality.mapper.js';
import {
  decideAppeal, findAppeal, findAppealOfFinding, findConversation, findFinding, insertAppeal, listAppeals, listFindings, setFindingStatus,
  updateConversation,
} from './quality.repository.js';
import { rescore } from './quality-score.js';
import { canInspect, detailOf, readableConversation } from './quality.service.js';

/** The caller may see it but not do this: 403; cannot even see it: 404 (as everywhere else). */
function refuse(visible: boolean, what: string, why: string): never {
  throw visible ? new AppError('forbidden', why) : new AppError('not_found', what);
}

/** A supervisor's review of an inspected conversation (a later review replaces the note; the audit keeps both). */
export async function reviewConversation(app: AppContext, ctx: RequestContext, id: number, note: string) {
  const row = await readableConversation(app, ctx, id);
  if (!canInspect(ctx)) refuse(true, `conversation ${id}`, 'only supervisors review inspections');
  return app.db.transaction().execute(async (trx) => {
    const changes = { reviewed_by: ctx.actor.userId, reviewed_at: ctx.now.getTime(), review_note: note.trim() };
    const updated = await updateConversation(trx, ctx.actor.orgId, id, changes);
    await insertAudit(trx, {
      orgId: ctx.actor.orgId, actorId: ctx.actor.userId, action: 'quality.review', entityType: 'quality_conversation', entityId: id,
      before: { reviewedBy: row.reviewed_by, reviewNote: row.review_note }, after: { reviewedBy: ctx.actor.userId, reviewNote: changes.review_note, score: row.score },
      at: ctx.now, requestId: ctx.requestId,
    });
    return detailOf(trx, updated);
  });
}

/** The agent of the conversation contests one finding; one appeal per finding. */
export async function appealFinding(app: AppContext, ctx: RequestContext, findingId: number, reason: string) {
  requireLanguageUse(ctx);
  const orgId = ctx.actor.orgId;
  const finding = await findFinding(app.db, orgId, findingId);
  const conversation = finding ? await findConversation(app.db, orgId, finding.conversation_id) : undefined;
  if (!finding || !conversation) throw new AppError('not_found', `finding ${findingId}`);
  const own = conversation.agent_id === ctx.actor.userId;
  if (!own) refuse(canInspect(ctx), `finding ${findingId}`, 'only the inspected agent appeals a finding');
  return app.db.transaction().execute(async (trx) => {
    if (await findAppealOfFinding(trx, orgId, findingId)) throw new AppError('already_appealed', `finding ${findingId}`);
    const appeal = await insertAppeal(trx, {
      org_id: orgId, finding_id: findingId, conversation_id: conversation.id, appellant_id: ctx.actor.userId, reason: reason.trim(),
      status: 'pending', created_at: ctx.now.getTime(), decided_by: null, decided_at: null, decision_note: null,
    });
    await insertAudit(trx, {
      orgId, actorId: ctx.actor.userId, action: 'quality.appeal', entityType: 'quality_finding', entityId: findingId,
      after: { appealId: appeal.id, conversationId: conversation.id, check: finding.check_name, reason: appeal.reason },
      at: ctx.now, requestId: ctx.requestId,
    });
    return appealToApi(appeal);
  });
}

/**
 * The supervisor decides. Accepting removes the finding's deduction and
 * re-scores the conversation from its inspected checks; rejecting leaves the
 * score as it is. Either way the decision is final and audited.
 */
export async function decideFindingAppeal(app: AppContext, ctx: RequestContext, appealId: number, input: { accepted: boolean; note: string }) {
  requireLanguageUse(ctx);
  const orgId = ctx.actor.orgId;
  const appeal = await findAppeal(app.db, orgId, appealId);
  if (!appeal || (!canInspect(ctx) && appeal.appellant_id !== ctx.actor.userId)) throw new AppError('not_found', `appeal ${appealId}`);
  if (!canInspect(ctx)) refuse(true, `appeal ${appealId}`, 'only supervisors decide appeals');
  return app.db.transaction().execute(async (trx) => {
    const now = ctx.now.getTime();
    const decided = await decideAppeal(trx, orgId, appealId, {
      status: input.accepted ? 'accepted' : 'rejected', decided_by: ctx.actor.userId, decided_at: now, decision_note: input.note.trim(),
    });
    if (!decided) throw new AppError('appeal_decided', `appeal ${appealId}`, { status: appeal.status });
    const conversation = (await findConversation(trx, orgId, appeal.conversation_id))!;
    let score = conversation.score;
    if (input.accepted) {
      await setFindingStatus(trx, orgId, appeal.finding_id, 'removed');
      const findings = await listFindings(trx, orgId, conversation.id);
      const inspected = JSON.parse(conversation.checks_json) as CheckOutcome[];
      score = rescore(inspected, findings.map((f) => ({ check: f.check_name, penalty: f.penalty, standing: f.status === 'standing' }))).score;
      await updateConversation(trx, orgId, conversation.id, { score });
    }
    await insertAudit(trx, {
      orgId, actorId: ctx.actor.userId, action: 'quality.appeal_decision', entityType: 'quality_appeal', entityId: appealId,
      before: { status: appeal.status, score: conversation.score },
      after: { status: decided.status, note: decided.decision_note, findingId: appeal.finding_id, conversationId: conversation.id, score },
      at: ctx.now, requestId: ctx.requestId,
    });
    return { appeal: appealToApi(decided), conversationId: conversation.id, score, previousScore: conversation.score };
  });
}

export async function listFindingAppeals(app: AppContext, ctx: RequestContext, query: { status?: string; limit?: number }) {
  requireLanguageUse(ctx);
  const rows = await listAppeals(app.db, {
    orgId: ctx.actor.orgId, limit: query.limit ?? 200,
    ...(query.status ? { status: query.status } : {}),
    ...(canInspect(ctx) ? {} : { appellantId: ctx.actor.userId }),
  });
  return {
    items: rows.map((r) => ({
      id: r.id, findingId: r.finding_id, conversationId: r.conversation_id, appellantId: r.appellant_id, reason: r.reason, status: r.status,
      createdAt: new Date(r.created_at).toISOString(), decidedBy: r.decided_by, decidedAt: r.decided_at === null ? null : new Date(r.decided_at).toISOString(),
      decisionNote: r.decision_note,
      finding: { check: r.check_name, message: r.message, turnIndex: r.turn_index },
      appellant: { id: r.appellant_id, name: r.display_name, employeeNo: r.employee_no },
    })),
  };
}
