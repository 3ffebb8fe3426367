import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../app-context.js';
import { requestContext } from '../http/authentication.js';
import { errorResponses, IdParams } from '../http/schema-helpers.js';
import { expectedVersion } from '../http/version.js';
import {
  CheckBody, CheckResult, CreatePhraseBody, CreateRuleBody, LexiconList, LexiconQuery, LexiconRule, Phrase, PhraseList, PhraseQuery,
  UpdatePhraseBody, UpdateRuleBody,
} from './language.schemas.js';
import { checkText, createLexiconRule, deleteLexiconRule, listLexicon, updateLexiconRule } from './lexicon.service.js';
import { createPhrase, deletePhraseEntry, listRenderedPhrases, updatePhraseEntry } from './phrase.service.js';
import { qualityRoutes } from './quality.routes.js';

const tags = ['service-language'];

/** Service language (issue #5): phrase library, forbidden-phrase lexicon and check, and quality inspection. */
export const languageRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  fastify.post('/language/check', {
    schema: { tags, summary: 'Find forbidden and non-standard phrases in a text (服务禁语检查)', body: CheckBody, response: { 200: CheckResult, ...errorResponses } },
  }, async (request) => checkText(app, requestContext(request, app), request.body.text));

  fastify.get('/language/phrases', {
    schema: { tags, summary: 'Standard phrases (规范用语), rendered for the caller; festival forms first on a statutory holiday', querystring: PhraseQuery, response: { 200: PhraseList, ...errorResponses } },
  }, async (request) => listRenderedPhrases(app, requestContext(request, app), request.query));

  fastify.post('/language/phrases', {
    schema: { tags, summary: 'Add a standard phrase', body: CreatePhraseBody, response: { 201: Phrase, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await createPhrase(app, requestContext(request, app), request.body)));

  fastify.patch('/language/phrases/:id', {
    schema: { tags, summary: 'Edit a standard phrase', params: IdParams, body: UpdatePhraseBody, response: { 200: Phrase, 428: errorResponses[409], ...errorResponses } },
  }, async (request) => updatePhraseEntry(app, requestContext(request, app), request.params.id, { ...request.body, version: expectedVersion(request, request.body.version) }));

  fastify.delete('/language/phrases/:id', {
    schema: { tags, summary: 'Remove a standard phrase', params: IdParams, response: { ...errorResponses } },
  }, async (request, reply) => {
    await deletePhraseEntry(app, requestContext(request, app), request.params.id);
    return reply.status(204).send();
  });

  fastify.get('/language/lexicon', {
    schema: { tags, summary: 'The forbidden-phrase lexicon (服务禁语 and 不规范用语), by group', querystring: LexiconQuery, response: { 200: LexiconList, ...errorResponses } },
  }, async (request) => listLexicon(app, requestContext(request, app), request.query));

  fastify.post('/language/lexicon', {
    schema: { tags, summary: 'Add a lexicon rule', body: CreateRuleBody, response: { 201: LexiconRule, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await createLexiconRule(app, requestContext(request, app), request.body)));

  fastify.patch('/language/lexicon/:id', {
    schema: { tags, summary: 'Edit, enable or disable a lexicon rule', params: IdParams, body: UpdateRuleBody, response: { 200: LexiconRule, 428: errorResponses[409], ...errorResponses } },
  }, async (request) => updateLexiconRule(app, requestContext(request, app), request.params.id, { ...request.body, version: expectedVersion(request, request.body.version) }));

  fastify.delete('/language/lexicon/:id', {
    schema: { tags, summary: 'Remove a lexicon rule', params: IdParams, response: { ...errorResponses } },
  }, async (request, reply) => {
    await deleteLexiconRule(app, requestContext(request, app), request.params.id);
    return reply.status(204).send();
  });

  await fastify.register(qualityRoutes(app));
};
