import type { StoredEvent } from '@crm/event-store';

type Data = Record<string, any>;

/** What a history row says beyond who and when, per event type. */
function detailsOf(type: string, d: Data): Record<string, unknown> | null {
  switch (type) {
    case 'ApplicationAmended':
      return { changedFields: d.changedFields };
    case 'SalesReviewApproved':
      return { admission: d.admission };
    case 'FinanceReviewApproved':
      return { checked: d.checked };
    case 'ApplicationApproved':
      return { customerId: d.customerId, grade: d.grade };
    case 'StepReassigned':
      return { from: d.from, to: d.to };
    case 'StepReminderSent':
      return { waitingSince: d.waitingSince, assignee: d.assignee };
    default:
      return null;
  }
}

const STEP_OF: Record<string, string> = {
  SalesReviewApproved: 'sales',
  FinanceReviewApproved: 'finance',
  GeneralManagerApproved: 'generalManager',
};

/**
 * One row of an application's decision history: who acted (and for whom), in which role, when,
 * with which comment, and what they checked. Keyed by event id, so a replay writes nothing new.
 */
export function historyRow(event: StoredEvent, applicationId: string) {
  const d = event.data as Data;
  const actorName = typeof event.metadata.actorName === 'string' ? event.metadata.actorName : null;
  const details = detailsOf(event.type, d);
  return {
    event_id: event.id,
    application_id: applicationId,
    position: event.position,
    type: event.type,
    step: d.step ?? STEP_OF[event.type] ?? null,
    round: d.round ?? null,
    actor_id: d.by ?? event.metadata.actor,
    actor_name: actorName,
    role: d.role ?? null,
    on_behalf_of: d.onBehalfOf ?? null,
    delegation_id: d.delegationId ?? null,
    comment: d.comment ?? d.reason ?? null,
    details: details ? JSON.stringify(details) : null,
    at: d.at ?? event.metadata.occurredAt,
  };
}
