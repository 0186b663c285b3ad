import { useSignedIn } from '../auth/session.context';
import { hasAnyRole } from '../auth/session';
import { FEATURES, featurePath, type Feature } from '../features/feature-catalogue';
import { hasPage } from '../features/feature-pages';
import { useI18n } from '../i18n/i18n.context';
import { Link } from '../router/hash-router';
import { FeatureIcon } from './feature-icon';
import { PageHeading } from './page-heading';

/** What the signed-in user can do: one card per feature their roles allow. */
export function HomePage() {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const { user } = session;
  const mine = FEATURES.filter((f) => hasAnyRole(user, f.roles));
  const roles = user.roles.map((r) => t(`role.${r}`)).join('、');
  return (
    <div className="home">
      <PageHeading subtitle={t('home.roles', { roles })}>{t('home.greeting', { name: displayName(user.name ?? user.id) })}</PageHeading>
      <section aria-labelledby="actions-title">
        <h2 id="actions-title" className="section-title">
          {t('home.actionsTitle')}
        </h2>
        {mine.length === 0 ? <p className="muted">{t('home.noActions')}</p> : null}
        <ul className="feature-grid">
          {mine.map((feature) => (
            <li key={feature.id}>
              <FeatureCard feature={feature} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function FeatureCard({ feature }: { feature: Feature }) {
  const { t } = useI18n();
  const live = hasPage(feature.id);
  const body = (
    <>
      <span className="feature-card-icon">
        <FeatureIcon id={feature.id} />
      </span>
      <span className="feature-card-text">
        <span className="feature-card-title">
          {t(`feature.${feature.id}.title`)}
          {live ? null : <span className="badge badge-muted">{t('home.coming')}</span>}
        </span>
        <span className="feature-card-summary">{t(`feature.${feature.id}.summary`)}</span>
      </span>
    </>
  );
  // A feature without its page is still listed (so people know it is planned) but is not a link.
  return live ? (
    <Link className="feature-card" to={featurePath(feature.id)} data-feature={feature.id}>
      {body}
    </Link>
  ) : (
    <div className="feature-card feature-card-coming" data-feature={feature.id} aria-disabled="true">
      {body}
    </div>
  );
}

/** '王经理 (customer manager)' → '王经理': the role is shown separately and translated. */
function displayName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '');
}
