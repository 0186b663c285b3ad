import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../shell/page-heading';
import type { FeaturePageProps } from './feature-pages';
import { AllocationMonth } from './allocations/allocation-month';
import { AllocationWorkbench } from './allocations/allocation-workbench';
import { useAllocationsT } from './allocations/allocations.messages';
import '../components/components.css';
import '../components/onboarding.css';

/** 资源分配: the month's allocation proposal computed, adjusted and decided (R-ALLOC-1..3). */
export default function AllocationsPage({ query }: FeaturePageProps) {
  const { t } = useAllocationsT();
  const { t: gt } = useI18n();
  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.allocations.title')}</PageHeading>
      <AllocationMonth initialMonth={query.get('month') ?? undefined} />
      <AllocationWorkbench initialMonth={query.get('month') ?? undefined} />
    </section>
  );
}
