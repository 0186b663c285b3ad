import { useState } from 'react';
import { useSignedIn } from '../auth/session.context';
import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../shell/page-heading';
import { DelegationForm } from './delegations/delegation-form';
import { DelegationList } from './delegations/delegation-list';
import { useDelegationsT } from './delegations/delegations.messages';
import type { FeaturePageProps } from './feature-pages';
import '../components/onboarding.css';

const DECIDING = ['sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor'];

/** 委托授权: a deciding role's delegations (give, see, revoke); an administrator sees and revokes everyone's. */
export default function DelegationsPage(_props: FeaturePageProps) {
  const { t } = useDelegationsT();
  const { t: gt } = useI18n();
  const { session } = useSignedIn();
  const [position, setPosition] = useState<number | undefined>(undefined);
  const delegates = session.user.roles.some((r) => DECIDING.includes(r));
  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.delegations.title')}</PageHeading>
      {delegates ? <DelegationForm onCreated={setPosition} /> : null}
      <DelegationList minPosition={position} onRevoked={setPosition} />
    </section>
  );
}
