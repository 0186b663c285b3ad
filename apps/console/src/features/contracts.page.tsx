import { useState } from 'react';
import { hasAnyRole } from '../auth/session';
import { useSignedIn } from '../auth/session.context';
import { useI18n } from '../i18n/i18n.context';
import { navigate } from '../router/hash-router';
import { PageHeading } from '../shell/page-heading';
import { useCatalogue } from './catalogue/use-catalogue';
import { ContractDetail } from './contracts/contract-detail';
import { ContractList } from './contracts/contract-list';
import { useContractsT } from './contracts/contracts.messages';
import { DraftContractForm } from './contracts/draft-contract-form';
import { featurePath } from './feature-catalogue';
import type { FeaturePageProps } from './feature-pages';
import '../components/components.css';
import '../components/onboarding.css';
import './record-kit/record-kit.css';

/** 销售合同 (R-ARC-5): `#/contracts` lists and drafts; `#/contracts/<id>` is one contract with the viewer's decisions. */
export default function ContractsPage({ segments }: FeaturePageProps) {
  const { t } = useContractsT();
  const { t: gt } = useI18n();
  const { session } = useSignedIn();
  const { catalogue } = useCatalogue();
  const [since, setSince] = useState<number | undefined>();
  const contractId = segments[0];
  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.contracts.title')}</PageHeading>
      {contractId ? <ContractDetail key={contractId} contractId={contractId} since={since} /> : (
        <>
          <ContractList minPosition={since} />
          {hasAnyRole(session.user, ['sales_reviewer']) ? (
            <section className="card">
              <DraftContractForm catalogue={catalogue} onDrafted={(id, at) => { setSince(at); navigate(featurePath('contracts', id)); }} />
            </section>
          ) : null}
        </>
      )}
    </section>
  );
}
