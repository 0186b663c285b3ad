import { type ReviewStep, STEP_ROLE } from '@crm/onboarding';
import type { WorkingCalendar } from '@crm/calendar';

type Row = Record<string, any>;

/** How long a step has waited, in working days of business time on the official calendar, at `now`. */
export function waitingWorkingDays(calendar: WorkingCalendar, since: string, now: Date): number {
  const { ms } = calendar.workingTimeBetween(since, now);
  return Math.max(0, Math.round((ms / calendar.workingDayMs) * 100) / 100);
}

export function pendingView(row: Row, calendar: WorkingCalendar, now: Date) {
  if (!row.pending_step) return null;
  const step = row.pending_step as ReviewStep;
  return {
    step,
    role: STEP_ROLE[step],
    round: Number(row.round),
    since: row.pending_since as string,
    assignee: (row.assignee as string | null) ?? null,
    reminded: Number(row.reminded) === 1,
    waitingWorkingDays: waitingWorkingDays(calendar, row.pending_since, now),
  };
}

export function applicationSummary(row: Row, calendar: WorkingCalendar, now: Date) {
  return {
    applicationId: row.application_id as string,
    status: row.status as string,
    companyName: row.company_name as string,
    applicantId: row.applicant_id as string,
    customerManagerId: row.customer_manager_id as string,
    identityKey: row.identity_key as string,
    productLine: row.product_line as string,
    round: Number(row.round),
    pending: pendingView(row, calendar, now),
    customerId: (row.customer_id as string | null) ?? null,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
  };
}

export function historyView(row: Row) {
  return {
    eventId: row.event_id as string,
    position: Number(row.position),
    type: row.type as string,
    step: row.step ?? null,
    round: row.round === null || row.round === undefined ? null : Number(row.round),
    by: row.actor_id as string,
    byName: row.actor_name ?? null,
    role: row.role ?? null,
    onBehalfOf: row.on_behalf_of ?? null,
    delegationId: row.delegation_id ?? null,
    comment: row.comment ?? null,
    details: row.details ? JSON.parse(row.details) : null,
    at: row.at as string,
  };
}
