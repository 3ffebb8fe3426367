import { FORBIDDEN_LEXICON, STANDARD_PHRASES } from '@huiyin/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { claimLanguageState, findLanguageState, insertRules } from './lexicon.repository.js';
import { seedRuleRow } from './lexicon.mapper.js';
import { insertPhrases } from './phrase.repository.js';

/** Runs fn in the caller's transaction when there is one, else in a new one. */
export async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : (db as Kysely<Database>).transaction().execute(fn);
}

/**
 * The organisation's lexicon version, seeding its phrase library and lexicon
 * from the domain seeds on first use. Lazy rather than at organisation
 * creation so organisations made before this feature get them too; the
 * language_state primary key makes concurrent first uses seed exactly once
 * (the loser's insert waits for the winner's commit, then does nothing).
 */
export async function ensureLanguageSeeded(db: Db, orgId: number, now: Date): Promise<number> {
  const state = await findLanguageState(db, orgId);
  if (state) return state.lexicon_version;
  return inTransaction(db, async (trx) => {
    const at = now.getTime();
    if (await claimLanguageState(trx, orgId, at)) {
      await insertRules(trx, FORBIDDEN_LEXICON.map((rule, i) => seedRuleRow(orgId, rule, i + 1, at)));
      await insertPhrases(
        trx,
        STANDARD_PHRASES.map((p, i) => ({
          org_id: orgId,
          seed_key: p.id,
          moment: p.moment,
          text: p.text,
          follow_up: p.followUp ?? null,
          note: p.note ?? null,
          sort_order: i + 1,
          created_at: at,
          updated_at: at,
          version: 1,
        })),
      );
      return 1;
    }
    const seeded = await findLanguageState(trx, orgId);
    if (!seeded) throw new Error(`language state of organisation ${orgId} vanished`);
    return seeded.lexicon_version;
  });
}
