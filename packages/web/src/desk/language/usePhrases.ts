import { useEffect, useState } from 'react';
import { get } from '../../shared/api';
import type { PhraseList, RenderedPhrase } from './types';

/** Moments that have a festival form (the server offers it for these on a statutory holiday). */
const FESTIVE_MOMENTS = ['opening', 'closing'] as const;

export interface PhraseLibrary {
  items: RenderedPhrase[];
  holiday: string | null;
  loading: boolean;
  failed: boolean;
}

/**
 * The phrase library rendered for this agent ({center}, {agentNo} and, when
 * given, {customer} filled). On a statutory holiday of the site's calendar the
 * festival openings and closings the server marks come first.
 */
export function usePhrases(enabled: boolean, customer?: string, siteId?: number, reload = 0): PhraseLibrary {
  const [state, setState] = useState<PhraseLibrary>({ items: [], holiday: null, loading: false, failed: false });
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    const query = { siteId, customer: customer?.trim() || undefined };
    void (async () => {
      try {
        const all = await get<PhraseList>('/language/phrases', query);
        const festive = all.holiday
          ? (await Promise.all(FESTIVE_MOMENTS.map((moment) => get<PhraseList>('/language/phrases', { ...query, moment }))))
              .flatMap((list) => list.items.filter((p) => p.festival))
          : [];
        if (!cancelled) setState({ items: [...festive, ...all.items], holiday: all.holiday, loading: false, failed: false });
      } catch {
        if (!cancelled) setState((s) => ({ ...s, loading: false, failed: true }));
      }
    })();
    return () => { cancelled = true; };
  }, [enabled, customer, siteId, reload]);
  return state;
}
