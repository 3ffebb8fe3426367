import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { hasPermission } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import { insertAudit } from '../audit/audit.repository.js';
import { AppError } from '../errors/app-error.js';
import { actorOf, requestContext } from '../http/authentication.js';
import { errorResponses, Id, Line, Nullable } from '../http/schema-helpers.js';
import { findSite, insertDepartment, listCategories, listDepartments, listSites } from './organisation.repository.js';

const Site = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: Type.String(),
  timeZone: Type.String(),
  twentyFourHour: Type.Boolean(),
  address: Nullable(Type.String()),
});
const Department = Type.Object({ id: Type.Integer(), name: Type.String(), siteId: Nullable(Type.Integer()) });
const Category = Type.Object({ id: Type.Integer(), parentId: Nullable(Type.Integer()), name: Type.String(), path: Type.String(), active: Type.Boolean() });

export const organisationRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  fastify.get('/sites', {
    schema: { tags: ['organisation'], summary: 'Sites the caller works at', response: { 200: Type.Object({ items: Type.Array(Site) }), ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    const sites = await listSites(app.db, actor.orgId);
    const visible = actor.siteIds.length === 0 ? sites : sites.filter((s) => actor.siteIds.includes(s.id));
    return {
      items: visible.map((s) => ({ id: s.id, name: s.name, kind: s.kind, timeZone: s.time_zone, twentyFourHour: s.twenty_four_hour === 1, address: s.address })),
    };
  });

  fastify.get('/departments', {
    schema: { tags: ['organisation'], summary: 'Departments of the organisation', response: { 200: Type.Object({ items: Type.Array(Department) }), ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    if (actor.role === 'customer') throw new AppError('forbidden', 'staff only');
    const rows = await listDepartments(app.db, actor.orgId);
    return { items: rows.map((d) => ({ id: d.id, name: d.name, siteId: d.site_id })) };
  });

  fastify.post('/departments', {
    schema: {
      tags: ['organisation'],
      summary: 'Add a department',
      body: Type.Object({ name: Line(100), siteId: Type.Optional(Nullable(Id)) }, { additionalProperties: false }),
      response: { 201: Department, ...errorResponses },
    },
  }, async (request, reply) => {
    const ctx = requestContext(request, app);
    if (!hasPermission(ctx.actor.role, 'org.configure')) throw new AppError('forbidden', 'cannot configure the organisation');
    const siteId = request.body.siteId ?? null;
    if (siteId !== null && !(await findSite(app.db, ctx.actor.orgId, siteId))) throw new AppError('unknown_reference', `site ${siteId}`);
    const department = await app.db.transaction().execute(async (trx) => {
      const row = await insertDepartment(trx, { org_id: ctx.actor.orgId, site_id: siteId, name: request.body.name.trim(), created_at: ctx.now.getTime() });
      await insertAudit(trx, { orgId: ctx.actor.orgId, actorId: ctx.actor.userId, action: 'department.create', entityType: 'department', entityId: row.id, after: row, at: ctx.now, requestId: ctx.requestId });
      return row;
    });
    return reply.status(201).send({ id: department.id, name: department.name, siteId: department.site_id });
  });

  fastify.get('/categories', {
    schema: { tags: ['organisation'], summary: 'The category tree, flat with parent ids and paths', response: { 200: Type.Object({ items: Type.Array(Category) }), ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    const rows = await listCategories(app.db, actor.orgId);
    return { items: rows.map((c) => ({ id: c.id, parentId: c.parent_id, name: c.name, path: c.path, active: c.active === 1 })) };
  });
};
