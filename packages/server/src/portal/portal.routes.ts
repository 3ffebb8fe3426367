import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../app-context.js';
import type { LoginResult } from '../auth/auth.service.js';
import { CSRF_COOKIE, requestContext, SESSION_COOKIE } from '../http/authentication.js';
import { AppError } from '../errors/app-error.js';
import { errorResponses, Id, IdParams, Line, ProblemRef } from '../http/schema-helpers.js';
import { addPhoto, photoBytes, photosOf } from './photo.service.js';
import { portalLogin, portalOrganisation, portalPhone, requestSignupCode, signUp } from './portal-auth.service.js';
import { developmentSmsTransport, type SmsTransport } from './sms-transport.js';

const tags = ['portal'];
const Phone = Type.String({ minLength: 11, maxLength: 20, pattern: '^[0-9+ \\-]+$' });
const Code = Type.String({ pattern: '^\\s*\\d{6}\\s*$' });
const Password = Type.String({ minLength: 1, maxLength: 200 });
const Organisation = Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Organisation code; default: the first organisation of this installation' }));
const SessionView = Type.Object({ csrfToken: Type.String(), expiresAt: Type.String({ format: 'date-time' }) });
const CodeSent = Type.Object({ codeSent: Type.Literal(true), expiresAt: Type.String({ format: 'date-time' }), resendAfterSeconds: Type.Integer() });
const PhotoView = Type.Object({
  id: Type.Integer(), mime: Type.String(), width: Type.Integer(), height: Type.Integer(), size: Type.Integer(), url: Type.String(), createdAt: Type.String({ format: 'date-time' }),
});
/** Route-level cap; the organisation's own limit (5 MB by default) is checked with a clearer error. */
const PHOTO_BODY_LIMIT = 16 * 1024 * 1024;
const authLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

function startBrowserSession(request: FastifyRequest, reply: FastifyReply, session: LoginResult) {
  const secure = request.protocol === 'https';
  reply.setCookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'strict', path: '/', secure, expires: session.expiresAt });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { httpOnly: false, sameSite: 'strict', path: '/', secure, expires: session.expiresAt });
  return { csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
}

/** Customer portal (issue #4): sign-up and login with an SMS code, and photos on orders. */
export const portalRoutes = (app: AppContext, options: { smsTransport?: SmsTransport } = {}): FastifyPluginAsyncTypebox => async (fastify) => {
  const transport = options.smsTransport ?? developmentSmsTransport(fastify.log);
  fastify.addContentTypeParser(['image/png', 'image/jpeg', 'image/webp', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: PHOTO_BODY_LIMIT }, (_request, body, done) => done(null, body));

  fastify.post('/portal/sms-codes', {
    config: { public: true, ...authLimit },
    schema: { tags, summary: 'Send a sign-up code by SMS to a mobile number', body: Type.Object({ phone: Phone, organisation: Organisation }, { additionalProperties: false }), response: { 202: CodeSent, 429: ProblemRef, ...errorResponses } },
  }, async (request, reply) => {
    const orgId = await portalOrganisation(app, request.body.organisation);
    const sent = await requestSignupCode(app, transport, orgId, portalPhone(request.body.phone));
    return reply.status(202).send({ codeSent: true as const, ...sent });
  });

  fastify.post('/portal/signup', {
    config: { public: true, ...authLimit },
    schema: {
      tags, summary: 'Create a portal account (customer) with the SMS code; starts a browser session',
      body: Type.Object({ phone: Phone, password: Type.String({ minLength: 8, maxLength: 200 }), name: Line(100), code: Code, organisation: Organisation }, { additionalProperties: false }),
      response: { 201: SessionView, ...errorResponses },
    },
  }, async (request, reply) => {
    const orgId = await portalOrganisation(app, request.body.organisation);
    const session = await signUp(app, { ...request.body, orgId, phone: portalPhone(request.body.phone), requestId: String(request.id) });
    return reply.status(201).send(startBrowserSession(request, reply, session));
  });

  fastify.post('/portal/login', {
    config: { public: true, ...authLimit },
    schema: {
      tags, summary: 'Portal login: phone + password sends an SMS code (202); phone + password + code starts the session (200)',
      body: Type.Object({ phone: Phone, password: Password, code: Type.Optional(Code), organisation: Organisation }, { additionalProperties: false }),
      response: { 200: SessionView, 202: CodeSent, 423: ProblemRef, 429: ProblemRef, ...errorResponses },
    },
  }, async (request, reply) => {
    const orgId = await portalOrganisation(app, request.body.organisation);
    const result = await portalLogin(app, transport, { ...request.body, orgId, phone: portalPhone(request.body.phone), requestId: String(request.id) });
    if (result.step === 'code_sent') return reply.status(202).send({ codeSent: true as const, expiresAt: result.expiresAt, resendAfterSeconds: result.resendAfterSeconds });
    return reply.status(200).send(startBrowserSession(request, reply, result.session));
  });

  fastify.post('/work-orders/:id/photos', {
    bodyLimit: PHOTO_BODY_LIMIT,
    schema: {
      tags, params: IdParams, summary: 'Attach a photo (raw PNG, JPEG or WebP body, ≤ 5 MB, at most 6 per order); the type is read from the bytes',
      response: { 201: PhotoView, 413: ProblemRef, 415: ProblemRef, ...errorResponses },
    },
  }, async (request, reply) => {
    const body = request.body;
    if (!Buffer.isBuffer(body)) throw new AppError('unsupported_media_type', 'send the image bytes as image/png, image/jpeg or image/webp');
    const photo = await addPhoto(app, requestContext(request, app), request.params.id, body);
    return reply.status(201).send(photo);
  });

  fastify.get('/work-orders/:id/photos', {
    schema: { tags, params: IdParams, summary: 'Photos of an order', response: { 200: Type.Object({ items: Type.Array(PhotoView) }), ...errorResponses } },
  }, async (request) => ({ items: await photosOf(app, requestContext(request, app), request.params.id) }));

  fastify.get('/work-orders/:id/photos/:photoId', {
    schema: { tags, params: Type.Object({ id: Id, photoId: Id }, { additionalProperties: false }), summary: 'The photo itself' },
  }, async (request, reply) => {
    const photo = await photoBytes(app, requestContext(request, app), request.params.id, request.params.photoId);
    return reply
      .header('content-type', photo.mime)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=3600')
      .header('etag', `"${photo.sha256}"`)
      .send(photo.data);
  });
};
