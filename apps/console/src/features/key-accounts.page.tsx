import { useState } from 'react';
import { hasAnyRole } from '../auth/session';
import { useSignedIn } from '../auth/session.context';
import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../shell/page-heading';
import type { FeaturePageProps } from './feature-pages';
import { AbcCard } from './key-accounts/abc-card';
import { AllocationCard } from './key-accounts/allocation-card';
import { KeyAccountEvaluationCard } from './key-accounts/evaluation-card';
import { ReviewCard } from './key-accounts/review-card';
import { useKeyAccountsT } from './key-accounts/key-accounts.messages';
import { SignalsCards } from './key-accounts/signals-card';
import '../components/components.css';
import '../components/onboarding.css';
import './key-accounts/key-accounts.css';

/** 大客户: read-mostly — ABC with its Pareto chart, open warnings, loyalty levels, the month's allocation proposal; the month's evaluation (R-KAM-3/4) and the periodic review (R-EVAL-2). */
export default function KeyAccountsPage(_props: FeaturePageProps) {
  const { t } = useKeyAccountsT();
  const { t: gt } = useI18n();
  const { session } = useSignedIn();
  // an evaluation's position: the warnings and levels are re-read up to it
  const [position, setPosition] = useState<number | undefined>();
  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.key-accounts.title')}</PageHeading>
      <AbcCard />
      <SignalsCards minPosition={position} />
      {hasAnyRole(session.user, ['sales_reviewer', 'supervisor']) ? <KeyAccountEvaluationCard onEvaluated={setPosition} /> : null}
      <ReviewCard />
      <AllocationCard />
    </section>
  );
}
