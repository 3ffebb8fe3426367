import { useEffect, useRef } from 'react';

/**
 * Keeps the desk's reference data (sites, departments, categories, staff) close
 * to the server's. A desk stays open all day, so what an administrator changes
 * in the morning must reach the agents without a reload: the data is fetched
 * again after an administrator saves in this tab, when the tab comes back into
 * view after a while, and every few minutes while it is in view.
 */

const CHANGED_EVENT = 'huiyin:reference-changed';
const REFRESH_EVERY_MS = 5 * 60_000;
const STALE_AFTER_MS = 60_000;

/** Tell this tab's desk that an administrator changed reference data. */
export function announceReferenceChange(): void {
  window.dispatchEvent(new Event(CHANGED_EVENT));
}

/** Runs `refresh` at the moments above while `active`. */
export function useReferenceRefresh(refresh: () => Promise<void>, active: boolean): void {
  const loadedAt = useRef(Date.now());
  useEffect(() => {
    if (!active) return;
    loadedAt.current = Date.now();
    const run = () => {
      loadedAt.current = Date.now();
      void refresh().catch(() => undefined); // a failed refresh keeps the data already shown
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible' && Date.now() - loadedAt.current > STALE_AFTER_MS) run();
    };
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') run();
    }, REFRESH_EVERY_MS);
    window.addEventListener(CHANGED_EVENT, run);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      window.removeEventListener(CHANGED_EVENT, run);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh, active]);
}
