import type { ReactNode } from 'react';
import { useSession } from '../auth/session.context';
import { useI18n } from '../i18n/i18n.context';
import { Link, navigate } from '../router/hash-router';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';
import { NotificationBell } from './notifications/notification-bell';

/** Header (brand, navigation, language, user), then the page. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link className="brand" to="/">
          <span className="brand-mark" aria-hidden="true">
            CRM
          </span>
          <span className="brand-text">
            <span className="brand-title">{t('app.title')}</span>
            <span className="brand-subtitle">{t('app.subtitle')}</span>
          </span>
        </Link>
        <MainNav />
        <div className="topbar-actions">
          <SignedInBell />
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** Only a signed-in user has notifications (the bell's hooks need the session). */
function SignedInBell() {
  const { session } = useSession();
  return session && !session.mustChangePassword ? <NotificationBell /> : null;
}

function UserMenu() {
  const { t } = useI18n();
  const { session, signOut } = useSession();
  if (!session) return null;
  const { user } = session;
  const name = (user.name ?? user.id).replace(/\s*\([^)]*\)\s*$/, '');
  return (
    <div className="user-menu">
      <a className="user-name" href="#/account" title={t('nav.signedInAs', { name })}>
        <span className="user-avatar" aria-hidden="true">
          {name.slice(0, 1)}
        </span>
        <span>
          <span className="user-display">{name}</span>
          <span className="user-role">{user.roles.map((r) => t(`role.${r}`)).join('、')}</span>
        </span>
      </a>
      <button type="button" className="button button-ghost" onClick={() => (signOut(), navigate('/'))}>
        {t('nav.signOut')}
      </button>
    </div>
  );
}

// The skip link must not change the hash: the hash is the route.
function skipToMain(event: { preventDefault(): void }) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
