import type { Insertable, Selectable, Updateable } from 'kysely';
import type { QualityAppealTable, QualityConversationTable, QualityFindingTable } from '../db/schema.js';
import type { Db } from '../db/types.js';

export type ConversationRow = Selectable<QualityConversationTable>;
export type FindingRow = Selectable<QualityFindingTable>;
export type AppealRow = Selectable<QualityAppealTable>;

export interface StaffRef {
  id: number;
  display_name: string;
  employee_no: string | null;
}

/** Staff (never portal customers) of the organisation by id or 工号: the agents transcripts name. */
export async function findStaff(db: Db, orgId: number, ref: { userIds: number[]; employeeNos: string[] }): Promise<(StaffRef & { role: string })[]> {
  if (ref.userIds.length === 0 && ref.employeeNos.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'employee_no', 'role'])
    .where('org_id', '=', orgId)
    .where('role', '!=', 'customer')
    .where((eb) => {
      const ors = [];
      if (ref.userIds.length > 0) ors.push(eb('id', 'in', ref.userIds));
      if (ref.employeeNos.length > 0) ors.push(eb('employee_no', 'in', ref.employeeNos));
      return eb.or(ors);
    })
    .execute();
}

export async function existingExternalIds(db: Db, orgId: number, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('quality_conversations').select('external_id').where('org_id', '=', orgId).where('external_id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) if (r.external_id !== null) found.add(r.external_id);
  }
  return found;
}

/** Undefined when a concurrent import stored the same externalId first. */
export async function insertConversation(db: Db, row: Insertable<QualityConversationTable>): Promise<ConversationRow | undefined> {
  return db
    .insertInto('quality_conversations')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'external_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function insertFindings(db: Db, rows: Insertable<QualityFindingTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('quality_findings').values(rows.slice(i, i + 200)).execute();
}

export interface ConversationQuery {
  orgId: number;
  from?: number;
  to?: number;
  agentId?: number;
  limit: number;
}

/** Conversations with their agent, oldest first. */
export async function listConversations(db: Db, q: ConversationQuery) {
  let query = db
    .selectFrom('quality_conversations as c')
    .innerJoin('users as u', 'u.id', 'c.agent_id')
    .select(['c.id', 'c.external_id', 'c.agent_id', 'c.channel', 'c.started_at', 'c.complaint', 'c.score', 'c.original_score', 'c.reviewed_at', 'u.display_name', 'u.employee_no'])
    .where('c.org_id', '=', q.orgId);
  if (q.from !== undefined) query = query.where('c.started_at', '>=', q.from);
  if (q.to !== undefined) query = query.where('c.started_at', '<', q.to);
  if (q.agentId !== undefined) query = query.where('c.agent_id', '=', q.agentId);
  return query.orderBy('c.started_at').orderBy('c.id').limit(q.limit).execute();
}

export async function findConversation(db: Db, orgId: number, id: number): Promise<ConversationRow | undefined> {
  return db.selectFrom('quality_conversations').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function findStaffById(db: Db, orgId: number, id: number): Promise<StaffRef | undefined> {
  return db.selectFrom('users').select(['id', 'display_name', 'employee_no']).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function listFindings(db: Db, orgId: number, conversationId: number): Promise<FindingRow[]> {
  return db.selectFrom('quality_findings').selectAll().where('org_id', '=', orgId).where('conversation_id', '=', conversationId).orderBy('turn_index').orderBy('id').execute();
}

/** The findings still counted against the given conversations. */
export async function standingFindingsOf(db: Db, orgId: number, conversationIds: number[]): Promise<FindingRow[]> {
  const rows: FindingRow[] = [];
  for (let i = 0; i < conversationIds.length; i += 500) {
    rows.push(...(await db
      .selectFrom('quality_findings')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('status', '=', 'standing')
      .where('conversation_id', 'in', conversationIds.slice(i, i + 500))
      .orderBy('turn_index')
      .orderBy('id')
      .execute()));
  }
  return rows;
}

export async function findFinding(db: Db, orgId: number, id: number): Promise<FindingRow | undefined> {
  return db.selectFrom('quality_findings').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function setFindingStatus(db: Db, orgId: number, id: number, status: 'standing' | 'removed'): Promise<void> {
  await db.updateTable('quality_findings').set({ status }).where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function updateConversation(db: Db, orgId: number, id: number, changes: Updateable<QualityConversationTable>): Promise<ConversationRow> {
  return db.updateTable('quality_conversations').set(changes).where('org_id', '=', orgId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function appealsOfConversation(db: Db, orgId: number, conversationId: number): Promise<AppealRow[]> {
  return db.selectFrom('quality_appeals').selectAll().where('org_id', '=', orgId).where('conversation_id', '=', conversationId).orderBy('id').execute();
}

export async function findAppealOfFinding(db: Db, orgId: number, findingId: number): Promise<AppealRow | undefined> {
  return db.selectFrom('quality_appeals').selectAll().where('org_id', '=', orgId).where('finding_id', '=', findingId).executeTakeFirst();
}

export async function insertAppeal(db: Db, row: Insertable<QualityAppealTable>): Promise<AppealRow> {
  return db.insertInto('quality_appeals').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findAppeal(db: Db, orgId: number, id: number): Promise<AppealRow | undefined> {
  return db.selectFrom('quality_appeals').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** Decides a pending appeal; undefined when it was decided meanwhile. */
export async function decideAppeal(db: Db, orgId: number, id: number, changes: Updateable<QualityAppealTable>): Promise<AppealRow | undefined> {
  return db.updateTable('quality_appeals').set(changes).where('org_id', '=', orgId).where('id', '=', id).where('status', '=', 'pending').returningAll().executeTakeFirst();
}

export async function listAppeals(db: Db, q: { orgId: number; status?: string; appellantId?: number; limit: number }) {
  let query = db
    .selectFrom('quality_appeals as a')
    .innerJoin('quality_findings as f', 'f.id', 'a.finding_id')
    .innerJoin('users as u', 'u.id', 'a.appellant_id')
    .select(['a.id', 'a.finding_id', 'a.conversation_id', 'a.appellant_id', 'a.reason', 'a.status', 'a.created_at', 'a.decided_by', 'a.decided_at', 'a.decision_note'])
    .select(['f.check_name', 'f.message', 'f.turn_index', 'u.display_name', 'u.employee_no'])
    .where('a.org_id', '=', q.orgId);
  if (q.status) query = query.where('a.status', '=', q.status);
  if (q.appellantId !== undefined) query = query.where('a.appellant_id', '=', q.appellantId);
  return query.orderBy('a.id').limit(q.limit).execute();
}

/** Per agent over [from, to): number of conversations and the average score. */
export async function scoresByAgent(db: Db, orgId: number, from: number, to: number, agentId?: number) {
  let q = db
    .selectFrom('quality_conversations as c')
    .innerJoin('users as u', 'u.id', 'c.agent_id')
    .select(['c.agent_id', 'u.display_name', 'u.employee_no'])
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.avg<number>('c.score').as('average'), eb.fn.min<number>('c.score').as('lowest')])
    .where('c.org_id', '=', orgId)
    .where('c.started_at', '>=', from)
    .where('c.started_at', '<', to);
  if (agentId !== undefined) q = q.where('c.agent_id', '=', agentId);
  return q.groupBy(['c.agent_id', 'u.display_name', 'u.employee_no']).orderBy('c.agent_id').execute();
}

/** Per agent and check over [from, to): standing findings. */
export async function findingsByAgent(db: Db, orgId: number, from: number, to: number, agentId?: number) {
  let q = db
    .selectFrom('quality_findings as f')
    .innerJoin('quality_conversations as c', 'c.id', 'f.conversation_id')
    .select(['c.agent_id', 'f.check_name'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.org_id', '=', orgId)
    .where('f.status', '=', 'standing')
    .where('c.started_at', '>=', from)
    .where('c.started_at', '<', to);
  if (agentId !== undefined) q = q.where('c.agent_id', '=', agentId);
  return q.groupBy(['c.agent_id', 'f.check_name']).execute();
}
