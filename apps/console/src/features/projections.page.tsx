import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../shell/page-heading';
import type { FeaturePageProps } from './feature-pages';
import { ProjectionsTable } from './projections/projections-table';
import { useProjectionsT } from './projections/projections.messages';
import '../components/onboarding.css';

/** 数据视图状态: the administrator's view of the read models (GET /admin/projections) and their rebuilds. */
export default function ProjectionsPage(_props: FeaturePageProps) {
  const { t } = useProjectionsT();
  const { t: gt } = useI18n();
  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.projections.title')}</PageHeading>
      <ProjectionsTable />
    </section>
  );
}
