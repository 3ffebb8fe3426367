import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import antdZhCN from 'antd/locale/zh_CN';
import antdZhTW from 'antd/locale/zh_TW';
import antdEnUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import 'dayjs/locale/en';
import { setApiLanguage } from '../api';
import { zhCN, type Dictionary, type MessageKey } from './zh-CN';
import { zhTW } from './zh-TW';
import { en } from './en';

export type Language = 'zh-CN' | 'zh-TW' | 'en';
export const LANGUAGES: { code: Language; label: string }[] = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'zh-TW', label: '繁體中文' },
  { code: 'en', label: 'English' },
];

const DICTIONARIES: Record<Language, Dictionary> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
const ANTD = { 'zh-CN': antdZhCN, 'zh-TW': antdZhTW, en: antdEnUS };
const DAYJS = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };
const STORAGE_KEY = 'hy_lang';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  lang: Language;
  setLang: (lang: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'zh-TW' || stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  useEffect(() => {
    dayjs.locale(DAYJS[lang]);
    setApiLanguage(lang === 'en' ? 'en' : 'zh-CN');
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    // dayjs and the API language are module-wide: set them before the re-render.
    dayjs.locale(DAYJS[next]);
    setApiLanguage(next === 'en' ? 'en' : 'zh-CN');
    setLangState(next);
  }, []);
  const t = useCallback<Translate>((key, values) => {
    const text = DICTIONARIES[lang][key] ?? zhCN[key];
    return values ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '')) : text;
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={ANTD[lang]} theme={{ token: { colorPrimary: '#1668dc', borderRadius: 6, fontFamily: 'system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif' } }}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Labels for server codes (kinds, statuses …): a known key, or the code itself. */
export function label(t: Translate, prefix: string, code: string | null | undefined): string {
  if (!code) return '';
  const key = `${prefix}.${code}` as MessageKey;
  return key in zhCN ? t(key) : code;
}
