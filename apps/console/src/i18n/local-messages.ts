import { interpolate, type Params } from './interpolate';
import { useI18n, type Lang } from './i18n.context';

/**
 * A feature page's own strings, kept in the page's folder so adding a page touches no shared
 * file. Chinese defines the keys; English must have the same ones (checked by the compiler).
 */
export function localMessages<K extends string>(dictionaries: { 'zh-CN': Record<K, string>; en: NoInfer<Record<K, string>> }) {
  return function useLocalT(): { lang: Lang; t: (key: K, params?: Params) => string } {
    const { lang } = useI18n();
    return { lang, t: (key, params) => interpolate(dictionaries[lang][key], params) };
  };
}
