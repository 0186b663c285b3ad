import { CreateUser } from '@crm/workflow-kit';
import { useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { RoleChecks } from './role-checks';
import { useRecordForm } from '../record-kit/use-record-form';
import { useUsersT } from './users.messages';
import { adminWording } from './field-check';

/** A new account: user name, name, roles and an initial password, checked with the API's CreateUser. */
export function CreateUserForm({ onCreated }: { onCreated(position: number): void }) {
  const { t } = useUsersT();
  const { api } = useSignedIn();
  const form = useRecordForm({ username: '', name: '', password: '' }, { wording: adminWording({ username: t('usernameHint') }) });
  const [roles, setRoles] = useState<string[]>([]);

  async function submit() {
    const body = { username: form.value('username').trim(), name: form.value('name').trim(), roles, password: form.value('password') };
    if (!form.check(CreateUser, body, roles.length === 0 ? { roles: t('roleRule') } : {})) return;
    const answer = await form.send(() => api.post<{ position: number }>('/users', body), () => t('created', { name: body.name }), { reset: true });
    if (answer) { setRoles([]); onCreated(answer.position); }
  }

  return (
    <RecordFormFrame title={t('create')} intro={t('createIntro')} onSubmit={() => void submit()}>
      <div className="form-row">
        <RecordField form={form} name="username" label={t('username')} hint={t('usernameHint')} />
        <RecordField form={form} name="name" label={t('displayName')} />
        <RecordField form={form} name="password" label={t('password')} hint={t('passwordHint')} />
      </div>
      <RoleChecks legend={t('roles')} chosen={roles} onChange={setRoles} error={form.errors.roles} />
      <FormOutcome form={form} />
      <div className="toolbar">
        <button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('create')}</button>
      </div>
    </RecordFormFrame>
  );
}
