import { useSignedIn } from '../../../auth/session.context';
import type { CustomerDetail } from '../customers.messages';
import { IdentityChangeForm, IdentityChangeReview } from '../identity/identity-change';
import type { IdentityChangeView } from '../identity/identity.messages';
import { mayIssue } from '../records/record-roles';
import { AddDocumentForm } from './add-document-form';
import { useDocumentsT } from './documents.messages';
import { type DocumentWithProof, RenewalProofForm, RenewalProofReviews } from './renewal-proofs';

type Detail = Omit<CustomerDetail, 'documents'> & { documents: DocumentWithProof[]; identityChange?: IdentityChangeView | null };

/**
 * Issue 16 on one archive: documents added with their scans (R-ARC-4), proofs of a renewal under
 * way and their review (R-EVAL-1), and the company's rename or new credit code (R-ARC-1), each
 * shown to the roles the API lets issue it; every write re-reads the archive up to its position.
 */
export function DocumentsAndIdentity({ customer, onDone }: { customer: CustomerDetail; onDone(position?: number): void }) {
  const { t } = useDocumentsT();
  const { session } = useSignedIn();
  const c = customer as unknown as Detail;
  const open = c.status !== 'disqualified';
  const may = (type: Parameters<typeof mayIssue>[1]) => open && mayIssue(session.user, type);
  const proofs = c.documents.some((d) => d.renewalProof);
  const change = c.identityChange ?? null;
  const writes = may('AddQualificationDocument') || may('FileRenewalProof');
  const identityWrites = may('RequestIdentityChange') && change?.status !== 'pending';
  if (!writes && !proofs && !change && !identityWrites) return null;
  return (
    <section className="card" aria-labelledby="documents-work-title" data-testid="customer-documents-work">
      <div className="card-header"><h2 id="documents-work-title">{t('card')}</h2></div>
      <RenewalProofReviews customerId={c.customerId} documents={c.documents} people={c.people} onDone={onDone} />
      {change ? <IdentityChangeReview key={`${change.requestId}-${change.status}`} customerId={c.customerId} change={change} people={c.people} onDone={onDone} /> : null}
      {may('AddQualificationDocument') ? <AddDocumentForm customerId={c.customerId} onAdded={onDone} /> : null}
      {may('FileRenewalProof') ? <RenewalProofForm customerId={c.customerId} documents={c.documents} onFiled={onDone} /> : null}
      {identityWrites ? <IdentityChangeForm customerId={c.customerId} onRequested={onDone} /> : null}
    </section>
  );
}
