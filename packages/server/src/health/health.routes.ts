import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sql } from 'kysely';
import type { AppContext } from '../app-context.js';
import { AppError } from '../errors/app-error.js';
import { ProblemRef } from '../http/schema-helpers.js';

export const healthRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  fastify.get('/healthz', {
    config: { public: true },
    schema: { tags: ['health'], summary: 'The process is alive', response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }));

  fastify.get('/readyz', {
    config: { public: true },
    schema: { tags: ['health'], summary: 'The database answers', response: { 200: Type.Object({ status: Type.Literal('ready'), database: Type.String() }), 503: ProblemRef } },
  }, async () => {
    try {
      await sql`select 1`.execute(app.db);
    } catch {
      throw new AppError('not_ready', 'database unreachable');
    }
    return { status: 'ready' as const, database: app.dialect };
  });
};
