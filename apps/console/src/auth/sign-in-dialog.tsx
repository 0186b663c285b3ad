import { useState, type FormEvent } from 'react';
import { describeError, type ErrorDescription } from '../api/describe-error';
import { ApiError } from '../api/problem';
import { ModalDialog } from '../components/modal-dialog';
import { useI18n } from '../i18n/i18n.context';
import { localMessages } from '../i18n/local-messages';
import { ErrorAlert } from '../shell/error-alert';
import type { Session, SessionUser } from './session';

const useT = localMessages({
  'zh-CN': {
    title: '登录已过期，请重新登录',
    intro: '页面上填写的内容都还在；重新登录后，刚才的操作会自动再提交一次。',
    username: '用户名',
    password: '密码',
    submit: '登录并继续',
    submitting: '正在登录…',
    signOut: '退出登录',
    failed: '密码错误，请重试。',
  },
  en: {
    title: 'Your session has expired: sign in again',
    intro: 'What you typed on the page is kept; once you are signed in, the last action is sent again.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in and continue',
    submitting: 'Signing in…',
    signOut: 'Sign out',
    failed: 'Wrong password, please try again.',
  },
});

interface Props {
  /** the person whose session ended: only they may continue it (their typed work is resent as theirs) */
  user: SessionUser;
  signIn(username: string, password: string): Promise<Session>;
  signOut(): void;
}

/** Over the page after a 401: sign in again as the same person, or sign out. */
export function SignInDialog({ user, signIn, signOut }: Props) {
  const { t } = useT();
  const { t: gt } = useI18n();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) return setError({ message: gt('signIn.required'), details: '' });
    setBusy(true);
    setError(null);
    try {
      await signIn(user.id, password);
    } catch (e) {
      const described = describeError(e, gt);
      setError(e instanceof ApiError && e.status === 401 ? { ...described, message: t('failed') } : described);
      setBusy(false);
    }
  };

  return (
    <ModalDialog title={t('title')} onCancel={signOut} testId="sign-in-dialog">
      <p className="hint">{t('intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="renew-username">{t('username')}</label>
          <input id="renew-username" name="username" autoComplete="username" value={user.id} readOnly />
        </div>
        <div className="field">
          <label htmlFor="renew-password">{t('password')}</label>
          <input id="renew-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required autoFocus />
        </div>
        <ErrorAlert error={error} />
        <div className="toolbar">
          <button type="button" className="button button-secondary" onClick={signOut} disabled={busy}>
            {t('signOut')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('submitting') : t('submit')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
