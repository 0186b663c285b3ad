import {
  commandOf, decideOnWorkflow, replayEvents, SCHEDULER_ACTOR, workflowSpec, type Actor, type AnyDomainEvent,
} from '@crm/workflow-kit';
import {
  complaintWorkflow, DEFAULT_COMPLAINT_POLICY, type ComplaintCommand, type ComplaintEvent, type ComplaintServices, type SlaCalendar,
} from '../src';

export const MANAGER: Actor = { id: 'cm-li', name: '李经理', roles: ['customer_manager'] };
export const SALES: Actor = { id: 'sales-wang', name: '王', roles: ['sales_reviewer'] };
export const SUPERVISOR: Actor = { id: 'sup-zhao', name: '赵主管', roles: ['supervisor'] };
export const SUPERVISOR_2: Actor = { id: 'sup-qian', roles: ['supervisor'] };
export const GM: Actor = { id: 'gm-chen', name: '陈总', roles: ['general_manager'] };
export const FINANCE: Actor = { id: 'fin-sun', roles: ['finance_reviewer'] };
export const SCHEDULER: Actor = SCHEDULER_ACTOR;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A stand-in calendar for decider logic where the calendar is not the subject: every day is a
 * working day of 24 hours, so "n working days" is n × 24 h. Real calendar cases use @crm/calendar.
 */
export const FAKE_CALENDAR: SlaCalendar = {
  addWorkingDays(start, workingDays) {
    const due = iso(new Date(start).getTime() + workingDays * DAY);
    return { due, calendarVersion: 'fake-24x7', provisional: false, explanation: [] };
  },
  workingTimeBetween(a, b) {
    return { ms: new Date(b).getTime() - new Date(a).getTime(), provisional: false };
  },
};

export const SERVICES: ComplaintServices = { calendar: FAKE_CALENDAR, policy: DEFAULT_COMPLAINT_POLICY };

/** Monday 2 March 2026, 09:00 in Shanghai. */
export const RECEIVED = '2026-03-02T01:00:00.000Z';
export const LOGGED = '2026-03-02T01:30:00.000Z';
export const at = (hoursAfterReceipt: number) => iso(Date.parse(RECEIVED) + hoursAfterReceipt * 3_600_000);

export const cmd = <T extends ComplaintCommand['type']>(type: T, data: Extract<ComplaintCommand, { type: T }>['data'], actor: Actor, now: string) =>
  commandOf<ComplaintCommand>(type, data, actor, now);

export const recordCommand = (receivedAt = RECEIVED, now = LOGGED, id = 'c-1') =>
  cmd('RecordComplaint', { complaintId: id, customerId: 'cust-9', receivedAt, channel: 'phone', content: '聚乙烯到货包装破损，要求赔偿。' }, MANAGER, now);

/** Runs commands through the real decider and machine and returns every event produced. */
export function history(commands: ComplaintCommand[], services: ComplaintServices = SERVICES, start: AnyDomainEvent[] = []): ComplaintEvent[] {
  const events: AnyDomainEvent[] = [...start];
  for (const command of commands) {
    const snapshot = replayEvents(complaintWorkflow, events);
    events.push(...decideOnWorkflow(complaintWorkflow, snapshot, events.length - 1 < 0 ? null : events.length - 1, command, services).events);
  }
  return events as ComplaintEvent[];
}

export const stateAfter = (events: AnyDomainEvent[]) => replayEvents(complaintWorkflow, events);

export const spec = (services: ComplaintServices = SERVICES) => workflowSpec(complaintWorkflow, services);

/** A general complaint, recorded and classified (due 24 h after receipt on the fake calendar). */
export const classifiedGeneral = (services: ComplaintServices = SERVICES) =>
  history([recordCommand(), cmd('ClassifyComplaint', { class: 'general' }, SALES, at(1))], services);

/** Drafted by the manager, approved by the supervisor: ready to tell the customer. */
export const resolvedGeneral = (services: ComplaintServices = SERVICES) =>
  history(
    [
      cmd('DraftResolution', { department: '销售部', text: '补发包装完好的货物并致歉。', handler: 'cm-li' }, MANAGER, at(2)),
      cmd('ApproveResolution', {}, SUPERVISOR, at(3)),
    ],
    services,
    classifiedGeneral(services),
  );
