import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../app-context.js';
import { requestContext } from '../http/authentication.js';
import { errorResponses, IdParams } from '../http/schema-helpers.js';
import { createSite, getSite, updateSite } from './site.service.js';
import { CreateSiteBody, SiteView, UpdateSiteBody } from './site.schemas.js';

const tags = ['organisation'];

/** Site settings; the list of sites a user works at is GET /sites (organisations/organisation.routes.ts). */
export const siteRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  fastify.get('/sites/:id', {
    schema: { tags, summary: 'One site with its time zone and service hours', params: IdParams, response: { 200: SiteView, ...errorResponses } },
  }, async (request) => getSite(app, requestContext(request, app), request.params.id));

  fastify.post('/sites', {
    schema: { tags, summary: 'Add a site. Administrators only.', body: CreateSiteBody, response: { 201: SiteView, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await createSite(app, requestContext(request, app), request.body)));

  fastify.patch('/sites/:id', {
    schema: {
      tags,
      summary: 'Change a site: name, time zone, 24-hour duty, service hours (split shifts, overnight). Hours changes recompute open deadlines.',
      params: IdParams,
      body: UpdateSiteBody,
      response: { 200: SiteView, ...errorResponses },
    },
  }, async (request) => updateSite(app, requestContext(request, app), request.params.id, request.body));
};
