import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Frozen. Service language (issue #5): each organisation's editable phrase
 * library and forbidden-phrase lexicon (seeded lazily from the domain seeds,
 * with a lexicon version so every server instance rebuilds its cached checker
 * after an edit), and quality inspection of imported conversations with their
 * findings, reviews and appeals.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

function table(db: AnyDb, name: string) {
  const builder = db.schema.createTable(name);
  return isPostgres(db)
    ? builder.addColumn('id', 'serial', (c) => c.primaryKey())
    : builder.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: AnyDb): Promise<void> {
  // One row per organisation once its library and lexicon are seeded; the
  // primary key makes concurrent first uses seed exactly once.
  await db.schema
    .createTable('language_state')
    .addColumn('org_id', 'integer', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('lexicon_version', 'integer', (c) => c.notNull())
    .addColumn('seeded_at', 'bigint', (c) => c.notNull())
    .execute();

  await table(db, 'language_rules')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('rule_key', 'text', (c) => c.notNull())
    .addColumn('phrase', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text', (c) => c.notNull())
    .addColumn('patterns_json', 'text') // null = the phrase itself
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('exceptions_json', 'text', (c) => c.notNull())
    .addColumn('unless_after_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('sources_json', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('language_rules_key').on('language_rules').columns(['org_id', 'rule_key']).unique().execute();

  await table(db, 'language_phrases')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('seed_key', 'text')
    .addColumn('moment', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('follow_up', 'text')
    .addColumn('note', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('language_phrases_moment').on('language_phrases').columns(['org_id', 'moment', 'sort_order']).execute();

  await table(db, 'quality_conversations')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('external_id', 'text')
    .addColumn('agent_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('complaint', 'integer')
    .addColumn('ended_by', 'text')
    .addColumn('turns_json', 'text', (c) => c.notNull())
    .addColumn('checks_json', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('original_score', 'integer', (c) => c.notNull())
    .addColumn('lexicon_version', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'bigint', (c) => c.notNull())
    .addColumn('reviewed_by', 'integer')
    .addColumn('reviewed_at', 'bigint')
    .addColumn('review_note', 'text')
    .execute();
  // A re-imported file skips what is already there (NULL ids never collide).
  await db.schema.createIndex('quality_conversations_external').on('quality_conversations').columns(['org_id', 'external_id']).unique().execute();
  await db.schema.createIndex('quality_conversations_day').on('quality_conversations').columns(['org_id', 'started_at']).execute();
  await db.schema.createIndex('quality_conversations_agent').on('quality_conversations').columns(['org_id', 'agent_id', 'started_at']).execute();

  await table(db, 'quality_findings')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('conversation_id', 'integer', (c) => c.notNull().references('quality_conversations.id'))
    .addColumn('turn_index', 'integer', (c) => c.notNull())
    .addColumn('check_name', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('hit_json', 'text')
    // Share of the check's weight this finding costs; an accepted appeal gives it back.
    .addColumn('penalty', 'double precision', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // standing | removed
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quality_findings_conversation').on('quality_findings').column('conversation_id').execute();

  await table(db, 'quality_appeals')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('finding_id', 'integer', (c) => c.notNull().references('quality_findings.id'))
    .addColumn('conversation_id', 'integer', (c) => c.notNull())
    .addColumn('appellant_id', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | accepted | rejected
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'bigint')
    .addColumn('decision_note', 'text')
    .execute();
  // One appeal per finding: a rejected appeal is final.
  await db.schema.createIndex('quality_appeals_finding').on('quality_appeals').column('finding_id').unique().execute();
  await db.schema.createIndex('quality_appeals_org_status').on('quality_appeals').columns(['org_id', 'status']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0004-service-language cannot be reverted; restore a backup instead');
}
