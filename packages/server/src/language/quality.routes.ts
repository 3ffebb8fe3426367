import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../app-context.js';
import { requestContext } from '../http/authentication.js';
import { errorResponses, IdParams } from '../http/schema-helpers.js';
import { requireLanguageUse } from './lexicon.service.js';
import { qualitySettingsOf } from './org-quality-settings.js';
import { appealFinding, decideFindingAppeal, listFindingAppeals, reviewConversation } from './quality-appeals.js';
import {
  Appeal, AppealBody, AppealList, AppealListQuery, ConversationDetail, ConversationList, ConversationListQuery, DecisionBody, DecisionResult,
  IMPORT_BODY_LIMIT, ImportBody, ImportResult, MonthlyQuery, MonthlyResults, ReviewBody,
} from './quality.schemas.js';
import { conversationDetail, importConversations, listInspected, monthlyResults } from './quality.service.js';

const tags = ['quality-inspection'];

/** Quality inspection (质检) of chat and call transcripts: import, results, review and appeals. */
export const qualityRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  fastify.post('/quality/conversations', {
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Import transcripts (JSON, or CSV as text) and inspect each one',
      body: ImportBody,
      response: { 201: ImportResult, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await importConversations(app, requestContext(request, app), request.body)));

  fastify.get('/quality/conversations', {
    schema: { tags, summary: 'Inspected conversations with score and reasons (supervisors: everyone; others: their own)', querystring: ConversationListQuery, response: { 200: ConversationList, ...errorResponses } },
  }, async (request) => listInspected(app, requestContext(request, app), request.query));

  fastify.get('/quality/conversations/:id', {
    schema: { tags, summary: 'One inspected conversation: each turn with its findings', params: IdParams, response: { 200: ConversationDetail, ...errorResponses } },
  }, async (request) => conversationDetail(app, requestContext(request, app), request.params.id));

  fastify.post('/quality/conversations/:id/review', {
    schema: { tags, summary: "A supervisor's review note", params: IdParams, body: ReviewBody, response: { 200: ConversationDetail, ...errorResponses } },
  }, async (request) => reviewConversation(app, requestContext(request, app), request.params.id, request.body.note));

  fastify.get('/quality/agents', {
    schema: { tags, summary: 'Monthly results per agent: average score, conversations, findings by check', querystring: MonthlyQuery, response: { 200: MonthlyResults, ...errorResponses } },
  }, async (request) => monthlyResults(app, requestContext(request, app), request.query));

  fastify.get('/quality/settings', {
    schema: { tags, summary: 'Effective quality-inspection settings (change them with PATCH /settings, section quality)', response: { 200: Type.Record(Type.String(), Type.Unknown()), ...errorResponses } },
  }, async (request) => {
    const ctx = requestContext(request, app);
    requireLanguageUse(ctx);
    return { ...(await qualitySettingsOf(app.db, ctx.actor.orgId)) };
  });

  fastify.post('/quality/findings/:id/appeal', {
    schema: { tags, summary: 'The inspected agent appeals a finding', params: IdParams, body: AppealBody, response: { 201: Appeal, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await appealFinding(app, requestContext(request, app), request.params.id, request.body.reason)));

  fastify.get('/quality/appeals', {
    schema: { tags, summary: 'Appeals (supervisors: all; others: their own)', querystring: AppealListQuery, response: { 200: AppealList, ...errorResponses } },
  }, async (request) => listFindingAppeals(app, requestContext(request, app), request.query));

  fastify.post('/quality/appeals/:id/decision', {
    schema: { tags, summary: 'A supervisor accepts (the deduction is removed, the score recomputed) or rejects an appeal', params: IdParams, body: DecisionBody, response: { 200: DecisionResult, ...errorResponses } },
  }, async (request) => decideFindingAppeal(app, requestContext(request, app), request.params.id, request.body));
};
