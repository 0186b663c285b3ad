import { ResetPassword } from '@crm/workflow-kit';
import { useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { useI18n } from '../../i18n/i18n.context';
import { ConfirmStep, FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { useRecordForm } from '../record-kit/use-record-form';
import { adminWording } from './field-check';
import { personLabel } from './person-label';
import { type UserDetail, useUsersT } from './users.messages';

/**
 * A temporary password for someone who forgot theirs: checked with the API's ResetPassword, asked
 * again naming the person, never kept as a draft in the browser. The input is cleared once sent.
 */
export function ResetPasswordForm({ user, onDone }: { user: UserDetail; onDone(position: number): void }) {
  const { t } = useUsersT();
  const { lang } = useI18n();
  const { api } = useSignedIn();
  const form = useRecordForm({ password: '', reason: '' }, { wording: adminWording() });
  const [confirming, setConfirming] = useState(false);
  const name = personLabel(user, lang);
  const body = { password: form.value('password'), reason: form.value('reason').trim() };

  async function confirm() {
    const path = `/users/${encodeURIComponent(user.username)}/reset-password`;
    const answer = await form.send(() => api.post<{ position: number }>(path, body), () => t('passwordReset', { name }), { reset: true });
    setConfirming(false);
    if (answer) onDone(answer.position);
  }

  return (
    <RecordFormFrame title={t('resetPassword')} intro={t('resetIntro')} onSubmit={() => { if (form.check(ResetPassword, body)) setConfirming(true); }}>
      <RecordField form={form} name="password" label={t('newPassword')} hint={t('newPasswordHint')} />
      <RecordField form={form} name="reason" label={t('reason')} kind="textarea" />
      <FormOutcome form={form} />
      {confirming ? (
        <ConfirmStep question={t('resetConfirm', { name })} confirmLabel={t('resetButton')} busy={form.busy} onConfirm={() => void confirm()} onCancel={() => setConfirming(false)} />
      ) : (
        <div className="toolbar"><button type="submit" className="button button-secondary">{t('resetPassword')}</button></div>
      )}
    </RecordFormFrame>
  );
}
