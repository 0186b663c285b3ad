import type { OpenCustomerArchive } from '@crm/customers';
import type { ApplicationApproved } from '@crm/onboarding';

const defined = (o: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined));

/**
 * ApplicationApproved (onboarding) → OpenCustomerArchive (customers), field by field; the two
 * schemas were written separately. Named explicitly so a field added on either side is a
 * decision, not an accident: `applicantId`, `identityKey`, `approvals` and `at` stay in the
 * onboarding stream; a document's `fileName` has no place in the archive's document shape, its
 * `file` (the scan, by sha-256) goes with it.
 */
export function openCustomerArchiveFrom(approved: ApplicationApproved): OpenCustomerArchive {
  return {
    customerId: approved.customerId,
    applicationId: approved.applicationId,
    name: approved.name,
    identifiers: defined({ ...approved.identifiers }),
    invoicing: defined({ ...approved.invoicing }),
    contacts: approved.contacts.map((c) => defined({ ...c })),
    productLine: approved.productLine,
    class: { salesObject: approved.class.salesObject, salesForm: approved.class.salesForm },
    // onboarding's initialGrade and customers' gradeForClass must agree: the archive re-derives it and refuses a mismatch
    grade: approved.grade,
    customerManagerId: approved.customerManagerId,
    region: approved.region,
    documents: approved.documents.map((d) => ({
      documentId: d.documentId, kind: d.kind, number: d.number, validFrom: d.validFrom, validUntil: d.validUntil, ...(d.file ? { file: { ...d.file } } : {}),
    })),
    admission: approved.admission
      ? { checkedBy: approved.admission.checkedBy, attestations: approved.admission.attestations.map((a) => ({ criterion: a.criterion, evidence: a.evidence })) }
      : null,
  };
}
