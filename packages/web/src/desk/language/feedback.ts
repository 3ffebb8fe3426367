import { ApiError } from '../../shared/api';
import type { Translate } from '../../shared/i18n';

/** The server's localised problem title, with its detail when it says which field or line. */
export function problemText(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return t('common.error');
  const detail = typeof error.body.detail === 'string' ? error.body.detail : '';
  return detail ? `${error.title}${t('language.colon')}${detail}` : error.title;
}
