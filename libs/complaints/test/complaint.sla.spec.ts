import { DomainRuleViolation, NotPermitted, stateName, toWorkflowState } from '@crm/workflow-kit';
import { complaintDeadlines, explainComplaintDeadline, type ComplaintContext } from '../src';
import {
  at, classifiedGeneral, cmd, GM, history, MANAGER, recordCommand, resolvedGeneral, SCHEDULER, SERVICES, spec, stateAfter, SUPERVISOR,
} from './complaint.fixtures';

const { given } = spec();
const warn = (now = at(18), dueAt = at(24), warnAt = at(18)) => cmd('WarnSla', { dueAt, warnAt }, SCHEDULER, now);
const breach = (now = at(24), dueAt = at(24)) => cmd('MarkSlaBreached', { dueAt }, SCHEDULER, now);
const deadlinesOf = (events: Parameters<typeof stateAfter>[0]) => complaintDeadlines(toWorkflowState<ComplaintContext>(stateAfter(events), events.length - 1));

describe('SLA timers: warning at 75% and breach at the deadline', () => {
  it('R-CMP-3: the warning fires at 75% of the working time, once; the breach timer stays', () => {
    const decision = given(classifiedGeneral()).when(warn()).then([
      { type: 'ComplaintSlaWarned', data: { dueAt: at(24), warnAt: at(18), warningShare: 0.75, class: 'general', at: at(18), notify: ['supervisor', 'customer_manager'] } },
    ]);
    expect(decision.cancelled.map((d) => d.key)).toEqual(['sla-warning']);
    given([...classifiedGeneral(), ...decision.events]).when(warn(at(19))).then([]);
  });

  it('R-CMP-3: at the deadline the breach is recorded and escalated to the supervisor; the complaint stays open', () => {
    const decision = given(classifiedGeneral()).when(breach(at(25))).then([
      { type: 'ComplaintSlaBreached', data: { dueAt: at(24), class: 'general', workingDays: 1, escalatedTo: 'supervisor', at: at(25), notify: ['supervisor'] } },
    ]);
    expect(stateName(decision.after.value)).toBe('open.drafting');
    expect(decision.cancelled.map((d) => d.key).sort()).toEqual(['sla-breach', 'sla-warning']);
  });

  it('R-CMP-1: the breach stays on record: notification says late, the closed record says breached', () => {
    const late = history([breach(at(25))], SERVICES, resolvedGeneral());
    const told = given(late).when(cmd('NotifyCustomer', { channel: 'phone', message: '已补发' }, MANAGER, at(26))).thenMatches([
      { type: 'CustomerNotified', data: { withinDeadline: false } },
    ]);
    given([...late, ...told.events]).when(cmd('CloseComplaint', { notes: '超期一小时' }, MANAGER, at(27))).thenMatches([
      { type: 'ComplaintClosed', data: { breached: true } },
    ]);
  });

  it('R-CMP-3: telling the customer after the deadline, before its timer fired, records the breach first, in the same append', () => {
    const notified = given(resolvedGeneral()).when(cmd('NotifyCustomer', { channel: 'phone', message: '已回复' }, MANAGER, at(30))).thenMatches([
      { type: 'ComplaintSlaBreached', data: { dueAt: at(24), class: 'general', workingDays: 1, at: at(30) } },
      { type: 'CustomerNotified', data: { withinDeadline: false } },
    ]);
    // the late timer then finds it on record: breached once
    given([...resolvedGeneral(), ...notified.events]).when(breach(at(31))).then([]);
  });

  it('R-CMP-3: reclassifying after the deadline passed cannot move the clock past an unrecorded breach', () => {
    given(classifiedGeneral()).when(cmd('ReclassifyComplaint', { class: 'major', reason: '升级' }, MANAGER, at(30))).thenMatches([
      { type: 'ComplaintSlaBreached', data: { dueAt: at(24) } },
      { type: 'ComplaintReclassified', data: { from: 'general', to: 'major' } },
    ]);
  });

  it('R-CMP-3: the machine refuses a late notification or a reclassification while a passed deadline has no breach on record', () => {
    const late = (type: 'CustomerNotified' | 'ComplaintReclassified', data: object) => ({ type, data: { ...data, by: MANAGER.id, role: 'customer_manager', at: at(30) } }) as never;
    const resolved = stateAfter(resolvedGeneral());
    expect(resolved.can(late('CustomerNotified', { channel: 'phone', message: 'x', withinDeadline: false }))).toBe(false);
    const breached = stateAfter(history([breach(at(25))], SERVICES, resolvedGeneral()));
    expect(breached.can(late('CustomerNotified', { channel: 'phone', message: 'x', withinDeadline: false }))).toBe(true);
  });

  it('a command refused for its own reasons records no breach either (the timer will)', () => {
    given(classifiedGeneral()).when(cmd('NotifyCustomer', { channel: 'phone', message: 'x' }, MANAGER, at(30))).thenThrows(DomainRuleViolation, 'R-CMP-2');
  });

  it('R-CMP-3: an extension after a breach arms new timers for the new deadline and keeps the breach on record', () => {
    const major = history([recordCommand(), cmd('ClassifyComplaint', { class: 'major' }, MANAGER, at(1))]);
    const breached = history([breach(at(73), at(72))], SERVICES, major);
    const extended = history(
      [cmd('RequestExtension', { additionalWorkingDays: 2, reason: '等待检测' }, MANAGER, at(74)), cmd('ApproveExtension', { requestId: 'ext-1' }, SUPERVISOR, at(75)), cmd('ApproveExtension', { requestId: 'ext-1' }, GM, at(76))],
      SERVICES,
      breached,
    );
    expect(deadlinesOf(extended).map((d) => `${d.key}@${d.dueAt}`)).toEqual([`sla-warning@${at(90)}`, `sla-breach@${at(120)}`]);
    expect(explainComplaintDeadline(stateAfter(extended).context as ComplaintContext)?.breaches).toEqual([{ dueAt: at(72), at: at(73) }]);
  });

  it('a firing for a deadline that has moved (or a warning already sent) does nothing', () => {
    const reclassified = history([cmd('ReclassifyComplaint', { class: 'major', reason: '升级' }, MANAGER, at(2))], SERVICES, classifiedGeneral());
    given(reclassified).when(breach(at(24))).then([]);
    given(reclassified).when(warn(at(18))).then([]);
  });

  it('a firing after the customer was told does nothing (the clock has stopped)', () => {
    const told = history([cmd('NotifyCustomer', { channel: 'phone', message: 'x' }, MANAGER, at(4))], SERVICES, resolvedGeneral());
    given(told).when(breach(at(24))).then([]);
    expect(deadlinesOf(told)).toEqual([]);
  });

  it('CMP-TIMER: only the scheduler fires SLA timers, and never before they fall due', () => {
    given(classifiedGeneral()).when(cmd('MarkSlaBreached', { dueAt: at(24) }, SUPERVISOR, at(25))).thenThrows(NotPermitted, 'CMP-TIMER');
    given(classifiedGeneral()).when(breach(at(23))).thenThrows(DomainRuleViolation, /CMP-TIMER: fired at .* before it falls due/);
    given(classifiedGeneral()).when(warn(at(17))).thenThrows(DomainRuleViolation, 'CMP-TIMER');
    const forged = (now: string) => ({ type: 'ComplaintSlaBreached', data: { dueAt: at(24), class: 'general', workingDays: 1, escalatedTo: 'supervisor', at: now, notify: ['supervisor'] } }) as never;
    expect(stateAfter(classifiedGeneral()).can(forged(at(23)))).toBe(false);
    expect(stateAfter(classifiedGeneral()).can(forged(at(24)))).toBe(true);
  });

  it('no timers before classification', () => {
    expect(deadlinesOf(history([cmd('RecordComplaint', { complaintId: 'c-1', customerId: 'x', receivedAt: at(0), channel: 'email', content: '发票金额错误' }, MANAGER, at(0))]))).toEqual([]);
  });
});
