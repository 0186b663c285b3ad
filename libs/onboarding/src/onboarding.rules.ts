import type { Role } from '@crm/workflow-kit';
import { normaliseOrganisationCode, organisationCodeInCreditCode } from './credit-code';
import type { ApplicationForm } from './onboarding.form';
import type { CompanyIdentifiers, DocumentKind, ReviewStep } from './onboarding.shapes';

/**
 * Rule ids cited by refusals. `R-…` ids come from domain.md; `ONB-…` ids are the workflow
 * rules issue 5 adds around R-ONB-3's approval chain (they are not in the policy text).
 */
export const OnboardingRule = {
  documents: 'R-ONB-1',
  validity: 'R-ONB-2',
  order: 'R-ONB-3',
  applicantOnly: 'ONB-APPLICANT',
  selfApproval: 'ONB-SELF',
  segregation: 'ONB-SOD',
  assignee: 'ONB-ASSIGNEE',
  delegation: 'ONB-DELEGATION',
  administrator: 'ONB-ADMIN',
  duplicate: 'ONB-DUPLICATE',
  reservation: 'ONB-RESERVATION',
  timer: 'ONB-TIMER',
} as const;

export const REVIEW_STEPS: readonly ReviewStep[] = ['sales', 'finance', 'generalManager'];

/** R-ONB-3: the department (role) that decides each step. */
export const STEP_ROLE: Readonly<Record<ReviewStep, Role>> = {
  sales: 'sales_reviewer',
  finance: 'finance_reviewer',
  generalManager: 'general_manager',
};

export function nextStep(step: ReviewStep): ReviewStep | null {
  return REVIEW_STEPS[REVIEW_STEPS.indexOf(step) + 1] ?? null;
}

/** Customer ids follow from the application, so a replayed approval opens the same archive. */
export function customerIdFor(applicationId: string): string {
  return `cust-${applicationId}`;
}

/**
 * One key per company whichever identifiers it files: the organisation code, which the unified
 * credit code embeds (characters 9–17), so an old-style and a unified application collide.
 */
export function identityKeyOf(identifiers: CompanyIdentifiers): string {
  return identifiers.kind === 'unified'
    ? organisationCodeInCreditCode(identifiers.creditCode)
    : normaliseOrganisationCode(identifiers.organisationCode);
}

/** R-TIER-2/3: a new polyolefin customer is online-auction (新开发客户); direct and planned ones start at ordinary. */
export function initialGrade(form: ApplicationForm): 'online_auction' | 'ordinary' | null {
  if (form.productLine !== 'polyolefin') return null;
  const { salesObject, salesForm } = form.customerClass;
  return salesForm === 'online_auction' && salesObject !== 'direct' ? 'online_auction' : 'ordinary';
}

/** R-ONB-1: after the three-in-one reform the business licence carries all three identifiers. */
export function requiredDocumentKinds(identifiers: CompanyIdentifiers): DocumentKind[] {
  return identifiers.kind === 'unified' ? ['business_licence'] : ['business_licence', 'tax_registration', 'organisation_code'];
}

function expectedNumber(identifiers: CompanyIdentifiers, kind: DocumentKind): string | null {
  if (identifiers.kind === 'unified') return kind === 'business_licence' ? identifiers.creditCode : null;
  if (kind === 'business_licence') return identifiers.businessLicenceNo;
  if (kind === 'tax_registration') return identifiers.taxRegistrationNo;
  return kind === 'organisation_code' ? identifiers.organisationCode : null;
}

/** Certificates are dated in China's time zone (UTC+8 all year, no daylight saving). */
export function shanghaiDate(instantIso: string): string {
  return new Date(Date.parse(instantIso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

export interface SubmissionProblem {
  ruleId: string;
  message: string;
  field: string;
}

/**
 * What stops a form from being submitted at `atIso`: a missing certificate (R-ONB-1), one
 * whose number disagrees with the identifiers or that is not valid on the day (R-ONB-2).
 * The machine's submission guard and the decider's message both come from here.
 */
export function submissionProblems(form: ApplicationForm, atIso: string): SubmissionProblem[] {
  const today = shanghaiDate(atIso);
  const problems: SubmissionProblem[] = [];
  for (const kind of requiredDocumentKinds(form.identifiers)) {
    if (!form.documents.some((d) => d.kind === kind))
      problems.push({ ruleId: OnboardingRule.documents, message: `the ${kind.replace('_', ' ')} certificate is missing`, field: 'form.documents' });
  }
  form.documents.forEach((doc, i) => {
    const field = `form.documents.${i}`;
    const expected = expectedNumber(form.identifiers, doc.kind);
    if (expected !== null && normaliseOrganisationCode(doc.number) !== expected)
      problems.push({ ruleId: OnboardingRule.validity, message: `the ${doc.kind.replace('_', ' ')} number ${doc.number} does not match the identifiers (${expected})`, field });
    if (doc.validFrom > today) problems.push({ ruleId: OnboardingRule.validity, message: `document ${doc.number} is not valid before ${doc.validFrom}`, field });
    if (doc.validUntil < today) problems.push({ ruleId: OnboardingRule.validity, message: `document ${doc.number} expired on ${doc.validUntil}`, field });
  });
  return problems;
}
