import { localMessages } from '../i18n/local-messages';
import type { FormDraft } from './form-draft';

const useT = localMessages({
  'zh-CN': { restored: '已恢复上次未提交的草稿。', discard: '丢弃草稿' },
  en: { restored: 'Your unsent draft was restored.', discard: 'Discard draft' },
});

/** Says that a form's values came back from a draft, with the button to start over. */
export function DraftNote({ draft }: { draft: Pick<FormDraft<unknown>, 'restored' | 'dirty' | 'clear'> }) {
  const { t } = useT();
  if (!draft.restored || !draft.dirty) return null;
  return (
    <p className="notice draft-note" role="status" data-testid="draft-restored">
      <span>{t('restored')}</span>
      <button type="button" className="button button-ghost" onClick={draft.clear}>
        {t('discard')}
      </button>
    </p>
  );
}
