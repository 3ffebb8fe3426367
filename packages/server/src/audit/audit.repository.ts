import type { Db } from '../db/types.js';

export interface AuditEntry {
  orgId: number;
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  at: Date;
  requestId?: string | null;
}

/** Append one audit record. Called inside the same transaction as the change. */
export async function insertAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      org_id: entry.orgId,
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: String(entry.entityId),
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
      at: entry.at.getTime(),
      request_id: entry.requestId ?? null,
    })
    .execute();
}

export interface AuditQuery {
  orgId: number;
  entityType?: string;
  entityId?: string;
  actorId?: number;
  beforeId?: number;
  limit: number;
}

export async function listAudit(db: Db, query: AuditQuery) {
  let q = db.selectFrom('audit_log').selectAll().where('org_id', '=', query.orgId);
  if (query.entityType) q = q.where('entity_type', '=', query.entityType);
  if (query.entityId) q = q.where('entity_id', '=', query.entityId);
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  if (query.beforeId) q = q.where('id', '<', query.beforeId);
  return q.orderBy('id', 'desc').limit(query.limit).execute();
}
