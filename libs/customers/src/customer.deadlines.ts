import type { DeadlineSpec, WorkflowState } from '@crm/workflow-kit';
import type { CustomerContext } from './customer.context';
import { nextMonthToEvaluate } from './customer.rules';
import { expiryInstant } from './decide-documents';
import { endOfShanghaiMonth } from './shanghai-time';

/**
 * Durable timers the customer needs (architecture.md: deadlines are outputs, firings inputs).
 * Keys carry the document, year or month so a renewal replaces exactly its own timers.
 */
export function customerDeadlines(state: WorkflowState<CustomerContext>): DeadlineSpec[] {
  if (!state.state.startsWith('open')) return [];
  return [...documentDeadlines(state.context), ...licenceDeadlines(state.context), ...evaluationDeadline(state.context)];
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
