import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../api/describe-error';
import { hasAnyRole } from '../auth/session';
import { useSignedIn } from '../auth/session.context';
import { useI18n } from '../i18n/i18n.context';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeading } from '../shell/page-heading';
import { PolicyDraftForm } from './complaint-policy/policy-draft-form';
import { PolicyVersions, PolicyView } from './complaint-policy/policy-view';
import { type PolicyVersion, usePolicyT } from './complaint-policy/policy.messages';
import type { FeaturePageProps } from './feature-pages';
import '../components/onboarding.css';

/** 投诉处理方案: the version in force, every version, and (for those who may propose, R-PRICE-1) a draft of the next. */
export default function ComplaintPolicyPage(_props: FeaturePageProps) {
  const { t } = usePolicyT();
  const { t: gt } = useI18n();
  const { api, session } = useSignedIn();
  const [versions, setVersions] = useState<PolicyVersion[] | null>(null);
  const [current, setCurrent] = useState<PolicyVersion | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);

  useEffect(() => {
    // the version in force is the API's answer (what a complaint recorded now gets), not the list's last row
    Promise.all([api.get<PolicyVersion>('/complaint-policies/current'), api.get<{ items: PolicyVersion[] }>('/complaint-policies')]).then(
      ([inForce, all]) => { setCurrent(inForce); setVersions(all.items); },
      (e) => setError(describeError(e, gt)),
    );
  }, [api, gt]);
  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.complaint-policy.title')}</PageHeading>
      <ErrorAlert error={error} />
      {!versions || !current ? (error ? null : <p className="muted">{t('loading')}</p>) : (
        <>
          <PolicyView version={current} />
          {hasAnyRole(session.user, ['administrator', 'sales_reviewer', 'general_manager']) ? <PolicyDraftForm current={current} /> : null}
          <PolicyVersions versions={versions} />
        </>
      )}
    </section>
  );
}
