import { useSignedIn } from '../../../auth/session.context';
import type { CustomerDetail } from '../customers.messages';
import { AgencyCard } from './agency-card';
import { ArchiveChangeForm } from './archive-change-form';
import { PickupsCard } from './pickups-card';
import { ReceiptsCard } from './receipts-card';
import { mayIssue } from './record-roles';
import { RenewalForm } from './renewal-form';
import { useRecordsT } from './records.messages';

/**
 * The record-keeping on one archive (issue 16): pickups for everyone who reads the archive, with
 * the forms for those who record them; the agency card for exclusive agents (R-TIER-7); archive
 * changes and renewals for the archive keepers. Each write reports its position, so the page
 * re-reads the read models up to it.
 */
export function CustomerRecords({ customer, minPosition, onDone }: { customer: CustomerDetail; minPosition?: number; onDone(position: number): void }) {
  const { t } = useRecordsT();
  const { session } = useSignedIn();
  const agent = customer.productLine === 'other_chemicals' && customer.class.salesObject === 'exclusive_agent';
  const keeper = customer.status !== 'disqualified' && (mayIssue(session.user, 'ChangeCustomerInformation') || mayIssue(session.user, 'RenewQualificationDocument'));
  return (
    <>
      <PickupsCard customerId={customer.customerId} open={customer.status !== 'disqualified'} minPosition={minPosition} onRecorded={onDone} />
      <ReceiptsCard customer={customer} minPosition={minPosition} onDone={onDone} />
      {agent && customer.status !== 'disqualified' ? <AgencyCard customerId={customer.customerId} minPosition={minPosition} onDone={onDone} /> : null}
      {keeper ? (
        <section className="card" aria-labelledby="archive-change-title" data-testid="customer-archive-change">
          <div className="card-header"><h2 id="archive-change-title">{t('archiveCard')}</h2></div>
          {mayIssue(session.user, 'ChangeCustomerInformation') ? <ArchiveChangeForm customer={customer} onChanged={onDone} /> : null}
          {mayIssue(session.user, 'RenewQualificationDocument') ? <RenewalForm customerId={customer.customerId} documents={customer.documents} onRenewed={onDone} /> : null}
        </section>
      ) : null}
    </>
  );
}
