import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

/** The version an update is based on: the body's `version` or an If-Match header ("3", W/"3"). */
export function expectedVersion(request: FastifyRequest, bodyVersion: number | undefined): number {
  if (bodyVersion !== undefined) return bodyVersion;
  const header = request.headers['if-match'];
  const match = typeof header === 'string' ? /^(?:W\/)?"?(\d+)"?$/.exec(header.trim()) : null;
  if (match?.[1]) return Number(match[1]);
  throw new AppError('version_required');
}
