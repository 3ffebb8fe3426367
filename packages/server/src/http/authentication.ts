import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../app-context.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import { authenticate, type AuthenticatedSession } from '../auth/auth.service.js';
import { AppError } from '../errors/app-error.js';

export const SESSION_COOKIE = 'hy_session';
export const CSRF_COOKIE = 'hy_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    session: AuthenticatedSession | null;
  }
  interface FastifyContextConfig {
    /** Route needs no login (login itself, health checks, docs). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

/**
 * Integrations send `Authorization: Bearer`; the browser sends the HttpOnly
 * session cookie and, on every unsafe request, the CSRF token it was given at
 * login in the X-CSRF-Token header (a cross-site form cannot read or set it).
 */
export function registerAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    const bearer = bearerToken(request);
    const cookie = request.cookies?.[SESSION_COOKIE];
    const token = bearer ?? cookie;
    if (!token) return;
    const session = await authenticate(ctx.db, token, ctx.now());
    if (!session) {
      if (bearer) throw new AppError('unauthenticated', 'token unknown or expired');
      return; // a stale cookie behaves like no cookie
    }
    if (!bearer && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError('csrf_failed');
    }
    request.session = session;
  });
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config?.public) return;
    if (!request.session) throw new AppError('unauthenticated');
  });
}

export function requestContext(request: FastifyRequest, ctx: AppContext): RequestContext {
  if (!request.session) throw new AppError('unauthenticated');
  return { actor: request.session.actor, requestId: String(request.id), now: ctx.now() };
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('unauthenticated');
  return request.session.actor;
}
