import { localMessages } from '../i18n/local-messages';
import { ModalDialog } from './modal-dialog';

const useT = localMessages({
  'zh-CN': { title: '请确认', cancel: '再想想' },
  en: { title: 'Please confirm', cancel: 'Not yet' },
});

interface Props {
  /** what will happen, in the page's language (e.g. 驳回后该申请即终止，不能撤回。) */
  question: string;
  /** the confirming button's label: the decision's own name (驳回), never a bare "OK" */
  action: string;
  onConfirm(): void;
  onCancel(): void;
}

/** The second question before a destructive decision; the cancel button has the focus. */
export function ConfirmDialog({ question, action, onConfirm, onCancel }: Props) {
  const { t } = useT();
  return (
    <ModalDialog title={t('title')} onCancel={onCancel} testId="confirm-dialog">
      <p>{question}</p>
      <div className="toolbar">
        <button type="button" className="button button-secondary" onClick={onCancel} autoFocus>
          {t('cancel')}
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm}>
          {action}
        </button>
      </div>
    </ModalDialog>
  );
}
