import { useI18n } from '../i18n/i18n.context';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button type="button" className="button button-ghost lang-switch" lang={next} aria-label={t('lang.switchLabel')} onClick={() => setLang(next)}>
      {t('lang.switchTo')}
    </button>
  );
}
