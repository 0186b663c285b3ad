/** The read model's row as the API answers it. */
export function complaintRowOf(r: Record<string, any>) {
  return {
    complaintId: r.complaint_id as string,
    customerId: r.customer_id as string,
    channel: r.channel as string,
    receivedAt: r.received_at as string,
    receivedMonth: r.received_month as string,
    loggedBy: r.logged_by as string,
    policyVersion: r.policy_version as string,
    status: r.status as string,
    class: r.class as string | null,
    department: r.department as string | null,
    handler: r.handler as string | null,
    workingDays: r.working_days === null ? null : Number(r.working_days),
    dueAt: r.due_at as string | null,
    warnAt: r.warn_at as string | null,
    calendarVersion: r.calendar_version as string | null,
    provisional: r.provisional === null ? null : Number(r.provisional) === 1,
    escalated: Number(r.escalated) === 1,
    warned: r.warned_for !== null && r.warned_for === r.due_at,
    breached: Number(r.breach_count) > 0,
    breachCount: Number(r.breach_count),
    notifiedAt: r.notified_at as string | null,
    closedAt: r.closed_at as string | null,
    position: Number(r.last_position),
  };
}
