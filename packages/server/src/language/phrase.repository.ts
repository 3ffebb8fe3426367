import { updateAtVersion } from '../db/update-at-version.js';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { LanguagePhraseTable } from '../db/schema.js';
import type { Db } from '../db/types.js';

export type LanguagePhraseRow = Selectable<LanguagePhraseTable>;

export async function listPhrases(db: Db, orgId: number): Promise<LanguagePhraseRow[]> {
  return db.selectFrom('language_phrases').selectAll().where('org_id', '=', orgId).orderBy('sort_order').orderBy('id').execute();
}

export async function findPhrase(db: Db, orgId: number, id: number): Promise<LanguagePhraseRow | undefined> {
  return db.selectFrom('language_phrases').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function insertPhrases(db: Db, rows: Insertable<LanguagePhraseTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('language_phrases').values(rows.slice(i, i + 200)).execute();
}

export async function insertPhrase(db: Db, row: Insertable<LanguagePhraseTable>): Promise<LanguagePhraseRow> {
  return db.insertInto('language_phrases').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function nextPhraseSortOrder(db: Db, orgId: number): Promise<number> {
  const row = await db
    .selectFrom('language_phrases')
    .select((eb) => eb.fn.max<number | null>('sort_order').as('last'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function updatePhrase(
  db: Db,
  orgId: number,
  id: number,
  expectedVersion: number,
  changes: Updateable<LanguagePhraseTable>,
): Promise<LanguagePhraseRow | undefined> {
  return updateAtVersion(db, 'language_phrases', orgId, id, expectedVersion, changes);
}

export async function deletePhrase(db: Db, orgId: number, id: number): Promise<void> {
  await db.deleteFrom('language_phrases').where('org_id', '=', orgId).where('id', '=', id).execute();
}
