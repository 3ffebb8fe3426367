import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../app-context.js';
import { AppError } from '../errors/app-error.js';
import { actorOf, requestContext } from '../http/authentication.js';
import { errorResponses, IdParams, Nullable } from '../http/schema-helpers.js';
import { categoryView, createCategory, updateCategory } from './category-tree.service.js';
import { createDepartment, departmentView, getOrganisation, updateDepartment, updateOrganisation } from './organisation-admin.service.js';
import { listCategories, listDepartments, listSites } from './organisation.repository.js';
import {
  CategoryCreateBody, CategoryPatchBody, CategoryView, DepartmentCreateBody, DepartmentPatchBody, DepartmentView, OrganisationPatchBody, OrganisationView,
} from './organisation.schemas.js';

const tags = ['organisation'];
const Site = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: Type.String(),
  timeZone: Type.String(),
  twentyFourHour: Type.Boolean(),
  address: Nullable(Type.String()),
});

export const organisationRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  fastify.get('/organisation', {
    schema: { tags, summary: 'The caller’s organisation: name and work-order number prefix', response: { 200: OrganisationView, ...errorResponses } },
  }, async (request) => getOrganisation(app, requestContext(request, app)));

  fastify.patch('/organisation', {
    schema: { tags, summary: 'Rename the organisation or change the number prefix of new orders. Administrators only.', body: OrganisationPatchBody, response: { 200: OrganisationView, ...errorResponses } },
  }, async (request) => updateOrganisation(app, requestContext(request, app), request.body));

  fastify.get('/sites', {
    schema: { tags, summary: 'Sites the caller works at', response: { 200: Type.Object({ items: Type.Array(Site) }), ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    const sites = await listSites(app.db, actor.orgId);
    const visible = actor.siteIds.length === 0 ? sites : sites.filter((s) => actor.siteIds.includes(s.id));
    return {
      items: visible.map((s) => ({ id: s.id, name: s.name, kind: s.kind, timeZone: s.time_zone, twentyFourHour: s.twenty_four_hour === 1, address: s.address })),
    };
  });

  fastify.get('/departments', {
    schema: { tags, summary: 'Departments of the organisation, deactivated ones included (past orders name them)', response: { 200: Type.Object({ items: Type.Array(DepartmentView) }), ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    if (actor.role === 'customer') throw new AppError('forbidden', 'staff only');
    return { items: (await listDepartments(app.db, actor.orgId)).map(departmentView) };
  });

  fastify.post('/departments', {
    schema: { tags, summary: 'Add a department. Administrators only.', body: DepartmentCreateBody, response: { 201: DepartmentView, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await createDepartment(app, requestContext(request, app), request.body)));

  fastify.patch('/departments/:id', {
    schema: {
      tags, params: IdParams, body: DepartmentPatchBody, response: { 200: DepartmentView, ...errorResponses },
      summary: 'Rename, move to a site, deactivate or reactivate a department. Administrators only.',
    },
  }, async (request) => updateDepartment(app, requestContext(request, app), request.params.id, request.body));

  fastify.get('/categories', {
    schema: { tags, summary: 'The category tree, flat with parent ids, paths and sibling order', response: { 200: Type.Object({ items: Type.Array(CategoryView) }), ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    return { items: (await listCategories(app.db, actor.orgId)).map(categoryView) };
  });

  fastify.post('/categories', {
    schema: { tags, summary: 'Add a category under a parent (null: a new root). Administrators only.', body: CategoryCreateBody, response: { 201: CategoryView, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await createCategory(app, requestContext(request, app), request.body)));

  fastify.patch('/categories/:id', {
    schema: {
      tags, params: IdParams, body: CategoryPatchBody, response: { 200: CategoryView, ...errorResponses },
      summary: 'Rename, move, reorder, deactivate or reactivate a category (with everything under it). Administrators only.',
    },
  }, async (request) => updateCategory(app, requestContext(request, app), request.params.id, request.body));
};
