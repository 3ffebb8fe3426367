/**
 * The one error type the services throw. Services know codes, never HTTP:
 * `problem.ts` maps each code to a status and to Chinese and English text.
 */
export const ERROR_CODES = [
  'validation_failed',
  'malformed_json',
  'unsupported_media_type',
  'body_too_large',
  'unauthenticated',
  'invalid_credentials',
  'account_locked',
  'rate_limited',
  'csrf_failed',
  'forbidden',
  'not_found',
  'route_not_found',
  'illegal_transition',
  'text_required',
  'version_conflict',
  'version_required',
  'idempotency_key_reused',
  'received_at_in_future',
  'unknown_reference',
  'username_taken',
  'forbidden_phrase',
  'lexicon_rule_invalid',
  'transcript_invalid',
  'already_appealed',
  'appeal_decided',
  'calendar_invalid',
  'settings_invalid',
  'not_a_complaint',
  'classification_refused',
  'nature_mismatch',
  'invalid_signature',
  'not_completed',
  'already_confirmed',
  'callback_record_invalid',
  'callback_closed',
  'not_ready',
  'phone_taken',
  'sms_code_invalid',
  'photo_invalid',
  'photo_limit_reached',
  'name_taken',
  'inactive_reference',
  'department_in_use',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Developer-facing detail; safe to show (never for 5xx). */
    readonly detail?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (why: string) => new AppError('forbidden', why);
