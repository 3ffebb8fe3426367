import { useCallback } from 'react';
import { App, Typography } from 'antd';
import { ApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { HitList } from './CheckedTextArea';
import type { Hit } from './types';
import type { LanguageCheck } from './useLanguageCheck';

/** The server's refusal of customer text with hits (422 forbidden_phrase), with the hits it found. */
export function forbiddenHitsOf(error: unknown): Hit[] | null {
  if (error instanceof ApiError && error.code === 'forbidden_phrase' && Array.isArray(error.body.hits)) return error.body.hits as Hit[];
  return null;
}

/**
 * Sending text the customer will read. With hits, the agent is asked first;
 * sending anyway passes confirmForbidden and the server records it in the
 * audit log. Should the server still refuse (the lexicon changed a moment
 * ago, or the check was unreachable), its hits are shown in the box and the
 * agent is asked the same way. Resolves to what `send` returned, or null when
 * the agent chose to revise the text.
 */
export function useCheckedSend() {
  const { t } = useI18n();
  const { modal } = App.useApp();

  const confirm = useCallback((hits: Hit[]) => new Promise<boolean>((resolve) => {
    modal.confirm({
      title: t('language.confirm.title', { n: hits.length }),
      width: 620,
      content: (
        <>
          <HitList hits={hits} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('language.confirm.recorded')}</Typography.Paragraph>
        </>
      ),
      okText: t('language.confirm.send'),
      okButtonProps: { danger: true, 'data-testid': 'send-anyway' } as never,
      cancelText: t('language.confirm.revise'),
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  }), [modal, t]);

  return useCallback(async <T,>(text: string, check: LanguageCheck, send: (confirmForbidden: boolean) => Promise<T>): Promise<T | null> => {
    const hits = await check.checkNow(text);
    if (hits && hits.length > 0) return (await confirm(hits)) ? send(true) : null;
    try {
      return await send(false);
    } catch (error) {
      const refused = forbiddenHitsOf(error);
      if (!refused) throw error;
      check.show(text, refused);
      return (await confirm(refused)) ? send(true) : null;
    }
  }, [confirm]);
}
