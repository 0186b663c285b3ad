import { WithdrawApplication } from '@crm/onboarding';
import { useId, useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { localMessages } from '../../i18n/local-messages';
import { ConfirmStep, FormOutcome, RecordField } from '../customers/records/record-fields';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import { RECORD_WORDING } from '../customers/records/field-issues';

const useWithdrawT = localMessages({
  'zh-CN': {
    withdraw: '撤回申请',
    withdrawOf: '撤回申请（{company}）',
    reason: '撤回原因（可选）',
    confirm: '确认撤回 {company} 的准入申请？撤回后不能恢复，需要时重新申请。',
    confirmButton: '确认撤回',
  },
  en: {
    withdraw: 'Withdraw',
    withdrawOf: 'Withdraw the application of {company}',
    reason: 'Reason (optional)',
    confirm: 'Withdraw the application of {company}? It cannot be resumed; apply again if needed.',
    confirmButton: 'Withdraw it',
  },
});

/** Whether the applicant may still withdraw: before the final decision (WithdrawApplication). */
export const withdrawable = (status: string) => status === 'draft' || status === 'in_review' || status === 'returned';

/** The applicant withdraws an application before its final decision, after a confirmation, with an optional reason. */
export function WithdrawButton({ applicationId, company, onWithdrawn }: { applicationId: string; company: string; onWithdrawn(position: number): void }) {
  const { t } = useWithdrawT();
  const { api } = useSignedIn();
  const id = useId();
  const form = useRecordForm({}, { wording: RECORD_WORDING });
  const [open, setOpen] = useState(false);
  const body = () => ({ reason: form.value('reason').trim() || undefined });

  async function withdraw() {
    if (!form.check(WithdrawApplication.strict(), body())) return;
    const answer = await form.send(() => api.post<CommandAnswer>(`/applications/${encodeURIComponent(applicationId)}/withdraw`, body()), () => '');
    if (answer) { setOpen(false); onWithdrawn(answer.position); }
  }

  if (!open) return <button type="button" className="button button-ghost" aria-label={t('withdrawOf', { company })} onClick={() => setOpen(true)}>{t('withdraw')}</button>;
  return (
    <div className="stack" id={id} data-testid="withdraw-application">
      <RecordField form={form} name="reason" label={t('reason')} />
      <ConfirmStep question={t('confirm', { company })} confirmLabel={t('confirmButton')} busy={form.busy} onConfirm={() => void withdraw()} onCancel={() => setOpen(false)} />
      <FormOutcome form={form} />
    </div>
  );
}
