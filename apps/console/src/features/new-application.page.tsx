import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../api/describe-error';
import { useSignedIn } from '../auth/session.context';
import { ApplicationFormView, ApplicationHistory, type ApplicationDetail } from '../components/application-view';
import { labelOr, useOnboardingLabels } from '../components/onboarding-labels';
import { useI18n } from '../i18n/i18n.context';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeading } from '../shell/page-heading';
import type { FeaturePageProps } from './feature-pages';
import { emptyDraft, fromForm } from './new-application/application-draft';
import { ApplicationEditor, type Done } from './new-application/application-editor';
import { useApplicationT } from './new-application/application.messages';
import { editable, MyApplications } from './new-application/my-applications';
import type { ApplicationForm } from '@crm/onboarding';
import '../components/onboarding.css';

/**
 * 开户申请: the customer manager's applications (`#/new-application`), a new one
 * (`#/new-application/new`) and one to amend or read (`#/new-application/<id>`).
 */
export default function NewApplicationPage({ segments }: FeaturePageProps) {
  const { t } = useApplicationT();
  const { t: gt } = useI18n();
  const { session } = useSignedIn();
  const [done, setDone] = useState<Done | null>(null);
  const target = segments[0];

  const finish = (result: Done) => {
    setDone(result);
    window.location.hash = '#/new-application';
  };

  return (
    <section>
      <PageHeading subtitle={t('subtitle')}>{gt('feature.new-application.title')}</PageHeading>
      {done && !target ? (
        <p role="status" className="notice notice-success" data-testid="application-notice">
          {done.message}
        </p>
      ) : null}
      {!target ? <MyApplications minPosition={done?.position} /> : null}
      {target === 'new' ? (
        <>
          <h2 id="application-form-title" className="form-title">{t('newTitle')}</h2>
          <ApplicationEditor initial={emptyDraft(session.user.id)} onDone={finish} />
        </>
      ) : null}
      {target && target !== 'new' ? <ExistingApplication id={target} onDone={finish} /> : null}
    </section>
  );
}

function ExistingApplication({ id, onDone }: { id: string; onDone(done: Done): void }) {
  const { t } = useApplicationT();
  const { t: l } = useOnboardingLabels();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const [app, setApp] = useState<ApplicationDetail | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);

  useEffect(() => {
    api.get<ApplicationDetail>(`/applications/${encodeURIComponent(id)}`).then(setApp, (e) => setError(describeError(e, gt)));
  }, [api, id, gt]);
  if (!app) return <ErrorAlert error={error} />;

  const returned = app.status === 'returned';
  const lastReturn = [...app.history].reverse().find((h) => h.type === 'ApplicationReturnedForRevision');
  return (
    <div className="detail-layout">
      <div>
        <h2 id="application-form-title" className="form-title">
          {editable(app.status) ? t('editTitle', { id }) : app.companyName}
        </h2>
        {returned && lastReturn ? (
          <p className="notice notice-warning" role="note">
            {t('returnedNotice', { comment: lastReturn.comment ?? '' })}
          </p>
        ) : null}
        {editable(app.status) ? (
          <ApplicationEditor initial={fromForm(app.form as unknown as ApplicationForm)} applicationId={id} returned={returned} onDone={onDone} />
        ) : (
          <div className="card">
            <p className="notice">{t('readOnly', { status: labelOr(l, `status.${app.status}`) })}</p>
            <ApplicationFormView form={app.form} />
          </div>
        )}
        <p><a href="#/new-application">← {t('backToList')}</a></p>
      </div>
      <aside className="detail-side card" aria-label={t('history')}>
        <ApplicationHistory history={app.history} />
      </aside>
    </div>
  );
}
