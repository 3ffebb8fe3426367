import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { post } from '../../shared/api';
import { rebaseHits } from './hits';
import type { CheckResult, Hit } from './types';

/** Long enough to let a word be finished, short enough to feel live. */
const DEBOUNCE_MS = 300;

export interface LanguageCheck {
  /** The last answer (text checked and its hits), moved onto `text` if it changed since. */
  hitsFor: (text: string) => Hit[];
  checking: boolean;
  /** The last check failed (network, server): the box says so instead of pretending the text is clean. */
  failed: boolean;
  /** Checks `text` after the agent pauses typing. */
  schedule: (text: string) => void;
  /** Checks `text` now (before sending); null when the check could not be made. */
  checkNow: (text: string) => Promise<Hit[] | null>;
  /** Shows hits the server sent back with a refusal (forbidden_phrase). */
  show: (text: string, hits: Hit[]) => void;
  clear: () => void;
}

/**
 * The live forbidden-phrase check of one reply box: POST /language/check,
 * debounced, answers for older text ignored. Owned by the form that sends the
 * text, so sending can ask the same check whether the text is clean.
 */
export function useLanguageCheck(): LanguageCheck {
  const [result, setResult] = useState<{ text: string; hits: Hit[] }>({ text: '', hits: [] });
  const [checking, setChecking] = useState(false);
  const [failed, setFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sequence = useRef(0);

  const run = useCallback(async (text: string): Promise<Hit[] | null> => {
    const mine = ++sequence.current;
    if (!text.trim()) {
      setResult({ text, hits: [] });
      setChecking(false);
      setFailed(false);
      return [];
    }
    setChecking(true);
    try {
      const { hits } = await post<CheckResult>('/language/check', { text });
      if (mine === sequence.current) {
        setResult({ text, hits });
        setFailed(false);
      }
      return hits;
    } catch {
      if (mine === sequence.current) setFailed(true);
      return null;
    } finally {
      if (mine === sequence.current) setChecking(false);
    }
  }, []);

  const schedule = useCallback((text: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(text), DEBOUNCE_MS);
  }, [run]);

  const checkNow = useCallback((text: string) => {
    clearTimeout(timer.current);
    return run(text);
  }, [run]);

  const show = useCallback((text: string, hits: Hit[]) => {
    sequence.current++;
    setResult({ text, hits });
    setChecking(false);
  }, []);

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    sequence.current++;
    setResult({ text: '', hits: [] });
    setChecking(false);
    setFailed(false);
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  const hitsFor = useCallback((text: string) => rebaseHits(result.text, text, result.hits), [result]);
  return useMemo(() => ({ hitsFor, checking, failed, schedule, checkNow, show, clear }), [hitsFor, checking, failed, schedule, checkNow, show, clear]);
}
