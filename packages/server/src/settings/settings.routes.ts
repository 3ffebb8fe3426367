import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../app-context.js';
import { requestContext } from '../http/authentication.js';
import { errorResponses } from '../http/schema-helpers.js';
import { getSettings, patchSettings } from './settings.service.js';
import { SettingsPatchBody, SettingsView } from './settings.schemas.js';

const tags = ['settings'];

export const settingsRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  fastify.get('/settings', {
    schema: { tags, summary: 'The organisation’s settings: SLA limits, callback policy, complaint handling (effective values)', response: { 200: SettingsView, ...errorResponses } },
  }, async (request) => getSettings(app, requestContext(request, app)));

  fastify.patch('/settings', {
    schema: {
      tags,
      summary: 'Change settings (merge patch; null restores the default). Administrators only.',
      body: SettingsPatchBody,
      response: { 200: SettingsView, ...errorResponses },
    },
  }, async (request) => patchSettings(app, requestContext(request, app), request.body));
};
