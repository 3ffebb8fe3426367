import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../errors/app-error.js';
import { buildProblem, pickLanguage } from '../errors/problem.js';

/** Fastify's own error codes that are the client's fault, mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_VALIDATION: 'validation_failed',
};

export function sendProblem(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, detail?: string, extra?: Record<string, unknown>) {
  const problem = buildProblem(code, pickLanguage(request.headers['accept-language']), {
    detail,
    instance: request.url,
    requestId: String(request.id),
    extra,
  });
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

/**
 * One place turns every failure into RFC 9457 problem+json: our AppErrors, schema
 * validation, malformed bodies, rate limits. Anything else is a 500 whose details
 * go to the log only.
 */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) return sendProblem(request, reply, error.code, error.detail, error.extra);
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const errors = fastifyError.validation.map((v) => ({
        field: `${fastifyError.validationContext ?? ''}${v.instancePath || ''}`.replace(/\//g, '.'),
        message: v.message,
        ...(v.params && 'additionalProperty' in v.params ? { unknownField: v.params.additionalProperty } : {}),
      }));
      return sendProblem(request, reply, 'validation_failed', fastifyError.message, { errors });
    }
    const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
    if (mapped) return sendProblem(request, reply, mapped, fastifyError.message);
    if (fastifyError.statusCode === 429) return sendProblem(request, reply, 'rate_limited');
    if (error instanceof SyntaxError || fastifyError.statusCode === 400) return sendProblem(request, reply, 'malformed_json', error.message);
    if (fastifyError.statusCode === 413) return sendProblem(request, reply, 'body_too_large');
    if (fastifyError.statusCode === 415) return sendProblem(request, reply, 'unsupported_media_type');
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 'internal_error');
  });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, 'route_not_found', `${request.method} ${request.url.split('?')[0]}`));
}
