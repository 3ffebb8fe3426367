import type { Static } from 'typebox';
import type { AppContext } from '../app-context.js';
import { insertAudit } from '../audit/audit.repository.js';
import type { RequestContext } from '../auth/actor.js';
import type { Db } from '../db/types.js';
import { AppError, notFound } from '../errors/app-error.js';
import { requireConfigure } from './organisation-admin.service.js';
import { insertCategory, listCategories, updateCategoryRow, type CategoryRow } from './organisation.repository.js';
import type { CategoryCreateBody, CategoryPatchBody } from './organisation.schemas.js';

/**
 * The organisation's category tree as an administrator edits it. Each row
 * stores its full path ('物业服务/维修/电梯'), so a rename or a move rewrites the
 * paths below it; siblings keep a dense order 0, 1, 2 …; deactivating or
 * reactivating applies to the whole branch, so intake never offers a child of
 * a category the organisation stopped using.
 */

/** Deep enough for any service catalogue, shallow enough to read aloud on the phone. */
export const MAX_CATEGORY_DEPTH = 5;

export const categoryView = (row: CategoryRow) => ({
  id: row.id, parentId: row.parent_id, name: row.name, path: row.path, active: row.active === 1, sortOrder: row.sort_order,
});

/** The tree in memory: an organisation has a few hundred categories at most. */
class Tree {
  private readonly byId: Map<number, CategoryRow>;
  constructor(readonly rows: CategoryRow[]) {
    this.byId = new Map(rows.map((r) => [r.id, r]));
  }
  get(id: number) {
    return this.byId.get(id);
  }
  children(parentId: number | null): CategoryRow[] {
    return this.rows.filter((r) => r.parent_id === parentId).sort((a, b) => a.sort_order - b.sort_order || a.id - b.id);
  }
  descendants(id: number): CategoryRow[] {
    const out: CategoryRow[] = [];
    const walk = (parent: number) => {
      for (const child of this.children(parent)) {
        out.push(child);
        walk(child.id);
      }
    };
    walk(id);
    return out;
  }
  /** 1 for a root. Bounded, so a damaged tree cannot loop. */
  depth(id: number | null): number {
    let depth = 0;
    for (let node = id === null ? undefined : this.get(id); node && depth <= 64; node = node.parent_id === null ? undefined : this.get(node.parent_id)) depth++;
    return depth;
  }
  /** Levels below the node (0 for a leaf). */
  height(id: number): number {
    return Math.max(0, ...this.children(id).map((c) => 1 + this.height(c.id)));
  }
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function assertNameFree(siblings: CategoryRow[], name: string, exceptId?: number): void {
  const clash = siblings.find((s) => s.id !== exceptId && sameName(s.name, name));
  if (clash) throw new AppError('name_taken', `category "${clash.path}" exists`, { field: 'name', existingId: clash.id });
}

function parentOf(tree: Tree, parentId: number | null): CategoryRow | null {
  if (parentId === null) return null;
  const parent = tree.get(parentId);
  if (!parent) throw new AppError('unknown_reference', `category ${parentId}`, { field: 'parentId' });
  return parent;
}

function assertDepth(depth: number): void {
  if (depth > MAX_CATEGORY_DEPTH) {
    throw new AppError('validation_failed', `categories nest at most ${MAX_CATEGORY_DEPTH} levels`, { errors: [{ field: 'parentId', message: `deeper than ${MAX_CATEGORY_DEPTH} levels` }] });
  }
}

/** Renumber siblings 0, 1, 2 … in the given order, writing only the rows whose place changed. */
async function renumber(db: Db, orgId: number, ordered: CategoryRow[]): Promise<void> {
  for (const [index, row] of ordered.entries()) {
    if (row.sort_order !== index) await updateCategoryRow(db, orgId, row.id, { sort_order: index });
  }
}

function placeAt<T>(list: T[], item: T, position: number | undefined): T[] {
  const at = position === undefined ? list.length : Math.min(position, list.length);
  return [...list.slice(0, at), item, ...list.slice(at)];
}

function audit(db: Db, ctx: RequestContext, action: string, id: number, before: unknown, after: unknown) {
  return insertAudit(db, { orgId: ctx.actor.orgId, actorId: ctx.actor.userId, action, entityType: 'category', entityId: id, before, after, at: ctx.now, requestId: ctx.requestId });
}

export async function createCategory(app: AppContext, ctx: RequestContext, body: Static<typeof CategoryCreateBody>) {
  requireConfigure(ctx);
  const row = await app.db.transaction().execute(async (trx) => {
    const tree = new Tree(await listCategories(trx, ctx.actor.orgId));
    const parent = parentOf(tree, body.parentId);
    if (parent && parent.active !== 1) throw new AppError('inactive_reference', `category ${parent.id} is deactivated`, { field: 'parentId' });
    assertDepth(tree.depth(body.parentId) + 1);
    const siblings = tree.children(body.parentId);
    const name = body.name.trim();
    assertNameFree(siblings, name);
    const inserted = await insertCategory(trx, {
      org_id: ctx.actor.orgId, parent_id: body.parentId, name, path: parent ? `${parent.path}/${name}` : name, sort_order: siblings.length, active: 1,
    });
    await renumber(trx, ctx.actor.orgId, placeAt(siblings, inserted, body.position));
    const placed = { ...inserted, sort_order: Math.min(body.position ?? siblings.length, siblings.length) };
    await audit(trx, ctx, 'category.create', inserted.id, undefined, categoryView(placed));
    return placed;
  });
  return categoryView(row);
}

/** Rename, move (under another parent and/or to another place among siblings), deactivate or reactivate a branch. */
export async function updateCategory(app: AppContext, ctx: RequestContext, id: number, body: Static<typeof CategoryPatchBody>) {
  requireConfigure(ctx);
  const result = await app.db.transaction().execute(async (trx) => {
    const orgId = ctx.actor.orgId;
    const tree = new Tree(await listCategories(trx, orgId));
    const node = tree.get(id);
    if (!node) throw notFound('category');
    const branch = tree.descendants(id);

    const parentId = body.parentId !== undefined ? body.parentId : node.parent_id;
    const moved = parentId !== node.parent_id;
    const parent = parentOf(tree, parentId);
    if (moved && (parentId === id || branch.some((d) => d.id === parentId))) {
      throw new AppError('validation_failed', 'a category cannot move under itself', { errors: [{ field: 'parentId', message: 'inside its own branch' }] });
    }
    if (moved) assertDepth(tree.depth(parentId) + 1 + tree.height(id));

    const active = body.active ?? node.active === 1;
    if (active && parent && parent.active !== 1) throw new AppError('inactive_reference', `category ${parent.id} is deactivated`, { field: 'parentId' });

    const name = body.name?.trim() ?? node.name;
    const newSiblings = tree.children(parentId).filter((s) => s.id !== id);
    assertNameFree(newSiblings, name, id);
    const path = parent ? `${parent.path}/${name}` : name;

    const activeFlag = active ? 1 : 0;
    await updateCategoryRow(trx, orgId, id, { name, path, parent_id: parentId, active: activeFlag });
    let branchChanged = 0;
    for (const d of branch) {
      const changes = {
        ...(path !== node.path ? { path: path + d.path.slice(node.path.length) } : {}),
        ...(body.active !== undefined && d.active !== activeFlag ? { active: activeFlag } : {}),
      };
      if (Object.keys(changes).length === 0) continue;
      await updateCategoryRow(trx, orgId, d.id, changes);
      branchChanged++;
    }

    if (moved) await renumber(trx, orgId, tree.children(node.parent_id).filter((s) => s.id !== id));
    const currentIndex = newSiblings.findIndex((s) => s.sort_order > node.sort_order || (s.sort_order === node.sort_order && s.id > id));
    const position = body.position ?? (moved || currentIndex === -1 ? undefined : currentIndex);
    const ordered = placeAt(newSiblings, { ...node, sort_order: -1 }, position);
    await renumber(trx, orgId, ordered);

    const after: CategoryRow = { ...node, name, path, parent_id: parentId, active: activeFlag, sort_order: ordered.findIndex((r) => r.id === id) };
    await audit(trx, ctx, 'category.update', id, categoryView(node), { ...categoryView(after), branchChanged });
    return after;
  });
  return categoryView(result);
}
