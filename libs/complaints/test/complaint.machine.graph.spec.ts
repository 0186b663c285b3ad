import { assertMachineGraph, stateName, tasksOnGraph, type AnyDomainEvent } from '@crm/workflow-kit';
import { complaintMachine, complaintWorkflow } from '../src';
import { at, cmd, GM, history, MANAGER, recordCommand, SALES, SCHEDULER, SUPERVISOR } from './complaint.fixtures';

const draft = cmd('DraftResolution', { department: '销售部', text: '致歉', handler: 'cm-li' }, MANAGER, at(2));

/** One real instance of every event type, produced by the decider itself (guards read their data). */
function sampleEvents(): AnyDomainEvent[] {
  // R-CMP-3 (ADR 0026): only a major (or serious) complaint is extended
  const general = history([
    recordCommand(),
    cmd('ClassifyComplaint', { class: 'major' }, SALES, at(1)),
    draft,
    cmd('SendBackResolution', { reason: '重写' }, SUPERVISOR, at(3)),
    cmd('RequestExtension', { additionalWorkingDays: 1, reason: '等检测' }, MANAGER, at(4)),
    cmd('RejectExtension', { requestId: 'ext-1', reason: '不必' }, GM, at(5)),
    cmd('WarnSla', { dueAt: at(72), warnAt: at(54) }, SCHEDULER, at(54)),
    cmd('MarkSlaBreached', { dueAt: at(72) }, SCHEDULER, at(72)),
    cmd('RequestExtension', { additionalWorkingDays: 1, reason: '等检测' }, MANAGER, at(73)),
    cmd('ApproveExtension', { requestId: 'ext-2' }, SUPERVISOR, at(74)),
    cmd('ApproveExtension', { requestId: 'ext-2' }, GM, at(75)),
    { ...draft, meta: { ...draft.meta, now: at(76) } },
    cmd('ApproveResolution', {}, SUPERVISOR, at(77)),
    cmd('NotifyCustomer', { channel: 'phone', message: '已处理' }, MANAGER, at(78)),
    cmd('CloseComplaint', { notes: '无' }, MANAGER, at(79)),
  ]);
  const serious = history([
    recordCommand(),
    cmd('ClassifyComplaint', { class: 'general' }, SALES, at(1)),
    cmd('ReclassifyComplaint', { class: 'serious', reason: '升级' }, SALES, at(2)),
    cmd('ReclassifyComplaint', { class: 'major', reason: '降级' }, SALES, at(3)),
    cmd('ReclassifyComplaint', { class: 'serious', reason: '再升级' }, SALES, at(4)),
    cmd('RequestExtension', { additionalWorkingDays: 1, reason: '等专题会议' }, MANAGER, at(4.5)),
    cmd('RecordSpecialMeetingDecision', { decision: '退款', minutes: '纪要', attendees: ['gm-chen'], department: '销售部', handler: 'sales-wang', heldAt: at(5) }, GM, at(6)),
  ]);
  const straight = history([
    recordCommand(),
    cmd('ClassifyComplaint', { class: 'general' }, SALES, at(1)),
    draft,
    cmd('ApproveResolution', {}, SUPERVISOR, at(3)),
    cmd('NotifyCustomer', { channel: 'phone', message: '已处理' }, MANAGER, at(4)),
    cmd('CloseComplaint', { notes: '无' }, MANAGER, at(5)),
  ]);
  const seen = new Map<string, AnyDomainEvent>();
  for (const event of [...straight, ...general, ...serious]) seen.set(JSON.stringify(event), event);
  return [...seen.values()];
}

describe('complaint machine graph (@xstate/graph)', () => {
  const events = sampleEvents();
  // states told apart by value only: the context carries timestamps that would make every path unique
  const report = assertMachineGraph(complaintMachine, { events, serializeState: (s) => JSON.stringify(s.value) });

  it('samples cover every event type the machine names', () => {
    const named = complaintMachine.events.filter((t: string) => !t.startsWith('xstate.')).sort();
    expect([...new Set(events.map((e) => e.type))].sort()).toEqual(named);
  });

  it('R-CMP-1/R-CMP-2: every state is reachable and the final state is reached', () => {
    expect(report.unreachable).toEqual([]);
    expect(report.reached).toEqual(expect.arrayContaining(['none', 'received', 'open.drafting', 'open.awaitingApproval', 'open.awaitingMeeting', 'open.resolved', 'notified', 'closed']));
    expect(report.finalStates).toEqual(['closed']);
  });

  it('R-CMP-2: the shortest way to close goes draft → leader approval → notify → close', () => {
    expect(report.pathsToFinal.closed).toEqual(['ComplaintRecorded', 'ComplaintClassified', 'ResolutionDrafted', 'ResolutionApproved', 'CustomerNotified', 'ComplaintClosed']);
  });

  it('R-CMP-2: escalation is only passed through: it accepts nothing but ComplaintEscalated, which leads to the special meeting', () => {
    const escalating = complaintMachine.root.states.open.states.escalating;
    expect(Object.keys(escalating.on)).toEqual(['ComplaintEscalated']);
    const [transition] = escalating.on.ComplaintEscalated;
    expect(transition.target?.map((node) => stateName(node.path.join('.')))).toEqual(['open.awaitingMeeting']);
  });
});

describe('complaint human tasks on the machine graph (issue 15)', () => {
  it('R-CMP-2/R-CMP-3: every state waiting on a person opens its task (the leaders\' chain for a pending extension), no other state does', () => {
    // an extension pending (and how far its chain got) is context, so it tells states apart here
    // open.escalating is only passed through (classified serious and escalated in one append): no task is derived there
    const serializeState = (s: any) => JSON.stringify([s.value, s.context.pendingExtension?.approvals.length ?? null]);
    expect(tasksOnGraph(complaintWorkflow, { events: sampleEvents(), serializeState })).toEqual({ closed: [''], none: [''], notified: ['complaint.close'], 'open.awaitingApproval': ['complaint.approve-extension+complaint.approve-resolution', 'complaint.approve-resolution'], 'open.awaitingMeeting': ['complaint.approve-extension+complaint.special-meeting', 'complaint.special-meeting'], 'open.drafting': ['complaint.approve-extension+complaint.draft-resolution', 'complaint.draft-resolution'], 'open.escalating': ['', 'complaint.approve-extension'], 'open.resolved': ['complaint.approve-extension+complaint.notify-customer', 'complaint.notify-customer'], received: ['complaint.classify'] });
  });
});
