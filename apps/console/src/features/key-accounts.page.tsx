import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../shell/page-heading';
import type { FeaturePageProps } from './feature-pages';
import { AbcCard } from './key-accounts/abc-card';
import { AllocationCard } from './key-accounts/allocation-card';
import { useKeyAccountsT } from './key-accounts/key-accounts.messages';
import { SignalsCards } from './key-accounts/signals-card';
import '../components/components.css';
import '../components/onboarding.css';
import './key-accounts/key-accounts.css';

/** 大客户: read-mostly — ABC with its Pareto chart, open warnings, loyalty levels, the month's allocation proposal. */
export default function KeyAccountsPage(_props: FeaturePageProps) {
  const { t } = useKeyAccountsT();
  const { t: gt } = useI18n();
  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.key-accounts.title')}</PageHeading>
      <AbcCard />
      <SignalsCards />
      <AllocationCard />
    </section>
  );
}
