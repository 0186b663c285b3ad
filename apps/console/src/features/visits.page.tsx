import { useId, useState } from 'react';
import { useSignedIn } from '../auth/session.context';
import { hasAnyRole } from '../auth/session';
import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../shell/page-heading';
import type { FeaturePageProps } from './feature-pages';
import { VisitFindings } from './visits/visit-findings';
import { VisitProgress } from './visits/visit-progress';
import { VisitRatings } from './visits/visit-ratings';
import { VisitReportForm } from './visits/visit-report-form';
import { beijingToday, useVisitsT } from './visits/visits.messages';
import '../components/components.css';
import '../components/onboarding.css';
import './visits/visits.css';

/** 客户走访: plan progress for the year, the visit report form (managers), findings to acknowledge (leaders). */
export default function VisitsPage(_props: FeaturePageProps) {
  const { t } = useVisitsT();
  const { t: gt } = useI18n();
  const { session } = useSignedIn();
  const yearId = useId();
  const [year, setYear] = useState(() => Number(beijingToday().slice(0, 4)));
  const [minPosition, setMinPosition] = useState<number | undefined>();
  const [notice, setNotice] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const isManager = hasAnyRole(session.user, ['customer_manager']);
  const seesFindings = hasAnyRole(session.user, ['supervisor', 'general_manager', 'sales_reviewer']);

  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.visits.title')}</PageHeading>
      <div className="field field-narrow">
        <label htmlFor={yearId}>{t('year')}</label>
        <input id={yearId} type="number" min={2000} max={2100} value={year} onChange={(e) => { const y = Number(e.target.value); if (y >= 2000 && y <= 2100) setYear(y); }} />
      </div>
      <VisitProgress year={year} minPosition={minPosition} />
      <VisitRatings year={year} minPosition={minPosition} />
      {seesFindings ? <VisitFindings /> : null}
      {isManager ? (
        <>
          {notice ? <p role="status" className="notice notice-success" data-testid="visit-notice">{notice}</p> : null}
          <VisitReportForm
            key={formKey}
            onSubmitted={(answer) => {
              setNotice(t('submitted', { id: answer.id }));
              setMinPosition(answer.position);
              setFormKey((k) => k + 1);
            }}
          />
        </>
      ) : null}
    </section>
  );
}
