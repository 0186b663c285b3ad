import type { DeadlineSpec, WorkflowState } from '@crm/workflow-kit';
import type { CustomerContext } from './customer.context';
import { nextMonthToEvaluate } from './customer.rules';
import { expiryInstant } from './decide-documents';
import { endOfShanghaiMonth } from './shanghai-time';
import { graceEnd } from './renewal-grace';
import { nextSalesPlanMonth, salesPlanDueAt } from './sales-plan-reminder';

/**
 * Durable timers the customer needs (architecture.md: deadlines are outputs, firings inputs).
 * Keys carry the document, year or month so a renewal replaces exactly its own timers.
 */
export function customerDeadlines(state: WorkflowState<CustomerContext>): DeadlineSpec[] {
  if (!state.state.startsWith('open')) return [];
  const active = state.state === 'open.active' ? [...graceDeadlines(state.context), ...salesPlanDeadline(state.context)] : [];
  return [...documentDeadlines(state.context), ...licenceDeadlines(state.context), ...evaluationDeadline(state.context), ...active];
}

/** R-EVAL-1: an approved proof postponed suspension to the end of its grace; then it is due. */
function graceDeadlines(context: CustomerContext): DeadlineSpec[] {
  return Object.entries(context.renewalProofs)
    .filter(([documentId, proof]) => context.documents[documentId]?.expired && proof.status === 'approved' && proof.graceUntil)
    .map(([documentId, proof]) => {
      const graceUntil = proof.graceUntil as string;
      return { key: `renewal-grace:${documentId}`, dueAt: graceEnd(graceUntil), command: { type: 'EndRenewalGrace', data: { documentId, graceUntil } } };
    });
}

/** R-TIER-7: the next month's plan of an exclusive agent, checked at its due day (chained like evaluations). */
function salesPlanDeadline(context: CustomerContext): DeadlineSpec[] {
  const month = nextSalesPlanMonth(context);
  return month ? [{ key: `sales-plan-due:${month}`, dueAt: salesPlanDueAt(month), command: { type: 'CheckSalesPlan', data: { month } } }] : [];
}

/** R-ARC-4 warning before, R-EVAL-1 expiry at the end of the last valid day (Asia/Shanghai). */
function documentDeadlines(context: CustomerContext): DeadlineSpec[] {
  return Object.values(context.documents)
    .filter((doc) => !doc.expired)
    .flatMap((doc) => {
      const data = { documentId: doc.documentId, validUntil: doc.validUntil };
      const expiry = { key: `document-expiry:${doc.documentId}`, dueAt: expiryInstant(doc.validUntil), command: { type: 'ExpireDocument', data } };
      if (doc.warnedFor === doc.validUntil) return [expiry];
      return [{ key: `document-warning:${doc.documentId}`, dueAt: doc.warnAt, command: { type: 'WarnDocumentExpiry', data } }, expiry];
    });
}

/** R-TIER-7: the yearly exclusive-agency licence lapses after 31 December. */
function licenceDeadlines(context: CustomerContext): DeadlineSpec[] {
  return Object.entries(context.agencyLicences)
    .filter(([, licence]) => !licence.expired)
    .map(([year, licence]) => ({
      key: `agency-licence-expiry:${year}`,
      dueAt: expiryInstant(licence.validUntil),
      command: { type: 'ExpireAgencyLicence', data: { year: Number(year) } },
    }));
}

/** R-TIER-4: one evaluation per month, chained: each evaluated month arms the next. */
function evaluationDeadline(context: CustomerContext): DeadlineSpec[] {
  const month = nextMonthToEvaluate(context);
  if (!month) return [];
  return [{ key: `month-evaluation:${month}`, dueAt: endOfShanghaiMonth(month), command: { type: 'EvaluateMonth', data: { month } } }];
}
