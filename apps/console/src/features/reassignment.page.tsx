import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../shell/page-heading';
import type { FeaturePageProps } from './feature-pages';
import { OpenTasks } from './reassignment/open-tasks';
import { useReassignT } from './reassignment/reassignment.messages';
import '../components/onboarding.css';

/** 改派待办: an administrator hands open tasks of any workflow to another person the rules allow. */
export default function ReassignmentPage(_props: FeaturePageProps) {
  const { t } = useReassignT();
  const { t: gt } = useI18n();
  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.reassignment.title')}</PageHeading>
      <OpenTasks />
    </section>
  );
}
