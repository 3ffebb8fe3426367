import { sql } from 'kysely';

/**
 * `org_id = ?` that no index is chosen for (the unary plus; valid SQL on both
 * databases). For queries already narrowed by ids, a customer or a group, whose
 * result is ordered: SQLite keeps no statistics, so it would otherwise walk an
 * index led by org_id in the ORDER BY's order across the whole organisation to
 * save a sort of a few rows — 20 to 80 ms per query at 200,000 orders instead of
 * well under one. The organisation is still checked on every row.
 */
export const sameOrganisation = (orgId: number) => sql<boolean>`+org_id = ${orgId}`;
