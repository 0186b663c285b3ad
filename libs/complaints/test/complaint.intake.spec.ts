import { DomainRuleViolation, NotPermitted, replayEvents, stateName, TransitionNotAllowed } from '@crm/workflow-kit';
import { complaintWorkflow, DEFAULT_COMPLAINT_POLICY, type ComplaintContext } from '../src';
import {
  at, classifiedGeneral, cmd, FINANCE, GM, history, LOGGED, MANAGER, RECEIVED, recordCommand, SALES, SERVICES, spec, stateAfter,
} from './complaint.fixtures';

const { given } = spec();
const recorded = () => history([recordCommand()]);

describe('complaint intake: record and classify', () => {
  it('R-CMP-1: records time received, customer, channel, content and who logged it, with the policy in force', () => {
    given([]).when(recordCommand()).then([
      {
        type: 'ComplaintRecorded',
        data: {
          complaintId: 'c-1', customerId: 'cust-9', receivedAt: RECEIVED, channel: 'phone', content: '聚乙烯到货包装破损，要求赔偿。',
          loggedBy: 'cm-li', policy: DEFAULT_COMPLAINT_POLICY, by: 'cm-li', role: 'customer_manager', at: LOGGED,
        },
      },
    ]);
  });

  it('R-CMP-1: a complaint cannot be received after the moment it is logged', () => {
    given([]).when(recordCommand('2026-03-02T02:00:00.000Z', LOGGED)).thenThrows(DomainRuleViolation, /R-CMP-1.*receivedAt/);
  });

  it.each([['1970', '1970-01-01T00:00:00.000Z'], ['year 0', '0000-01-01T00:00:00.000Z'], ['31 days before', '2026-01-30T01:00:00.000Z']])(
    'R-CMP-1/R-CMP-3: a receipt in %s is refused at receivedAt (it would escape the SLA), by the decider and by the machine',
    (_name, receivedAt) => {
      given([]).when(recordCommand(receivedAt, LOGGED)).thenThrows(DomainRuleViolation, /R-CMP-1.*receivedAt .* days before/);
      const recordedEvent = given([]).when(recordCommand(RECEIVED, LOGGED)).thenMatches([{ type: 'ComplaintRecorded' }]).events[0];
      const backdated = { ...recordedEvent, data: { ...recordedEvent.data, receivedAt } };
      expect(replayEvents(complaintWorkflow, []).can(backdated as never)).toBe(false);
      expect(replayEvents(complaintWorkflow, []).can(recordedEvent as never)).toBe(true);
    },
  );

  it('R-CMP-1: a receipt up to 30 days before it is logged is accepted', () => {
    given([]).when(recordCommand('2026-02-01T01:30:00.000Z', LOGGED)).thenMatches([{ type: 'ComplaintRecorded' }]);
  });

  it('R-CMP-1: only the department records complaints (finance may not)', () => {
    const command = { ...recordCommand(), meta: { actor: FINANCE, now: LOGGED } };
    given([]).when(command).thenThrows(NotPermitted, 'R-CMP-1');
  });

  it('refuses any other command on a complaint that does not exist', () => {
    given([]).when(cmd('ClassifyComplaint', { class: 'general' }, SALES, at(1))).thenThrows(TransitionNotAllowed);
  });

  it('refuses recording the same complaint twice', () => {
    given(recorded()).when(recordCommand()).thenThrows(TransitionNotAllowed, 'ComplaintRecorded');
  });

  it('R-CMP-3: a general complaint is due 1 working day after receipt, warned at 75% of it', () => {
    const decision = given(recorded()).when(cmd('ClassifyComplaint', { class: 'general' }, SALES, at(1))).thenMatches([
      { type: 'ComplaintClassified', data: { class: 'general', workingDays: 1, deadline: { due: at(24), calendarVersion: 'fake-24x7' }, warnAt: at(18) } },
    ]);
    expect(decision.scheduled).toEqual([
      { key: 'sla-warning', dueAt: at(18), command: { type: 'WarnSla', data: { dueAt: at(24), warnAt: at(18) } } },
      { key: 'sla-breach', dueAt: at(24), command: { type: 'MarkSlaBreached', data: { dueAt: at(24) } } },
    ]);
  });

  it('R-CMP-3: a major complaint is due 3 working days after receipt, counted from receipt, not classification', () => {
    given(recorded()).when(cmd('ClassifyComplaint', { class: 'major' }, SALES, at(5))).thenMatches([
      { type: 'ComplaintClassified', data: { class: 'major', workingDays: 3, deadline: { due: at(72) }, warnAt: at(54) } },
    ]);
  });

  it('R-CMP-2: a serious complaint is escalated at once to a special meeting chaired by the general manager', () => {
    const decision = given(recorded()).when(cmd('ClassifyComplaint', { class: 'serious' }, SALES, at(1))).thenMatches([
      { type: 'ComplaintClassified', data: { class: 'serious', workingDays: 3 } },
      { type: 'ComplaintEscalated', data: { to: 'special_meeting', chairedByRole: 'general_manager', by: 'sales-wang' } },
    ]);
    expect(stateName(decision.after.value)).toBe('open.awaitingMeeting');
  });

  it('R-CMP-2: 报请总经理召开专题会议 — the escalation notifies the general manager (the outbox reaches every active GM)', () => {
    const decision = given(recorded()).when(cmd('ClassifyComplaint', { class: 'serious' }, SALES, at(1))).thenMatches([
      { type: 'ComplaintClassified', data: { class: 'serious' } },
      { type: 'ComplaintEscalated', data: { notify: ['general_manager'] } },
    ]);
    expect(decision.events.find((e) => e.type === 'ComplaintClassified')?.data).not.toHaveProperty('notify');
  });

  it('R-CMP-2: leaders do not classify; the department does', () => {
    given(recorded()).when(cmd('ClassifyComplaint', { class: 'general' }, GM, at(1))).thenThrows(NotPermitted, 'R-CMP-2');
  });

  it('refuses classifying twice (reclassify instead)', () => {
    given(classifiedGeneral()).when(cmd('ClassifyComplaint', { class: 'major' }, SALES, at(2))).thenThrows(TransitionNotAllowed);
  });
});

describe('complaint reclassification', () => {
  it('R-CMP-3: recomputes the deadline from the ORIGINAL receipt time and records why', () => {
    const decision = given(classifiedGeneral()).when(cmd('ReclassifyComplaint', { class: 'major', reason: '涉及多批次货物' }, SALES, at(20))).thenMatches([
      { type: 'ComplaintReclassified', data: { from: 'general', to: 'major', reason: '涉及多批次货物', previousDue: at(24), workingDays: 3, deadline: { due: at(72) }, warnAt: at(54) } },
    ]);
    expect(decision.cancelled.map((d) => d.key).sort()).toEqual(['sla-breach', 'sla-warning']);
    expect(decision.scheduled.map((d) => `${d.key}@${d.dueAt}`)).toEqual([`sla-warning@${at(54)}`, `sla-breach@${at(72)}`]);
  });

  it('R-CMP-2: reclassifying as serious escalates to the special meeting and drops the draft', () => {
    const drafted = history([cmd('DraftResolution', { department: '销售部', text: '致歉', handler: 'cm-li' }, MANAGER, at(2))], SERVICES, classifiedGeneral());
    const decision = given(drafted).when(cmd('ReclassifyComplaint', { class: 'serious', reason: '客户威胁诉讼' }, SALES, at(3))).thenMatches([
      { type: 'ComplaintReclassified', data: { to: 'serious' } },
      { type: 'ComplaintEscalated' },
    ]);
    expect(stateName(decision.after.value)).toBe('open.awaitingMeeting');
    expect((decision.after.context as ComplaintContext).draft).toBeNull();
  });

  it('leaving serious returns the complaint to drafting under the leader-approval route', () => {
    const serious = history([recordCommand(), cmd('ClassifyComplaint', { class: 'serious' }, SALES, at(1))]);
    const decision = given(serious).when(cmd('ReclassifyComplaint', { class: 'major', reason: '经核实影响有限' }, SALES, at(2))).thenMatches([
      { type: 'ComplaintReclassified', data: { from: 'serious', to: 'major' } },
    ]);
    expect(stateName(decision.after.value)).toBe('open.drafting');
  });

  it('refuses a reclassification to the same class', () => {
    given(classifiedGeneral()).when(cmd('ReclassifyComplaint', { class: 'general', reason: 'x' }, SALES, at(2))).thenThrows(DomainRuleViolation, /already classified general/);
  });

  it('R-CMP-2: refuses reclassification once a resolution is decided', () => {
    const approved = history(
      [cmd('DraftResolution', { department: '销售部', text: '致歉', handler: 'cm-li' }, MANAGER, at(2)), cmd('ApproveResolution', {}, GM, at(3))],
      SERVICES,
      classifiedGeneral(),
    );
    given(approved).when(cmd('ReclassifyComplaint', { class: 'major', reason: 'x' }, SALES, at(4))).thenThrows(DomainRuleViolation, 'R-CMP-2');
  });
});

describe('complaint policy versions', () => {
  it('R-CMP-3: a policy change applies to new complaints; an open one keeps the version it started with', () => {
    const events = recorded();
    const newPolicy = { ...DEFAULT_COMPLAINT_POLICY, version: '2027-1', deadlines: { general: 1, major: 2 } };
    const later = spec({ ...SERVICES, policy: newPolicy });
    later.given(events).when(cmd('ClassifyComplaint', { class: 'major' }, SALES, at(1))).thenMatches([
      { type: 'ComplaintClassified', data: { workingDays: 3, deadline: { due: at(72) } } },
    ]);
    const fresh = later.given([]).when(recordCommand(RECEIVED, LOGGED, 'c-2')).thenMatches([{ type: 'ComplaintRecorded', data: { policy: { version: '2027-1' } } }]);
    const classified = later.given(fresh.events).when(cmd('ClassifyComplaint', { class: 'major' }, SALES, at(1))).thenMatches([{ type: 'ComplaintClassified', data: { workingDays: 2 } }]);
    expect((stateAfter([...fresh.events, ...classified.events]).context as ComplaintContext).policy?.version).toBe('2027-1');
  });
});
