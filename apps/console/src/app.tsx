import { SessionProvider, useSession } from './auth/session.context';
import { AccountPage } from './features/account/account.page';
import { I18nProvider, useI18n } from './i18n/i18n.context';
import { useLocation } from './router/hash-router';
import { AppShell } from './shell/app-shell';
import { Routes } from './shell/routes';
import { SignInPage } from './shell/sign-in.page';

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <AppShell>
          <CurrentPage />
        </AppShell>
      </SessionProvider>
    </I18nProvider>
  );
}

// Signed out, every route shows sign-in, and the route is kept so the user lands where the
// link pointed once signed in.
function CurrentPage() {
  const { session } = useSession();
  const location = useLocation();
  if (!session) return <SignInPage />;
  // another person signing in in another tab: this tab's forms start afresh rather than carry the
  // first person's typed values into the second one's drafts
  // a password the administrator knows does no work (the API refuses it: AUTH-TEMPORARY-PASSWORD);
  // the route is kept, so the page the link pointed to opens once the password is one's own
  if (session.mustChangePassword) {
    return (
      <>
        <TemporaryPasswordNote />
        <AccountPage />
      </>
    );
  }
  return <Routes key={session.user.id} location={location} user={session.user} />;
}

/** After an administrator's reset: every route shows 我的账号 with this note, until the password is changed. */
function TemporaryPasswordNote() {
  const { t } = useI18n();
  return (
    <p className="alert alert-warning" role="status" data-testid="temporary-password">
      {t('account.temporary')}
    </p>
  );
}
