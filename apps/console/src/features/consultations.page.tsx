import { useState } from 'react';
import { hasAnyRole } from '../auth/session';
import { useSignedIn } from '../auth/session.context';
import { localInputNow } from '../format/shanghai-time';
import { useI18n } from '../i18n/i18n.context';
import { navigate } from '../router/hash-router';
import { PageHeading } from '../shell/page-heading';
import { ConsultationDetail } from './consultations/consultation-detail';
import { ConsultationList } from './consultations/consultation-list';
import { useConsultationsT } from './consultations/consultations.messages';
import { RecordConsultationForm } from './consultations/record-consultation';
import { featurePath } from './feature-catalogue';
import type { FeaturePageProps } from './feature-pages';
import { useCustomerOptions } from './record-kit/customer-options';
import '../components/components.css';
import '../components/onboarding.css';
import './record-kit/record-kit.css';

/** 客户咨询 (R-CMP-5, R-CNS-1): `#/consultations` lists and records; `#/consultations/<id>` is one enquiry, answered there. */
export default function ConsultationsPage({ segments }: FeaturePageProps) {
  const { t } = useConsultationsT();
  const { t: gt } = useI18n();
  const { session } = useSignedIn();
  const [since, setSince] = useState<number | undefined>();
  const options = useCustomerOptions('');
  const nameOf = (id: string) => options.find((o) => o.value === id)?.label ?? '';
  const id = segments[0];
  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.consultations.title')}</PageHeading>
      {id ? <ConsultationDetail key={id} id={id} since={since} /> : (
        <>
          {hasAnyRole(session.user, ['customer_manager', 'sales_reviewer']) ? (
            <section className="card">
              <RecordConsultationForm now={localInputNow()} customerName={nameOf} onRecorded={(cid, at) => { setSince(at); navigate(featurePath('consultations', cid)); }} />
            </section>
          ) : null}
          <ConsultationList minPosition={since} />
        </>
      )}
    </section>
  );
}
