import type { OnboardingContext } from './onboarding.context';
import type { ApplicationApproved, ApprovalRecord } from './onboarding.events';
import type { ApplicationForm } from './onboarding.form';
import { customerIdFor, initialGrade } from './onboarding.rules';

/**
 * R-ONB-4 / R-ARC-1: the final event carries the whole archive to open — identifiers,
 * invoicing data, contacts, class, starting grade, manager, and documents with their validity
 * — plus the approvals of the round that got it through (earlier rounds stay in the stream).
 */
export function applicationApprovedData(context: OnboardingContext, finalApproval: ApprovalRecord, at: string): ApplicationApproved {
  const form = context.form as ApplicationForm;
  const applicationId = context.applicationId as string;
  const approvals = [...context.approvals.filter((a) => a.round === finalApproval.round), finalApproval];
  return {
    applicationId,
    customerId: customerIdFor(applicationId),
    applicantId: context.applicantId as string,
    name: form.companyName,
    identifiers: form.identifiers,
    identityKey: context.identityKey as string,
    invoicing: form.invoicing,
    contacts: form.contacts,
    productLine: form.productLine,
    class: form.customerClass,
    grade: initialGrade(form),
    region: form.region,
    customerManagerId: form.customerManagerId,
    documents: form.documents.map((doc, i) => ({ ...doc, documentId: `doc-${i + 1}` })),
    admission: form.productLine === 'other_chemicals' ? context.admission : null,
    approvals,
    at,
  };
}
