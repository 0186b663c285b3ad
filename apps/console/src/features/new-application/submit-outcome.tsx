import { ApiError } from '../../api/problem';
import { useApplicationT } from './application.messages';
import { WithdrawButton } from './withdraw-application';

/** The draft a failed submit left on the server, said out loud with the way to let the company go. */
export function SavedDraftNotice({ applicationId, company, onWithdrawn }: { applicationId: string; company: string; onWithdrawn(position: number): void }) {
  const { t } = useApplicationT();
  return (
    <div className="notice notice-warning" role="status" data-testid="draft-kept">
      <p>{t('draftKept', { company })}</p>
      <WithdrawButton applicationId={applicationId} company={company} onWithdrawn={onWithdrawn} />
    </div>
  );
}

/** A duplicate refusal links to what holds the company (ONB-DUPLICATE's `blockedBy`), by what it is, not by its id. */
export function BlockingLink({ error }: { error: unknown }) {
  const { t } = useApplicationT();
  const blockedBy = error instanceof ApiError ? error.problem.blockedBy : undefined;
  if (!blockedBy) return null;
  const customer = blockedBy.kind === 'customer';
  const href = customer ? `#/customers/${encodeURIComponent(blockedBy.id)}` : `#/new-application/${encodeURIComponent(blockedBy.id)}`;
  return (
    <p data-testid="blocking-link">
      <a href={href}>{customer ? t('blockingCustomer') : t('blockingApplication')}</a>
    </p>
  );
}
