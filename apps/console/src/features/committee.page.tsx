import type { CommitteeCharter } from '@crm/committee';
import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../api/describe-error';
import { hasAnyRole, type Role } from '../auth/session';
import { useSignedIn } from '../auth/session.context';
import { useI18n } from '../i18n/i18n.context';
import { navigate } from '../router/hash-router';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeading } from '../shell/page-heading';
import { CharterCard } from './committee/charter-card';
import { useCatalogue } from './catalogue/use-catalogue';
import { useCommitteeT } from './committee/committee.messages';
import { ProposalDetail } from './committee/proposal-detail';
import { ProposalForm } from './committee/proposal-form';
import { ProposalList } from './committee/proposal-list';
import { ViolationDetail } from './committee/violation-detail';
import { ViolationForm } from './committee/violation-form';
import { ViolationList } from './committee/violation-list';
import { MyCommitteeTasks } from './committee/my-committee-tasks';
import { featurePath } from './feature-catalogue';
import type { FeaturePageProps } from './feature-pages';
import '../components/components.css';
import '../components/onboarding.css';
import './record-kit/record-kit.css';

// as the API's committee.roles.ts has them: who reads the agenda, who proposes a price, who reports a violation
const READERS: readonly Role[] = ['sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor', 'auditor'];
const DECIDERS: readonly Role[] = ['sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor'];
const PROPOSERS: readonly Role[] = ['sales_reviewer', 'general_manager'];
const REPORTERS: readonly Role[] = ['customer_manager', 'sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor'];

/** 价格和客户委员会 (R-PRICE-1/2): `#/committee`; `#/committee/proposals/<id>` and `#/committee/violations/<id>` are one proposal or case. */
export default function CommitteePage({ segments }: FeaturePageProps) {
  const { t } = useCommitteeT();
  const { t: gt } = useI18n();
  const { api, session } = useSignedIn();
  const [since, setSince] = useState<number | undefined>();
  const [charter, setCharter] = useState<CommitteeCharter | null | undefined>();
  const [error, setError] = useState<ErrorDescription | null>(null);
  const { catalogue } = useCatalogue();
  const [kind, id] = segments;
  const may = (roles: readonly Role[]) => hasAnyRole(session.user, roles);
  useEffect(() => {
    api.get<{ charter: CommitteeCharter | null }>('/committee/charter').then((c) => { setCharter(c.charter); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, gt, since]);
  // a reporter who does not read the agenda (a customer manager) stays on the form and its note
  const sent = (where: 'proposals' | 'violations') => (newId: string, at: number) => { setSince(at); if (may(READERS)) navigate(featurePath('committee', where, newId)); };

  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.committee.title')}</PageHeading>
      <ErrorAlert error={error} />
      {kind === 'proposals' && id ? <ProposalDetail key={id} proposalId={id} catalogue={catalogue} since={since} />
        : kind === 'violations' && id ? <ViolationDetail key={id} caseId={id} since={since} /> : (
          <>
            {/* the charter is read before its card (and the administrator's form, which starts from it) is shown */}
            {charter !== undefined ? <CharterCard charter={charter} onPublished={setSince} /> : null}
            {may(DECIDERS) ? <MyCommitteeTasks minPosition={since} /> : null}
            {may(READERS) ? <ProposalList catalogue={catalogue} minPosition={since} /> : null}
            {may(PROPOSERS) ? <section className="card"><ProposalForm catalogue={catalogue} onSent={sent('proposals')} /></section> : null}
            {may(READERS) ? <ViolationList minPosition={since} /> : null}
            {may(REPORTERS) ? <section className="card"><ViolationForm onSent={sent('violations')} /></section> : null}
            {!may(READERS) && may(REPORTERS) ? <p className="hint">{t('reportOnly')}</p> : null}
          </>
        )}
    </section>
  );
}
