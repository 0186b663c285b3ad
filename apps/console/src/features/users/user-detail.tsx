import { AccountChangeReason, ChangeRoles } from '@crm/workflow-kit';
import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { ConfirmStep, FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { featurePath } from '../feature-catalogue';
import { NotificationSettingsForm } from './notification-settings-form';
import { ResetPasswordForm } from './reset-password-form';
import { named, personLabel, roleWord } from './person-label';
import { RoleChecks } from './role-checks';
import { useRecordForm } from '../record-kit/use-record-form';
import { useDirectory } from './use-directory';
import { type UserDetail, type UsersKey, useUsersT } from './users.messages';
import { adminWording } from './field-check';

/** One account: its roles (saved against the revision read), disabling, re-enabling, a password reset and signing out, each after a confirmation, and its access history. */
export function UserDetailView({ username }: { username: string }) {
  const { t } = useUsersT();
  const { t: gt, lang } = useI18n();
  const { api, session } = useSignedIn();
  const [position, setPosition] = useState<number | undefined>(undefined);
  const [user, setUser] = useState<UserDetail | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const { people } = useDirectory(position);

  useEffect(() => {
    api.get<UserDetail>(`/users/${encodeURIComponent(username)}`).then((u) => { setUser(u); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, username, position, gt]);

  if (error) return <ErrorAlert error={error} />;
  if (!user) return <p className="muted">{t('loading')}</p>;
  const label = personLabel(user, lang);
  const changed = (next: number) => setPosition(next);
  return (
    <div className="stack" data-testid="user-detail">
      <p><a href={`#${featurePath('users')}`}>{t('back')}</a></p>
      <h2 className="section-title">{label}</h2>
      {user.disabled ? <p className="alert alert-warning" role="status">{t('isDisabled')}</p> : null}
      {user.disabled ? <ReasonAction key={`enable-${user.revision}`} user={user} action="enable" onDone={changed} /> : null}
      {user.disabled ? null : (
        <>
          <RolesForm key={`roles-${user.revision}`} user={user} onSaved={changed} />
          <NotificationSettingsForm username={user.username} />
          <ReasonAction key={`disable-${user.revision}`} user={user} action="disable" onDone={changed} />
          <ReasonAction key={`revoke-${user.revision}`} user={user} action="revoke" onDone={changed} />
        </>
      )}
      {/* one's own password changes with the current one, not by a reset; kept mounted so its note stays after the reload */}
      {user.username === session.user.id ? null : <ResetPasswordForm key={`reset-${user.username}`} user={user} onDone={changed} />}
      <section className="card card-flush" aria-labelledby="user-history">
        <div className="card-header"><h3 id="user-history" className="section-title">{t('history')}</h3></div>
        <table className="data-table" data-testid="user-history">
          <thead><tr><th scope="col">{t('at')}</th><th scope="col">{t('what')}</th><th scope="col">{t('by')}</th></tr></thead>
          <tbody>
            {user.history.map((h) => (
              <tr key={h.position}>
                <td className="nowrap">{formatInstant(h.at)}</td>
                <td>{t(`event.${h.type}` as UsersKey)}{h.roles ? `${lang === 'en' ? ': ' : '：'}${h.roles.map((r) => roleWord(r, lang)).join(lang === 'en' ? ', ' : '、')}` : ''}{h.reason ? ` — ${h.reason}` : ''}</td>
                <td>{named(people, h.by, lang, t('unknownPerson'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function RolesForm({ user, onSaved }: { user: UserDetail; onSaved(position: number): void }) {
  const { t } = useUsersT();
  const { lang } = useI18n();
  const { api } = useSignedIn();
  const form = useRecordForm({}, { wording: adminWording() });
  const [roles, setRoles] = useState<string[]>(user.roles);

  async function submit() {
    const body = { roles, expectedRevision: user.revision };
    if (!form.check(ChangeRoles, body, roles.length === 0 ? { roles: t('roleRule') } : {})) return;
    const words = roles.map((r) => roleWord(r, lang)).join('、');
    const answer = await form.send(
      () => api.put<{ position: number; unchanged?: true }>(`/users/${encodeURIComponent(user.username)}/roles`, body),
      (a) => (a.unchanged ? t('rolesUnchanged') : t('rolesSaved', { roles: words })),
    );
    if (answer && !answer.unchanged) onSaved(answer.position);
  }

  return (
    <RecordFormFrame title={t('changeRoles')} intro={t('changeRolesIntro')} onSubmit={() => void submit()}>
      <RoleChecks legend={t('roles')} chosen={roles} onChange={setRoles} error={form.errors.roles} />
      <FormOutcome form={form} />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('saveRoles')}</button></div>
    </RecordFormFrame>
  );
}

const ACTIONS = {
  disable: { path: 'disable', title: 'disable', intro: 'disableIntro', confirm: 'disableConfirm', button: 'disableButton', done: 'disabledNote' },
  revoke: { path: 'revoke-tokens', title: 'revoke', intro: 'revokeIntro', confirm: 'revokeConfirm', button: 'revokeButton', done: 'revoked' },
  enable: { path: 'enable', title: 'enable', intro: 'enableIntro', confirm: 'enableConfirm', button: 'enableButton', done: 'enabled' },
} as const;
const TONE: Record<keyof typeof ACTIONS, string> = { disable: 'button-danger', revoke: 'button-secondary', enable: 'button-primary' };

/** Disabling, re-enabling or signing out: a reason (kept in the history), then a confirmation naming the person. */
function ReasonAction({ user, action, onDone }: { user: UserDetail; action: keyof typeof ACTIONS; onDone(position: number): void }) {
  const { t } = useUsersT();
  const { lang } = useI18n();
  const { api } = useSignedIn();
  const words = ACTIONS[action];
  const form = useRecordForm({ reason: '' }, { wording: adminWording() });
  const [confirming, setConfirming] = useState(false);
  const name = personLabel(user, lang);
  const body = { reason: form.value('reason').trim() };

  async function confirm() {
    const answer = await form.send(() => api.post<{ position: number }>(`/users/${encodeURIComponent(user.username)}/${words.path}`, body), () => t(words.done, { name }));
    setConfirming(false);
    if (answer) onDone(answer.position);
  }

  return (
    <RecordFormFrame title={t(words.title)} intro={t(words.intro)} onSubmit={() => { if (form.check(AccountChangeReason, body)) setConfirming(true); }}>
      <RecordField form={form} name="reason" label={t('reason')} kind="textarea" />
      <FormOutcome form={form} />
      {confirming ? (
        <ConfirmStep question={t(words.confirm, { name })} confirmLabel={t(words.button)} busy={form.busy} onConfirm={() => void confirm()} onCancel={() => setConfirming(false)} />
      ) : (
        <div className="toolbar"><button type="submit" className={`button ${TONE[action]}`}>{t(words.title)}</button></div>
      )}
    </RecordFormFrame>
  );
}
