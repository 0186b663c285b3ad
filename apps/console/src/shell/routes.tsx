import { Suspense } from 'react';
import { hasAnyRole, type SessionUser } from '../auth/session';
import { findFeature } from '../features/feature-catalogue';
import { pageFor } from '../features/feature-pages';
import { useI18n } from '../i18n/i18n.context';
import type { Location } from '../router/hash-router';
import { AccountPage } from '../features/account/account.page';
import { HomePage } from './home.page';
import { NoticePage } from './notice.page';

/** `/` is home; `/account` one's own account; `/<feature id>/…` is that feature's page, "coming soon" or "not permitted". */
export function Routes({ location, user }: { location: Location; user: SessionUser }) {
  const { t } = useI18n();
  const [first, ...rest] = location.segments;
  if (!first) return <HomePage />;
  // one's own account: every signed-in person, reached from the name in the header, not a feature of the home page
  if (first === 'account') return <AccountPage />;
  const feature = findFeature(first);
  if (!feature) {
    return <NoticePage title={t('notFound.title')}>{t('notFound.body', { path: location.path })}</NoticePage>;
  }
  const title = t(`feature.${feature.id}.title`);
  if (!hasAnyRole(user, feature.roles)) {
    const roles = feature.roles.map((r) => t(`role.${r}`)).join('、');
    return (
      <NoticePage title={t('forbidden.title')} tone="warning">
        {t('forbidden.body', { feature: title, roles })}
      </NoticePage>
    );
  }
  const Page = pageFor(feature.id);
  if (!Page) return <NoticePage title={t('coming.title', { feature: title })}>{t('coming.body')}</NoticePage>;
  return (
    <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
      <Page key={feature.id} segments={rest} query={location.query} />
    </Suspense>
  );
}
