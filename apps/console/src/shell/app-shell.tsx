import { type ReactNode, useEffect, useState } from 'react';
import { useSession } from '../auth/session.context';
import { hasAnyRole } from '../auth/session';
import { FEATURES, featurePath } from '../features/feature-catalogue';
import { hasPage } from '../features/feature-pages';
import { useI18n } from '../i18n/i18n.context';
import { Link, navigate, useLocation } from '../router/hash-router';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from './notifications/notification-bell';
import { useTaskCount } from './task-count';

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

/**
 * Every page the user may open. On a laptop the links wrap onto the header's second row, however
 * many a role has; below 1100 px they fold behind a menu button (CSS decides which shows).
 */
function MainNav() {
  const { t } = useI18n();
  const { session } = useSession();
  const { segments, path } = useLocation();
  const tasks = useTaskCount();
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [path]); // a link followed closes the menu
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  if (!session || session.mustChangePassword) return null; // nothing to open until the temporary password is changed
  const live = FEATURES.filter((f) => hasPage(f.id) && hasAnyRole(session.user, f.roles));
  const current = segments[0] ?? '';
  const items = [{ key: '', to: '/', label: t('nav.home') }, ...live.map((f) => ({ key: f.id, to: featurePath(f.id), label: t(`feature.${f.id}.title`) }))];
  return (
    <>
      <button type="button" className="button button-ghost nav-toggle" aria-expanded={open} aria-controls="main-nav" onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">☰</span>
        <span className="nav-toggle-label">{t('nav.menu')}</span>
      </button>
      <nav id="main-nav" className={open ? 'main-nav main-nav-open' : 'main-nav'} aria-label={t('nav.main')}>
        {items.map((item) => (
          <Link key={item.key} to={item.to} className="nav-link" aria-current={current === item.key ? 'page' : undefined}>
            {item.label}
            {item.key === 'inbox' && tasks ? (
              <span className="badge badge-primary nav-count" data-testid="nav-task-count" aria-label={t('nav.taskCount', { n: tasks })}>{tasks}</span>
            ) : null}
          </Link>
        ))}
      </nav>
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
