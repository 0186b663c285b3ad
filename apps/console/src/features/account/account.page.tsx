import { ChangeOwnPassword } from '@crm/workflow-kit';
import { useSignedIn } from '../../auth/session.context';
import { PageHeading } from '../../shell/page-heading';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { useRecordForm } from '../record-kit/use-record-form';
import { adminWording } from '../users/field-check';
import { useAccountT } from './account.messages';

interface PasswordChanged { accessToken: string; expiresAt: string }

/**
 * `#/account`, for every signed-in person (the name in the header opens it): one's own password,
 * e.g. the temporary one an administrator set. No draft: a password is never kept in the browser.
 */
export function AccountPage() {
  const { t } = useAccountT();
  const { api, adoptToken } = useSignedIn();
  const form = useRecordForm({ currentPassword: '', newPassword: '', repeat: '' }, { wording: adminWording() });
  const body = { currentPassword: form.value('currentPassword'), newPassword: form.value('newPassword') };

  async function submit() {
    const mismatch: Record<string, string> = form.value('repeat') === body.newPassword ? {} : { repeat: t('mismatch') };
    if (!form.check(ChangeOwnPassword, body, mismatch)) return;
    const answer = await form.send(() => api.post<PasswordChanged>('/users/me/password', body), () => t('changed'), { reset: true });
    // the change refused every earlier token, this tab's too: the answer's fresh one carries on, in every tab
    if (answer) adoptToken(answer.accessToken, answer.expiresAt);
  }

  return (
    <section>
      <PageHeading subtitle={t('subtitle')}>{t('title')}</PageHeading>
      <RecordFormFrame title={t('change')} intro={t('changeIntro')} onSubmit={() => void submit()}>
        <RecordField form={form} name="currentPassword" label={t('current')} kind="password" autoComplete="current-password" />
        <RecordField form={form} name="newPassword" label={t('next')} hint={t('nextHint')} kind="password" autoComplete="new-password" />
        <RecordField form={form} name="repeat" label={t('repeat')} kind="password" autoComplete="new-password" />
        <FormOutcome form={form} />
        <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('submit')}</button></div>
      </RecordFormFrame>
    </section>
  );
}
