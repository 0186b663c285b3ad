import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { interpolate, type Params } from './interpolate';
import { en } from './messages.en';
import { zhCN, type MessageKey } from './messages.zh-cn';

export type Lang = 'zh-CN' | 'en';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'crm.console.lang';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: Params): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  // Chinese unless the user chose English on this browser before; the browser's own language is
  // deliberately ignored: the staff work in Chinese even on English-language laptops.
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const dictionary = dictionaries[lang];
    return { lang, setLang, t: (key, params) => interpolate(dictionary[key], params) };
  }, [lang, setLang]);
  useEffect(() => {
    document.title = value.t('app.title');
  }, [value]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside <I18nProvider>');
  return i18n;
}
