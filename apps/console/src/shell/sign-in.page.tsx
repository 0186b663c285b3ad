import { useState, type FormEvent } from 'react';
import { describeError, type ErrorDescription } from '../api/describe-error';
import { ApiError } from '../api/problem';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../auth/demo-accounts';
import { useSession } from '../auth/session.context';
import { useI18n } from '../i18n/i18n.context';
import { ErrorAlert } from './error-alert';
import { PageHeading } from './page-heading';

export function SignInPage() {
  const { t } = useI18n();
  const { signIn, expired } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);

  async function attempt(user: string, pass: string) {
    if (!user || !pass) return setError({ message: t('signIn.required'), details: '' });
    setBusy(true);
    setError(null);
    try {
      await signIn(user, pass);
    } catch (e) {
      const described = describeError(e, t);
      // the API's wording is English; the common case gets the user's language
      setError(e instanceof ApiError && e.status === 401 ? { ...described, message: t('signIn.failed') } : described);
      setBusy(false);
    }
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void attempt(username.trim(), password);
  };

  return (
    <div className="sign-in">
      <section className="card sign-in-form" aria-labelledby="sign-in-title">
        <PageHeading subtitle={t('signIn.intro')}>
          <span id="sign-in-title">{t('signIn.title')}</span>
        </PageHeading>
        {expired ? <p className="alert alert-warning" role="status">{t('signIn.expired')}</p> : null}
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="username">{t('signIn.username')}</label>
            <input id="username" name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="password">{t('signIn.password')}</label>
            <input id="password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </div>
          <ErrorAlert error={error} />
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </section>
      <section className="card demo-accounts" aria-labelledby="demo-title">
        <h2 id="demo-title">{t('signIn.demoTitle')}</h2>
        <p className="muted">{t('signIn.demoHint', { password: DEMO_PASSWORD })}</p>
        <ul className="demo-list">
          {DEMO_ACCOUNTS.map((account) => (
            <li key={account.username}>
              <button
                type="button"
                className="demo-pick"
                disabled={busy}
                onClick={() => void attempt(account.username, DEMO_PASSWORD)}
              >
                {/* named by what it shows (label in name, WCAG 2.5.3), the verb around it as hidden text */}
                <span className="visually-hidden">{t('signIn.demoAsBefore')}</span>
                <span className="demo-name">{account.name}</span>{' '}
                <span className="demo-role">{t(`role.${account.role}`)}</span>{' '}
                <code className="demo-username">{account.username}</code>
                <span className="visually-hidden">{t('signIn.demoAsAfter')}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
