import { useState } from 'react';
import { useSignedIn } from '../auth/session.context';
import { hasAnyRole } from '../auth/session';
import { useI18n } from '../i18n/i18n.context';
import { navigate } from '../router/hash-router';
import { PageHeading } from '../shell/page-heading';
import { ComplaintDetailCard } from './complaints/complaint-detail';
import { ComplaintList } from './complaints/complaint-list';
import { useComplaintsT } from './complaints/complaints.messages';
import { RecordComplaintCard } from './complaints/record-complaint';
import { featurePath } from './feature-catalogue';
import type { FeaturePageProps } from './feature-pages';
import '../components/components.css';
import './complaints/complaints.css';

/** `#/complaints` the list; `#/complaints/new` the record form; `#/complaints/<id>` one complaint. */
export default function ComplaintsPage({ segments }: FeaturePageProps) {
  const ct = useComplaintsT();
  const { t } = useI18n();
  const { session } = useSignedIn();
  const [minPosition, setMinPosition] = useState<number | undefined>();
  const [selected] = segments;
  const mayRecord = hasAnyRole(session.user, ['customer_manager', 'sales_reviewer']);
  const recording = selected === 'new';

  return (
    <div className="complaints-page">
      <div className="page-top">
        <PageHeading subtitle={ct.t('subtitle')}>{t('feature.complaints.title')}</PageHeading>
        {mayRecord && !recording ? (
          <button type="button" className="button button-primary" onClick={() => navigate(featurePath('complaints', 'new'))}>
            + {ct.t('newComplaint')}
          </button>
        ) : null}
      </div>
      <div className="split">
        <ComplaintList selected={selected} minPosition={minPosition} />
        <div className="stack">
          {recording ? (
            <RecordComplaintCard
              onCancel={() => navigate(featurePath('complaints'))}
              onRecorded={(answer) => {
                setMinPosition(answer.position);
                navigate(featurePath('complaints', answer.id));
              }}
            />
          ) : selected ? (
            <ComplaintDetailCard key={selected} id={selected} onChanged={(answer) => setMinPosition(answer.position)} />
          ) : (
            <p className="empty">{ct.t('pick')}</p>
          )}
        </div>
      </div>
    </div>
  );
}
