import { RATINGS, type Rating } from './types';

/** The seed's rule and the server's default (callbacks.record.reopenAtOrWorse): 不满意 or worse. */
export const DEFAULT_REOPEN_AT_OR_WORSE: Rating = 'dissatisfied';

/**
 * Does this rating send the order back to the department? The organisation
 * chooses the threshold; the server tells it with the order (`reopenAtOrWorse`
 * on the work-order detail) and with each portal callback, so the warning shown
 * before submitting says what the server will do. RATINGS is best first.
 */
export function sendsOrderBack(rating: Rating | string | null | undefined, reopenAtOrWorse: Rating | string | null | undefined): boolean {
  if (!rating) return false;
  const rank = (RATINGS as readonly string[]).indexOf(rating);
  const known = (RATINGS as readonly string[]).indexOf(reopenAtOrWorse ?? '');
  const threshold = known >= 0 ? known : RATINGS.indexOf(DEFAULT_REOPEN_AT_OR_WORSE);
  return rank >= 0 && rank >= threshold;
}
