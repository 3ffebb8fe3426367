import type { Selectable, Updateable } from 'kysely';
import type { Database } from './schema.js';
import type { Db } from './types.js';

/** Tables whose rows belong to an organisation and carry a version for optimistic updates. */
type VersionedTable = {
  [T in keyof Database]: Database[T] extends { org_id: number; version: unknown } ? T : never;
}[keyof Database];

/**
 * The optimistic update every editable record uses: the change applies only if
 * the stored version is still `expectedVersion`, and bumps it. Returns the new
 * row, or undefined when the row is gone, belongs to another organisation, or
 * someone else changed it first (the caller says which).
 */
export async function updateAtVersion<T extends VersionedTable>(
  db: Db,
  table: T,
  orgId: number,
  id: number,
  expectedVersion: number,
  changes: Updateable<Database[T]>,
): Promise<Selectable<Database[T]> | undefined> {
  // Kysely cannot follow a table name that is a type parameter; the signature types the call.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const query = (db as any)
    .updateTable(table)
    .set({ ...changes, version: expectedVersion + 1 })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll();
  /* eslint-enable @typescript-eslint/no-explicit-any */
  return query.executeTakeFirst() as Promise<Selectable<Database[T]> | undefined>;
}
