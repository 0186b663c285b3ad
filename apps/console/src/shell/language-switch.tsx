import { useI18n } from '../i18n/i18n.context';

/**
 * Shows the other language's own name; the purpose is spoken from hidden text rather than an
 * aria-label, so the accessible name still contains the visible word (WCAG 2.5.3, label in name:
 * a speech-control user says what they see).
 */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button type="button" className="button button-ghost lang-switch" onClick={() => setLang(next)}>
      <span lang={next}>{t('lang.switchTo')}</span>
      <span className="visually-hidden"> – {t('lang.switchLabel')}</span>
    </button>
  );
}
