import { WorkingCalendar } from '@crm/calendar';
import {
  assertMachineGraph, commandOf, decideOnWorkflow, DomainRuleViolation, NotPermitted, replayEvents, tasksOnGraph, toWorkflowState, TransitionNotAllowed, workflowSpec, type Actor, type AnyDomainEvent,
} from '@crm/workflow-kit';
import {
  consultationDeadlines, consultationMachine, consultationWorkflow, DEFAULT_COMPLAINT_POLICY, type ConsultationCommand, type ConsultationContext, type ConsultationEvent, type ComplaintServices,
} from '../src';
import { at, FINANCE, LOGGED, MANAGER, RECEIVED, SALES, SCHEDULER, SERVICES, SUPERVISOR } from './complaint.fixtures';

const cmd = <T extends ConsultationCommand['type']>(type: T, data: Extract<ConsultationCommand, { type: T }>['data'], actor: Actor, now: string) =>
  commandOf<ConsultationCommand>(type, data, actor, now);
const record = (actor: Actor = MANAGER, receivedAt = RECEIVED, now = LOGGED) =>
  cmd('RecordConsultation', { consultationId: 'q-1', customerId: 'cust-9', receivedAt, channel: 'phone', question: '聚乙烯 7042 下月是否有货？' }, actor, now);
const answer = (now: string, actor: Actor = MANAGER) => cmd('AnswerConsultation', { channel: 'phone', answer: '下月有货，按计划分配。' }, actor, now);
const breach = (now: string, dueAt = at(24)) => cmd('MarkConsultationSlaBreached', { dueAt }, SCHEDULER, now);

function history(commands: ConsultationCommand[], services: ComplaintServices = SERVICES, start: AnyDomainEvent[] = []): ConsultationEvent[] {
  const events: AnyDomainEvent[] = [...start];
  for (const command of commands) {
    const snapshot = replayEvents(consultationWorkflow, events);
    events.push(...decideOnWorkflow(consultationWorkflow, snapshot, events.length - 1 < 0 ? null : events.length - 1, command, services).events);
  }
  return events as ConsultationEvent[];
}
const stateOf = (events: AnyDomainEvent[]) => toWorkflowState<ConsultationContext>(replayEvents(consultationWorkflow, events), events.length - 1);
const { given } = workflowSpec(consultationWorkflow, SERVICES);

describe('customer enquiries (客户咨询): recorded and answered on the general complaint clock', () => {
  it('R-CMP-5 / R-CNS-1: recording keeps the policy in force and sets the answer deadline to the general complaint\'s working days from receipt', () => {
    const decision = given([]).when(record()).thenMatches([
      {
        type: 'ConsultationRecorded',
        data: { consultationId: 'q-1', customerId: 'cust-9', receivedAt: RECEIVED, loggedBy: 'cm-li', workingDays: 1, deadline: { due: at(24) }, policy: DEFAULT_COMPLAINT_POLICY, role: 'customer_manager', at: LOGGED },
      },
    ]);
    expect(decision.scheduled.map((d) => `${d.key}@${d.dueAt}`)).toEqual([`sla-breach@${at(24)}`]);
  });

  it('R-CNS-1: a policy whose general complaint takes one working day gives enquiries the same clock on the official calendar (9 working hours)', () => {
    const official: ComplaintServices = { calendar: WorkingCalendar.official(), policy: DEFAULT_COMPLAINT_POLICY };
    const events = history([record(MANAGER, '2026-03-02T15:00:00+08:00', '2026-03-02T15:10:00+08:00')], official);
    expect(stateOf(events).context.deadline?.due).toBe('2026-03-03T15:00:00+08:00');
  });

  it('R-CMP-5: only the department (the policy\'s handler roles) records and answers an enquiry', () => {
    given([]).when(record(FINANCE)).thenThrows(NotPermitted, /R-CMP-5: recording a customer enquiry needs one of the roles customer_manager, sales_reviewer/);
    given(history([record()])).when(answer(at(2), SUPERVISOR)).thenThrows(NotPermitted, 'R-CMP-5');
  });

  it('R-CMP-5: an enquiry received after it is logged, or more than 30 days before, is refused naming receivedAt', () => {
    given([]).when(record(MANAGER, at(2), at(1))).thenThrows(DomainRuleViolation, /R-CMP-5: receivedAt .* is after the time it is logged/);
    given([]).when(record(MANAGER, '2026-01-01T00:00:00.000Z', LOGGED)).thenThrows(DomainRuleViolation, /more than 30 days before/);
  });

  it('R-CNS-1: answered in time: the clock stops, no timer is left, the answer is on record', () => {
    const decision = given(history([record()])).when(answer(at(5), SALES)).then([
      { type: 'ConsultationAnswered', data: { channel: 'phone', answer: '下月有货，按计划分配。', withinDeadline: true, by: 'sales-wang', role: 'sales_reviewer', at: at(5) } },
    ]);
    expect(decision.cancelled.map((d) => d.key)).toEqual(['sla-breach']);
    given([...history([record()]), ...decision.events]).when(answer(at(6))).thenThrows(TransitionNotAllowed);
  });

  it('R-CNS-1: the deadline passes unanswered: the scheduler records the breach once, escalated to the supervisor', () => {
    const recorded = history([record()]);
    const decision = given(recorded).when(breach(at(24.5))).then([
      { type: 'ConsultationSlaBreached', data: { dueAt: at(24), workingDays: 1, escalatedTo: 'supervisor', at: at(24.5), notify: ['supervisor'] } },
    ]);
    const breached = [...recorded, ...decision.events];
    given(breached).when(breach(at(25))).then([]);
    expect(consultationDeadlines(stateOf(breached))).toEqual([]);
    given(breached).when(answer(at(26))).thenMatches([{ type: 'ConsultationAnswered', data: { withinDeadline: false } }]);
  });

  it('R-CNS-1: answered late before the timer fired: the breach is recorded first, in the same append', () => {
    given(history([record()])).when(answer(at(30))).thenMatches([
      { type: 'ConsultationSlaBreached', data: { dueAt: at(24), at: at(30) } },
      { type: 'ConsultationAnswered', data: { withinDeadline: false, at: at(30) } },
    ]);
  });

  it('CMP-TIMER: only the scheduler fires the breach, never before it falls due; a firing after the answer does nothing', () => {
    const recorded = history([record()]);
    given(recorded).when(cmd('MarkConsultationSlaBreached', { dueAt: at(24) }, SUPERVISOR, at(25))).thenThrows(NotPermitted, 'CMP-TIMER');
    given(recorded).when(breach(at(23))).thenThrows(DomainRuleViolation, /CMP-TIMER: fired at .* before it falls due/);
    given(history([answer(at(2))], SERVICES, recorded)).when(breach(at(25))).then([]);
  });
});

describe('the consultation machine refuses forged events (R-CNS-1, R-CMP-5)', () => {
  const recordedEvent = () => history([record()])[0];

  it('R-CNS-1: a ConsultationRecorded whose working days are not the policy\'s general-complaint deadline is not allowed', () => {
    const event = recordedEvent();
    const forged = { ...event, data: { ...event.data, workingDays: 3 } };
    expect(replayEvents(consultationWorkflow, []).can(forged as never)).toBe(false);
    expect(replayEvents(consultationWorkflow, []).can(event as never)).toBe(true);
  });

  it('R-CNS-1: an answer that lies about the deadline, or skips an unrecorded breach, is not allowed', () => {
    const snapshot = replayEvents(consultationWorkflow, [recordedEvent()]);
    const answered = (withinDeadline: boolean, when: string) => ({ type: 'ConsultationAnswered', data: { channel: 'phone', answer: 'x', withinDeadline, by: 'cm-li', role: 'customer_manager', at: when } });
    expect(snapshot.can(answered(true, at(30)) as never)).toBe(false);
    expect(snapshot.can(answered(false, at(30)) as never)).toBe(false); // breachOnRecord: the breach must come first
    expect(snapshot.can(answered(true, at(3)) as never)).toBe(true);
  });
});

describe('consultation machine graph', () => {
  it('R-CMP-5: every state is reachable, the answered state is final, and the answer task is open exactly while recorded', () => {
    const events = [...history([record(), answer(at(2))]), ...history([record(), breach(at(25)), answer(at(26))]).slice(1)];
    const report = assertMachineGraph(consultationMachine, { events, serializeState: (s) => JSON.stringify(s.value) });
    expect(report.unreachable).toEqual([]);
    expect(report.finalStates).toEqual(['answered']);
    expect(tasksOnGraph(consultationWorkflow, { events, serializeState: (s: any) => JSON.stringify(s.value) })).toEqual({ none: [''], recorded: ['consultation.answer'], answered: [''] });
  });
});
