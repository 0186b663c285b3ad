import type { WorkingCalendar } from '@crm/calendar';

type Row = Record<string, any>;
const HOUR_MS = 3_600_000;
const hours = (ms: number) => Math.round((ms / HOUR_MS) * 10) / 10;

/** One task as the list and the detail show it; times in working hours on the official calendar. */
export function taskView(row: Row, calendar: WorkingCalendar, now: Date, me: string) {
  const due = (row.due_at as string | null) ?? null;
  const open = row.status === 'open';
  const assignee = (row.assignee as string | null) ?? null;
  return {
    taskId: row.task_id as string,
    type: row.task_type as string,
    title: row.title as string,
    step: row.step as string,
    status: row.status as 'open' | 'completed' | 'cancelled',
    workflow: row.workflow as string,
    instanceId: row.instance_id as string,
    subject: { customerId: (row.customer_id as string | null) ?? null, name: ((row.subject_name ?? row.customer_name) as string | null) ?? null },
    roles: JSON.parse(row.roles) as string[],
    assignee,
    /** the person the caller would act for: a delegation from the assignee */
    onBehalfOf: assignee && assignee !== me ? assignee : null,
    openedAt: row.opened_at as string,
    dueAt: due,
    overdue: open && due !== null && Date.parse(due) < now.getTime(),
    waitingWorkingHours: hours(calendar.workingTimeBetween(row.opened_at, open ? now : row.closed_at).ms),
    leftWorkingHours: open && due ? hours(calendar.workingTimeBetween(now, due).ms) : null,
    link: { console: row.console_link as string, api: row.api_link as string },
    commands: JSON.parse(row.commands) as string[],
    policyVersion: row.policy_version as string,
    remindedAt: (row.reminded_at as string | null) ?? null,
    escalatedAt: (row.escalated_at as string | null) ?? null,
    completion: open ? null : {
      by: row.closed_by as string, byName: (row.closed_by_name as string | null) ?? null, onBehalfOf: (row.closed_on_behalf_of as string | null) ?? null,
      command: row.closed_command as string, events: JSON.parse(row.closed_events ?? '[]') as string[], at: row.closed_at as string,
    },
  };
}
export type TaskView = ReturnType<typeof taskView>;
