import { useCallback, useState } from 'react';
import { App } from 'antd';
import { ApiError } from '../../shared/api';
import { useI18n, type Translate } from '../../shared/i18n';

/** The server's localised problem title, with its detail when it says which field or line. */
export function problemText(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return t('common.error');
  const detail = typeof error.body.detail === 'string' ? error.body.detail : '';
  return detail ? `${error.title}${t('language.colon')}${detail}` : error.title;
}

/**
 * Every dialog of these screens saves the same way: a spinner on its button
 * while the request runs, the success text it returns (if any) when done, the
 * server's problem when not.
 */
export function useSubmitting(): { busy: boolean; submit: (work: () => Promise<string | null>) => Promise<void> } {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = useCallback(async (work: () => Promise<string | null>) => {
    setBusy(true);
    try {
      const done = await work();
      if (done) message.success(done);
    } catch (e) {
      message.error(problemText(t, e));
    } finally {
      setBusy(false);
    }
  }, [message, t]);
  return { busy, submit };
}
