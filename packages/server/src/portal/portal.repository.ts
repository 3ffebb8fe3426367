import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/types.js';
import type { PortalSmsCodeTable, WorkOrderPhotoTable } from '../db/schema.js';

export type SmsCodeRow = Selectable<PortalSmsCodeTable>;

export async function insertSmsCode(db: Db, row: Insertable<PortalSmsCodeTable>): Promise<void> {
  await db.insertInto('portal_sms_codes').values(row).execute();
}

export async function latestSmsCode(db: Db, orgId: number, phone: string, purpose: string): Promise<SmsCodeRow | undefined> {
  return db
    .selectFrom('portal_sms_codes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('phone', '=', phone)
    .where('purpose', '=', purpose)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function countSmsCodesSince(db: Db, orgId: number, phone: string, since: number): Promise<number> {
  const row = await db
    .selectFrom('portal_sms_codes')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('org_id', '=', orgId)
    .where('phone', '=', phone)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Counts a wrong try; the condition makes two parallel guesses count twice, never once. */
export async function recordWrongTry(db: Db, id: number): Promise<void> {
  await db.updateTable('portal_sms_codes').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', id).execute();
}

/** Spends the code; false when someone else spent it first. */
export async function markSmsCodeUsed(db: Db, id: number, at: number): Promise<boolean> {
  const result = await db.updateTable('portal_sms_codes').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function firstOrganisationId(db: Db): Promise<number | undefined> {
  const row = await db.selectFrom('organisations').select('id').orderBy('id').executeTakeFirst();
  return row?.id;
}

export async function organisationIdByCode(db: Db, code: string): Promise<number | undefined> {
  const row = await db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id;
}

export type PhotoMeta = Omit<Selectable<WorkOrderPhotoTable>, 'data'>;

export async function insertPhoto(db: Db, row: Insertable<WorkOrderPhotoTable>): Promise<number> {
  const inserted = await db.insertInto('work_order_photos').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function listPhotos(db: Db, orgId: number, workOrderId: number): Promise<PhotoMeta[]> {
  return db
    .selectFrom('work_order_photos')
    .select(['id', 'org_id', 'work_order_id', 'uploaded_by', 'mime', 'width', 'height', 'size', 'sha256', 'created_at'])
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .orderBy('id')
    .execute();
}

export async function findPhoto(db: Db, orgId: number, workOrderId: number, id: number) {
  return db
    .selectFrom('work_order_photos')
    .select(['id', 'mime', 'data', 'sha256'])
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Takes the order row's lock until the transaction ends (PostgreSQL; SQLite runs one writer at a time). */
export async function lockWorkOrderRow(db: Db, orgId: number, id: number): Promise<void> {
  await db.updateTable('work_orders').set((eb) => ({ version: eb.ref('version') })).where('org_id', '=', orgId).where('id', '=', id).execute();
}
