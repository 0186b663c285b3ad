import { hasAnyRole } from '../auth/session';
import { useSignedIn } from '../auth/session.context';
import { useI18n } from '../i18n/i18n.context';
import { Link, navigate } from '../router/hash-router';
import { PageHeading } from '../shell/page-heading';
import { useDevelopmentT } from './development/development.messages';
import { PlanDetail } from './development/plan-detail';
import { PlanForm } from './development/plan-form';
import { MissingWeeklyCard, PlansCard } from './development/plans-card';
import { ProspectDetail } from './development/prospect-detail';
import { ProspectsCard } from './development/prospects-card';
import { featurePath } from './feature-catalogue';
import type { FeaturePageProps } from './feature-pages';
import '../components/components.css';
import '../components/onboarding.css';

/** 客户开发: `#/development` prospects, plans and missing weekly summaries; `#/development/<planId>` one plan; `#/development/prospects/<id>` one prospect. */
export default function DevelopmentPage({ segments }: FeaturePageProps) {
  const { t } = useDevelopmentT();
  const { t: gt } = useI18n();
  const { session } = useSignedIn();
  const [planId, prospectId] = segments;
  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.development.title')}</PageHeading>
      {planId === 'prospects' && prospectId ? (
        <>
          <p><Link to={featurePath('development')}>← {t('back')}</Link></p>
          <ProspectDetail key={prospectId} id={prospectId} />
        </>
      ) : planId ? (
        <>
          <p><Link to={featurePath('development')}>← {t('back')}</Link></p>
          <PlanDetail key={planId} id={planId} />
        </>
      ) : (
        <>
          <PlansCard />
          {hasAnyRole(session.user, ['sales_reviewer', 'customer_manager']) ? (
            <section className="card" data-testid="plan-draft">
              <PlanForm onSent={(id) => navigate(featurePath('development', id))} />
            </section>
          ) : null}
          <MissingWeeklyCard />
          <ProspectsCard />
        </>
      )}
    </section>
  );
}
