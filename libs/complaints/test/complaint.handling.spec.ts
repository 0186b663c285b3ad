import { DomainRuleViolation, NotPermitted, stateName, TransitionNotAllowed } from '@crm/workflow-kit';
import {
  at, classifiedGeneral, cmd, GM, history, MANAGER, recordCommand, resolvedGeneral, SALES, SERVICES, spec, stateAfter, SUPERVISOR,
} from './complaint.fixtures';
import { complaintWorkflow } from '../src';

const { given } = spec();
const draft = cmd('DraftResolution', { department: '销售部', text: '补发包装完好的货物并致歉。', handler: 'cm-li' }, MANAGER, at(2));
const drafted = () => history([draft], SERVICES, classifiedGeneral());
const notified = () => history([cmd('NotifyCustomer', { channel: 'phone', message: '已安排补发。' }, MANAGER, at(4))], SERVICES, resolvedGeneral());
const seriousAwaitingMeeting = () => history([recordCommand(), cmd('ClassifyComplaint', { class: 'serious' }, SALES, at(1))]);
const meeting = (actor = GM, attachments?: Array<{ sha256: string; name: string; mediaType: 'application/pdf'; size: number }>) =>
  cmd('RecordSpecialMeetingDecision', {
    decision: '全额退款并派员上门致歉', minutes: '总经理主持专题会议，销售部、质检部参加……', attendees: ['gm-chen', 'sales-wang', 'qa-zhou'],
    department: '销售部', handler: 'sales-wang', heldAt: at(5), ...(attachments ? { attachments } : {}),
  }, actor, at(6));

describe('general and major complaints: draft, leader approval, notify, close (R-CMP-2)', () => {
  it('R-CMP-2: the department drafts a resolution naming its handler', () => {
    given(classifiedGeneral()).when(draft).then([
      { type: 'ResolutionDrafted', data: { draftNo: 1, department: '销售部', text: '补发包装完好的货物并致歉。', handler: 'cm-li', by: 'cm-li', role: 'customer_manager', at: at(2) } },
    ]);
  });

  it('R-CMP-2: a leader approves the draft', () => {
    const decision = given(drafted()).when(cmd('ApproveResolution', { comment: '同意' }, SUPERVISOR, at(3))).then([
      { type: 'ResolutionApproved', data: { draftNo: 1, comment: '同意', by: 'sup-zhao', role: 'supervisor', at: at(3) } },
    ]);
    expect(stateName(decision.after.value)).toBe('open.resolved');
  });

  it('R-CMP-2: a leader sends the draft back; the department drafts again (draft 2)', () => {
    const sentBack = given(drafted()).when(cmd('SendBackResolution', { reason: '赔偿方案不明确' }, GM, at(3))).then([
      { type: 'ResolutionSentBack', data: { draftNo: 1, reason: '赔偿方案不明确', by: 'gm-chen', role: 'general_manager', at: at(3) } },
    ]);
    expect(stateName(sentBack.after.value)).toBe('open.drafting');
    given([...drafted(), ...sentBack.events]).when(draft).thenMatches([{ type: 'ResolutionDrafted', data: { draftNo: 2 } }]);
  });

  it('R-CMP-2: only a leader (supervisor or general manager) approves', () => {
    given(drafted()).when(cmd('ApproveResolution', {}, SALES, at(3))).thenThrows(NotPermitted, 'R-CMP-2');
  });

  it('CMP-SELF: a leader who is the named handler cannot approve the resolution', () => {
    const boss = { id: 'sup-zhao', roles: ['supervisor' as const] };
    const byBoss = history([cmd('DraftResolution', { department: '销售部', text: '致歉', handler: 'sup-zhao' }, MANAGER, at(2))], SERVICES, classifiedGeneral());
    given(byBoss).when(cmd('ApproveResolution', {}, boss, at(3))).thenThrows(NotPermitted, 'CMP-SELF');
  });

  it('R-CMP-2: the customer is told only after approval', () => {
    given(drafted()).when(cmd('NotifyCustomer', { channel: 'phone', message: 'x' }, MANAGER, at(3))).thenThrows(DomainRuleViolation, 'R-CMP-2');
  });

  it('R-CMP-2: telling the customer records whether it was within the deadline and stops the SLA clock', () => {
    const decision = given(resolvedGeneral()).when(cmd('NotifyCustomer', { channel: 'phone', message: '已安排补发。' }, MANAGER, at(4))).then([
      { type: 'CustomerNotified', data: { channel: 'phone', message: '已安排补发。', withinDeadline: true, by: 'cm-li', role: 'customer_manager', at: at(4) } },
    ]);
    expect(decision.cancelled.map((d) => d.key).sort()).toEqual(['sla-breach', 'sla-warning']);
    expect(decision.scheduled).toEqual([]);
  });

  it('R-CMP-1: closes with the record complete: resolution, handler, department, notes, no breach', () => {
    const decision = given(notified()).when(cmd('CloseComplaint', { notes: '客户表示满意。' }, MANAGER, at(5))).then([
      {
        type: 'ComplaintClosed',
        data: { resolution: '补发包装完好的货物并致歉。', handler: 'cm-li', department: '销售部', notes: '客户表示满意。', breached: false, by: 'cm-li', role: 'customer_manager', at: at(5) },
      },
    ]);
    expect(decision.after.status).toBe('done');
  });

  it('R-CMP-1: refuses closing before the customer is told', () => {
    given(resolvedGeneral()).when(cmd('CloseComplaint', { notes: '无' }, MANAGER, at(5))).thenThrows(DomainRuleViolation, 'R-CMP-1');
  });

  it('R-CMP-1: refuses closing without notes (备注)', () => {
    given(notified()).when(cmd('CloseComplaint', { notes: '  ' }, MANAGER, at(5))).thenThrows(DomainRuleViolation, /SCHEMA/);
  });

  it('nothing happens to a closed complaint', () => {
    const closed = history([cmd('CloseComplaint', { notes: '无' }, MANAGER, at(5))], SERVICES, notified());
    given(closed).when(draft).thenThrows(TransitionNotAllowed, 'state "closed"');
  });
});

describe('serious complaints: special meeting chaired by the general manager (R-CMP-2)', () => {
  it('R-CMP-2: the general manager records the meeting decision and minutes; the decision is the resolution', () => {
    const decision = given(seriousAwaitingMeeting()).when(meeting()).thenMatches([
      { type: 'SpecialMeetingHeld', data: { decision: '全额退款并派员上门致歉', handler: 'sales-wang', by: 'gm-chen', role: 'general_manager', heldAt: at(5) } },
    ]);
    expect(stateName(decision.after.value)).toBe('open.resolved');
  });

  it('R-CMP-2: only the general manager (the chair) records the special meeting', () => {
    given(seriousAwaitingMeeting()).when(meeting(SUPERVISOR)).thenThrows(NotPermitted, 'R-CMP-2');
  });

  it('R-CMP-2: a serious complaint does not take the leader-approval route', () => {
    given(seriousAwaitingMeeting()).when(draft).thenThrows(TransitionNotAllowed, 'state "open.awaitingMeeting"');
  });

  it('R-CMP-2: a general complaint has no special meeting', () => {
    given(classifiedGeneral()).when(meeting()).thenThrows(DomainRuleViolation, /only serious complaints/);
  });

  it('R-CMP-1: a serious complaint closes with the meeting decision as its resolution', () => {
    const events = history([meeting(), cmd('NotifyCustomer', { channel: 'visit', message: '上门致歉' }, SALES, at(7))], SERVICES, seriousAwaitingMeeting());
    given(events).when(cmd('CloseComplaint', { notes: '专题会议纪要已归档' }, SALES, at(8))).thenMatches([
      { type: 'ComplaintClosed', data: { resolution: '全额退款并派员上门致歉', handler: 'sales-wang', department: '销售部', breached: false } },
    ]);
    expect(stateAfter(events).value).toBe('notified');
  });
});

describe('the special meeting’s minutes as a file (ADR 0018)', () => {
  const scan = { sha256: 'a'.repeat(64), name: '专题会议纪要.pdf', mediaType: 'application/pdf' as const, size: 1024 };
  const withScan = () => meeting(GM, [scan]);

  it('R-CMP-2: the minutes’ scan is kept with the meeting, with the complaint’s customer so its readers are the customer’s', () => {
    given(seriousAwaitingMeeting()).when(withScan()).thenMatches([{ type: 'SpecialMeetingHeld', data: { attachments: [scan], customerId: 'cust-9' } }]);
  });

  it('names the scan for the engine’s file guard, at its field', () => {
    expect(complaintWorkflow.filesOf?.(withScan(), stateAfter(seriousAwaitingMeeting()) as never)).toEqual([{ file: scan, field: 'attachments.0' }]);
    expect(complaintWorkflow.filesOf?.(meeting(), stateAfter(seriousAwaitingMeeting()) as never)).toEqual([]);
  });
});
