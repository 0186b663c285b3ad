import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../shell/page-heading';
import { CustomerDetail } from './customers/customer-detail';
import { CustomerList } from './customers/customer-list';
import { GradeChangesReport } from './customers/grading/grade-changes-report';
import { useCustomersT } from './customers/customers.messages';
import type { FeaturePageProps } from './feature-pages';
import '../components/onboarding.css';

/** 客户: the list with filters (`#/customers`) and one archive (`#/customers/<id>`). */
export default function CustomersPage({ segments }: FeaturePageProps) {
  const { t } = useCustomersT();
  const { t: gt } = useI18n();
  const id = segments[0];
  return (
    <section>
      <PageHeading subtitle={t('subtitle')}>{gt('feature.customers.title')}</PageHeading>
      {id ? <CustomerDetail key={id} id={id} /> : <><CustomerList /><GradeChangesReport /></>}
    </section>
  );
}
