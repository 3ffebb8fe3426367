import { DEFAULT_TIME_ZONE, hasPermission, inspectConversation, QUALITY_CHECKS, type CheckOutcome } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import { insertAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import { listSites } from '../organisations/organisation.repository.js';
import { orgChecker } from './checker-cache.js';
import { requireLanguageUse } from './lexicon.service.js';
import { localDayRange, localMonthRange } from './local-time.js';
import { qualitySettingsOf } from './org-quality-settings.js';
import { conversationToApi } from './quality.mapper.js';
import {
  appealsOfConversation, existingExternalIds, findConversation, findingsByAgent, findStaff, findStaffById, insertConversation, insertFindings,
  listConversations, listFindings, scoresByAgent, standingFindingsOf, type ConversationRow, type StaffRef,
} from './quality.repository.js';
import { findingPenalties, rescore } from './quality-score.js';
import { fromCsv, fromJson, type Channel, type JsonConversation, type ParsedConversation } from './transcript-import.js';
import { hitToApi } from './lexicon.mapper.js';

export const canInspect = (ctx: RequestContext) => hasPermission(ctx.actor.role, 'quality.inspect');

/** Days and months of quality results are the organisation's local ones (its first site's zone). */
export async function orgTimeZone(db: Db, orgId: number): Promise<string> {
  return (await listSites(db, orgId))[0]?.time_zone ?? DEFAULT_TIME_ZONE;
}

export interface ImportInput {
  conversations?: JsonConversation[];
  format?: 'json' | 'csv';
  content?: string;
  channel?: Channel;
}

/** Who each transcript names, resolved to staff of the organisation; an unknown agent refuses the import. */
async function resolveAgents(db: Db, orgId: number, parsed: ParsedConversation[]): Promise<number[]> {
  const userIds = [...new Set(parsed.flatMap((p) => ('userId' in p.agent ? [p.agent.userId] : [])))];
  const employeeNos = [...new Set(parsed.flatMap((p) => ('employeeNo' in p.agent ? [p.agent.employeeNo] : [])))];
  const staff = await findStaff(db, orgId, { userIds, employeeNos });
  const byId = new Map(staff.map((s) => [s.id, s.id]));
  const byNo = new Map<string, number>();
  for (const s of [...staff].sort((a, b) => a.id - b.id)) if (s.employee_no && !byNo.has(s.employee_no)) byNo.set(s.employee_no, s.id);
  return parsed.map((p) => {
    const id = 'userId' in p.agent ? byId.get(p.agent.userId) : byNo.get(p.agent.employeeNo);
    if (id === undefined) {
      const who = 'userId' in p.agent ? `user ${p.agent.userId}` : `工号 ${p.agent.employeeNo}`;
      throw new AppError('unknown_reference', `${p.where}: no staff member ${who} in this organisation`, { where: p.where });
    }
    return id;
  });
}

/**
 * Imports transcripts and inspects each at once with the organisation's
 * lexicon and quality settings. A transcript whose externalId is already
 * stored (or repeated in the file) is skipped, so re-sending a day's export
 * is harmless. One transaction, one audit record for the import.
 */
export async function importConversations(app: AppContext, ctx: RequestContext, input: ImportInput) {
  requireLanguageUse(ctx);
  if (!canInspect(ctx)) throw new AppError('forbidden', 'only supervisors import conversations');
  const orgId = ctx.actor.orgId;
  let parsed: ParsedConversation[];
  if (input.format === 'csv') {
    if (input.content === undefined) throw new AppError('validation_failed', 'format csv needs content', { field: 'content' });
    parsed = fromCsv(input.content, { channel: input.channel ?? 'chat', timeZone: await orgTimeZone(app.db, orgId) });
  } else {
    if (!input.conversations) throw new AppError('validation_failed', 'conversations (or format csv with content) is required', { field: 'conversations' });
    parsed = fromJson(input.conversations);
  }
  const agents = await resolveAgents(app.db, orgId, parsed);
  const { checker, version } = await orgChecker(app, app.db, orgId, ctx.now);
  const settings = await qualitySettingsOf(app.db, orgId);
  const stored = await existingExternalIds(app.db, orgId, parsed.flatMap((p) => (p.externalId ? [p.externalId] : [])));
  const at = ctx.now.getTime();

  return app.db.transaction().execute(async (trx) => {
    const imported: { id: number; externalId: string | null; agentId: number; score: number; findings: number }[] = [];
    const skipped: { externalId: string; reason: string }[] = [];
    const seen = new Set<string>();
    for (const [i, p] of parsed.entries()) {
      if (p.externalId && (stored.has(p.externalId) || seen.has(p.externalId))) {
        skipped.push({ externalId: p.externalId, reason: 'duplicate' });
        continue;
      }
      if (p.externalId) seen.add(p.externalId);
      const report = inspectConversation({ turns: p.turns, ...(p.complaint !== null ? { complaint: p.complaint } : {}), ...(p.endedBy ? { endedBy: p.endedBy } : {}) }, checker, settings);
      const penalties = findingPenalties(report, settings);
      const row = await insertConversation(trx, {
        org_id: orgId, external_id: p.externalId, agent_id: agents[i]!, channel: p.channel, started_at: p.startedAt,
        complaint: p.complaint === null ? null : p.complaint ? 1 : 0, ended_by: p.endedBy, turns_json: JSON.stringify(p.turns),
        checks_json: JSON.stringify(report.checks), score: report.score, original_score: report.score, lexicon_version: version,
        imported_by: ctx.actor.userId, imported_at: at, reviewed_by: null, reviewed_at: null, review_note: null,
      });
      if (!row) {
        skipped.push({ externalId: p.externalId!, reason: 'duplicate' });
        continue;
      }
      await insertFindings(trx, report.findings.map((f, k) => ({
        org_id: orgId, conversation_id: row.id, turn_index: f.turnIndex, check_name: f.check, message: f.message,
        hit_json: f.hit ? JSON.stringify(hitToApi(f.hit)) : null, penalty: penalties[k]!, status: 'standing', created_at: at,
      })));
      imported.push({ id: row.id, externalId: row.external_id, agentId: row.agent_id, score: row.score, findings: report.findings.length });
    }
    await insertAudit(trx, {
      orgId, actorId: ctx.actor.userId, action: 'quality.import', entityType: 'quality_import', entityId: ctx.requestId,
      after: { imported: imported.map(({ id, externalId, score }) => ({ id, externalId, score })), skipped, lexiconVersion: version },
      at: ctx.now, requestId: ctx.requestId,
    });
    return { imported, skipped };
  });
}

/** A conversation the caller may read: inspectors all of the organisation, everyone else their own. */
export async function readableConversation(app: AppContext, ctx: RequestContext, id: number): Promise<ConversationRow> {
  requireLanguageUse(ctx);
  const row = await findConversation(app.db, ctx.actor.orgId, id);
  if (!row || (!canInspect(ctx) && row.agent_id !== ctx.actor.userId)) throw new AppError('not_found', `conversation ${id}`);
  return row;
}

/** Agents see only themselves; asking for someone else is refused, not silently narrowed. */
function agentScope(ctx: RequestContext, agentId: number | undefined): number | undefined {
  if (canInspect(ctx)) return agentId;
  if (agentId !== undefined && agentId !== ctx.actor.userId) throw new AppError('forbidden', "only supervisors see other agents' inspections");
  return ctx.actor.userId;
}

export async function listInspected(app: AppContext, ctx: RequestContext, query: { date?: string; agentId?: number; limit?: number }) {
  requireLanguageUse(ctx);
  const orgId = ctx.actor.orgId;
  const agentId = agentScope(ctx, query.agentId);
  let range: [number, number] | undefined;
  if (query.date) {
    range = localDayRange(query.date, await orgTimeZone(app.db, orgId));
    if (!range) throw new AppError('validation_failed', `no such date ${query.date}`, { field: 'date' });
  }
  const rows = await listConversations(app.db, {
    orgId, limit: query.limit ?? 200, ...(agentId !== undefined ? { agentId } : {}), ...(range ? { from: range[0], to: range[1] } : {}),
  });
  const standing = await standingFindingsOf(app.db, orgId, rows.map((r) => r.id));
  const items = rows.map((r) => {
    const findings = standing.filter((f) => f.conversation_id === r.id);
    return {
      id: r.id,
      externalId: r.external_id,
      agent: { id: r.agent_id, name: r.display_name, employeeNo: r.employee_no },
      channel: r.channel,
      startedAt: new Date(r.started_at).toISOString(),
      complaint: r.complaint === null ? null : r.complaint === 1,
      score: r.score,
      originalScore: r.original_score,
      reviewed: r.reviewed_at !== null,
      reasons: findings.map((f) => ({ findingId: f.id, check: f.check_name, turnIndex: f.turn_index, message: f.message })),
    };
  });
  return { items };
}

export async function conversationDetail(app: AppContext, ctx: RequestContext, id: number) {
  const row = await readableConversation(app, ctx, id);
  return detailOf(app.db, row);
}

export async function detailOf(db: Db, row: ConversationRow) {
  const findings = await listFindings(db, row.org_id, row.id);
  const appeals = await appealsOfConversation(db, row.org_id, row.id);
  const agent = await findStaffById(db, row.org_id, row.agent_id);
  const reviewer: StaffRef | undefined = row.reviewed_by === null ? undefined : await findStaffById(db, row.org_id, row.reviewed_by);
  const inspected = JSON.parse(row.checks_json) as CheckOutcome[];
  const now = rescore(inspected, findings.map((f) => ({ check: f.check_name, penalty: f.penalty, standing: f.status === 'standing' }))).checks;
  return conversationToApi(row, agent, reviewer, findings, appeals, now);
}

/** Each agent's month: conversations, average and lowest score, standing findings by check. */
export async function monthlyResults(app: AppContext, ctx: RequestContext, query: { month?: string; agentId?: number }) {
  requireLanguageUse(ctx);
  const orgId = ctx.actor.orgId;
  const agentId = agentScope(ctx, query.agentId);
  const timeZone = await orgTimeZone(app.db, orgId);
  const month = query.month ?? new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit' }).format(ctx.now);
  const range = localMonthRange(month, timeZone);
  if (!range) throw new AppError('validation_failed', `no such month ${month}`, { field: 'month' });
  const scores = await scoresByAgent(app.db, orgId, range[0], range[1], agentId);
  const findings = await findingsByAgent(app.db, orgId, range[0], range[1], agentId);
  return {
    month,
    items: scores.map((s) => {
      const byCheck = Object.fromEntries(QUALITY_CHECKS.map((c) => [c, 0])) as Record<string, number>;
      for (const f of findings) if (f.agent_id === s.agent_id) byCheck[f.check_name] = Number(f.n);
      return {
        agent: { id: s.agent_id, name: s.display_name, employeeNo: s.employee_no },
        conversations: Number(s.n),
        averageScore: Math.round(Number(s.average) * 10) / 10,
        lowestScore: Number(s.lowest),
        findingsByCheck: byCheck,
      };
    }),
  };
}
