import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../shell/page-heading';
import { CustomerDetail } from './customers/customer-detail';
import { CustomerList } from './customers/customer-list';
import { GradeChangesReport } from './customers/grading/grade-changes-report';
import { ReceiptImport } from './customers/records/receipt-import';
import { hasAnyRole } from '../auth/session';
import { useSignedIn } from '../auth/session.context';
import { CustomersViews, EXPIRING_SEGMENT, ExpiringDocuments } from './customers/documents/expiring-documents';
import { useCustomersT } from './customers/customers.messages';
import type { FeaturePageProps } from './feature-pages';
import '../components/onboarding.css';

/** 客户: the list with filters (`#/customers`) and one archive (`#/customers/<id>`). */
export default function CustomersPage({ segments }: FeaturePageProps) {
  const { t } = useCustomersT();
  const { t: gt } = useI18n();
  const id = segments[0];
  // R-PRIN-4: a bank statement names many customers, so finance imports it beside the list
  const finance = hasAnyRole(useSignedIn().session.user, ['finance_reviewer']);
  return (
    <section>
      <PageHeading subtitle={t('subtitle')}>{gt('feature.customers.title')}</PageHeading>
      {id === EXPIRING_SEGMENT ? <><CustomersViews current="expiring" /><ExpiringDocuments /></> : id ? <CustomerDetail key={id} id={id} /> : (
        <><CustomersViews current="list" /><div className="stack">{finance ? <ReceiptImport /> : null}<CustomerList /><GradeChangesReport /></div></>
      )}
    </section>
  );
}
