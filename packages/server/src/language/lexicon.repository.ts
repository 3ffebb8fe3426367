import { updateAtVersion } from '../db/update-at-version.js';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { LanguageRuleTable, LanguageStateTable } from '../db/schema.js';
import type { Db } from '../db/types.js';

export type LanguageRuleRow = Selectable<LanguageRuleTable>;
export type LanguageStateRow = Selectable<LanguageStateTable>;

export async function findLanguageState(db: Db, orgId: number): Promise<LanguageStateRow | undefined> {
  return db.selectFrom('language_state').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

/** Claims the organisation's first seeding; false when another request already did. */
export async function claimLanguageState(db: Db, orgId: number, at: number): Promise<boolean> {
  const row = await db
    .insertInto('language_state')
    .values({ org_id: orgId, lexicon_version: 1, seeded_at: at })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .returning('org_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Every lexicon edit bumps the version; each server instance rebuilds its checker on the next use. */
export async function bumpLexiconVersion(db: Db, orgId: number): Promise<number> {
  const row = await db
    .updateTable('language_state')
    .set((eb) => ({ lexicon_version: eb('lexicon_version', '+', 1) }))
    .where('org_id', '=', orgId)
    .returning('lexicon_version')
    .executeTakeFirstOrThrow();
  return row.lexicon_version;
}

export async function listRules(db: Db, orgId: number, options: { group?: string; enabledOnly?: boolean } = {}): Promise<LanguageRuleRow[]> {
  let q = db.selectFrom('language_rules').selectAll().where('org_id', '=', orgId);
  if (options.group) q = q.where('group_name', '=', options.group);
  if (options.enabledOnly) q = q.where('enabled', '=', 1);
  return q.orderBy('sort_order').orderBy('id').execute();
}

export async function findRule(db: Db, orgId: number, id: number): Promise<LanguageRuleRow | undefined> {
  return db.selectFrom('language_rules').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function insertRules(db: Db, rows: Insertable<LanguageRuleTable>[]): Promise<void> {
  // Chunks keep every statement well under SQLite's and PostgreSQL's bound-parameter limits.
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('language_rules').values(rows.slice(i, i + 200)).execute();
}

export async function insertRule(db: Db, row: Insertable<LanguageRuleTable>): Promise<LanguageRuleRow> {
  return db.insertInto('language_rules').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function nextRuleSortOrder(db: Db, orgId: number): Promise<number> {
  const row = await db
    .selectFrom('language_rules')
    .select((eb) => eb.fn.max<number | null>('sort_order').as('last'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/** Optimistic update: undefined when the row is gone or its version moved on. */
export async function updateRule(
  db: Db,
  orgId: number,
  id: number,
  expectedVersion: number,
  changes: Updateable<LanguageRuleTable>,
): Promise<LanguageRuleRow | undefined> {
  return updateAtVersion(db, 'language_rules', orgId, id, expectedVersion, changes);
}

export async function deleteRule(db: Db, orgId: number, id: number): Promise<void> {
  await db.deleteFrom('language_rules').where('org_id', '=', orgId).where('id', '=', id).execute();
}
