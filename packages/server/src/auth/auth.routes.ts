import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { permissionsOf } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import { actorOf, CSRF_COOKIE, SESSION_COOKIE } from '../http/authentication.js';
import { errorResponses, Line, Nullable, ProblemRef } from '../http/schema-helpers.js';
import { login, logout } from './auth.service.js';

const tags = ['auth'];

const LoginBody = Type.Object(
  {
    username: Line(100),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    session: Type.Optional(Type.Boolean({ description: 'true: also set the browser session cookie (HttpOnly) and the CSRF cookie' })),
  },
  { additionalProperties: false },
);

const Me = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  employeeNo: Nullable(Type.String()),
  role: Type.String(),
  siteIds: Type.Array(Type.Integer()),
  departmentId: Nullable(Type.Integer()),
  customerId: Nullable(Type.Integer()),
  permissions: Type.Array(Type.String()),
});

export const authRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  fastify.post('/auth/login', {
    config: {
      public: true,
      // Per address: slows password guessing across accounts; lockout handles one account.
      rateLimit: { max: app.loginRateLimitPerMinute, timeWindow: '1 minute' },
    },
    schema: {
      tags,
      summary: 'Log in; the token works as Authorization: Bearer',
      body: LoginBody,
      response: {
        200: Type.Object({ token: Type.String(), csrfToken: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }),
        423: ProblemRef,
        429: ProblemRef,
        ...errorResponses,
      },
    },
  }, async (request, reply) => {
    const browser = request.body.session === true;
    const result = await login(app.db, app.authPolicy, {
      username: request.body.username.trim(),
      password: request.body.password,
      kind: browser ? 'browser' : 'token',
      now: app.now(),
      requestId: String(request.id),
    });
    if (browser) {
      const secure = request.protocol === 'https';
      reply.setCookie(SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'strict', path: '/', secure, expires: result.expiresAt });
      reply.setCookie(CSRF_COOKIE, result.csrfToken, { httpOnly: false, sameSite: 'strict', path: '/', secure, expires: result.expiresAt });
    }
    return { token: result.token, csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() };
  });

  fastify.post('/auth/logout', {
    schema: { tags, summary: 'End this session', response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    if (request.session) await logout(app.db, request.session.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  fastify.get('/auth/me', {
    schema: { tags, summary: 'Who am I, and what may I do', response: { 200: Me, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    return {
      id: actor.userId,
      orgId: actor.orgId,
      username: actor.username,
      displayName: actor.displayName,
      employeeNo: actor.employeeNo,
      role: actor.role,
      siteIds: actor.siteIds,
      departmentId: actor.departmentId,
      customerId: actor.customerId,
      permissions: permissionsOf(actor.role),
    };
  });
};
