import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { landingPage } from '../http/landing-page.js';
import { sendProblem } from '../http/problem-handler.js';

/** packages/web/dist, from src/web (tests) and from dist/web (the built server) alike. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Paths that belong to the API side: an unknown one is a problem+json 404, never the SPA. */
const API_PATHS = /^\/(api|healthz|readyz)(\/|$|\?)/;

// antd writes its styles at run time (CSS-in-JS), hence 'unsafe-inline' for styles only.
const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "connect-src 'self'", "font-src 'self' data:", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'",
].join('; ');

/**
 * The agent desk at `/` and the customer portal at `/portal`, both from the Vite
 * build. Client routes (`/work-orders/12`, `/portal/orders/3`) get their page so a
 * reload or a shared link works; assets carry a content hash and are cached for good.
 * Without a build the old landing page is shown, so the API still explains itself.
 */
export function webRoutes(options: { root?: string } = {}) {
  return async (fastify: FastifyInstance) => {
    const root = options.root ?? DEFAULT_WEB_ROOT;
    const built = existsSync(join(root, 'index.html'));
    // The static plugin's own routes need no login either.
    fastify.addHook('onRoute', (route) => {
      route.config = { ...(route.config as object), public: true };
    });
    if (built && existsSync(join(root, 'assets'))) {
      await fastify.register(fastifyStatic, {
        root: join(root, 'assets'), prefix: '/assets/', decorateReply: false, index: false, immutable: true, maxAge: '365d', preCompressed: true,
      });
    }

    const page = async (reply: FastifyReply, file: 'index.html' | 'portal.html') => {
      // A build replacing dist/ under a running server must not turn into 500s.
      const html = built ? await readFile(join(root, file), 'utf8').catch(() => landingPage) : landingPage;
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('content-security-policy', CSP)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'same-origin')
        .send(html);
    };
    const config = { public: true };
    const schema = { hide: true };

    fastify.get('/', { config, schema }, (_request, reply) => page(reply, 'index.html'));
    fastify.get('/portal', { config, schema }, (_request, reply) => page(reply, 'portal.html'));
    fastify.get('/portal/*', { config, schema }, (_request, reply) => page(reply, 'portal.html'));
    fastify.get('/*', { config, schema }, (request, reply) => {
      if (API_PATHS.test(request.url)) return sendProblem(request, reply, 'route_not_found', `${request.method} ${request.url.split('?')[0]}`);
      return page(reply, 'index.html');
    });
  };
}
