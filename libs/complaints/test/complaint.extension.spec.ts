import { DomainRuleViolation, NotPermitted, toWorkflowState, TransitionNotAllowed } from '@crm/workflow-kit';
import { complaintGuards, complaintWorkflow, decideComplaint, DEFAULT_COMPLAINT_POLICY, upcastComplaintEvent, type ComplaintContext } from '../src';
import {
  at, classifiedGeneral, cmd, GM, history, MANAGER, recordCommand, SALES, SERVICES, spec, stateAfter, SUPERVISOR, SUPERVISOR_2,
} from './complaint.fixtures';

const { given } = spec();
const request = (days: number, actor = MANAGER) => cmd('RequestExtension', { additionalWorkingDays: days, reason: '需第三方质检报告' }, actor, at(10));
const approve = (actor = SUPERVISOR, requestId = 'ext-1', hours = 11) => cmd('ApproveExtension', { requestId }, actor, at(hours));
const majorClassified = () => history([recordCommand(), cmd('ClassifyComplaint', { class: 'major' }, SALES, at(1))]);
const requested = (days = 2) => history([request(days)], SERVICES, majorClassified());
const ctx = (events: Parameters<typeof stateAfter>[0]) => stateAfter(events).context as ComplaintContext;

describe('SLA extension up the chain of leaders (R-CMP-3)', () => {
  it('R-CMP-3: the handler requests more working days for a major complaint; the request states the total from receipt and the class', () => {
    given(majorClassified()).when(request(2)).then([
      { type: 'ExtensionRequested', data: { requestId: 'ext-1', additionalWorkingDays: 2, workingDays: 5, reason: '需第三方质检报告', class: 'major', by: 'cm-li', role: 'customer_manager', at: at(10) } },
    ]);
  });

  it('R-CMP-3 (ADR 0026): a general complaint cannot be extended (特殊情况 belongs to 较大事件投诉): 422 naming the rule and the field', () => {
    given(classifiedGeneral()).when(request(1)).thenThrows(DomainRuleViolation, /R-CMP-3: a general complaint cannot be extended: only a major or serious complaint may be/);
    const state = toWorkflowState<ComplaintContext>(stateAfter(classifiedGeneral()), 1);
    expect(() => decideComplaint(request(1), state, SERVICES)).toThrow(expect.objectContaining({ ruleId: 'R-CMP-3', field: 'additionalWorkingDays' }));
  });

  it('R-CMP-3 (ADR 0026): a serious complaint (it takes the major deadline) may be extended', () => {
    const serious = history([recordCommand(), cmd('ClassifyComplaint', { class: 'serious' }, SALES, at(1))]);
    given(serious).when(request(1)).thenMatches([{ type: 'ExtensionRequested', data: { class: 'serious', workingDays: 4 } }]);
  });

  it('R-CMP-3 (ADR 0026): reclassified from general to major, it may be extended', () => {
    const upgraded = history([cmd('ReclassifyComplaint', { class: 'major', reason: '确属较大事件' }, SALES, at(2))], SERVICES, classifiedGeneral());
    given(upgraded).when(request(1)).thenMatches([{ type: 'ExtensionRequested', data: { class: 'major', workingDays: 4 } }]);
  });

  it('R-CMP-3: a request beyond 7 working days from receipt is refused with the rule id', () => {
    given(majorClassified()).when(request(5)).thenThrows(DomainRuleViolation, /R-CMP-3: at most 7 working days from receipt: 3 already allowed, \+5 would make 8/);
  });

  it('R-CMP-3: exactly 7 working days from receipt is allowed', () => {
    given(majorClassified()).when(request(4)).thenMatches([{ type: 'ExtensionRequested', data: { workingDays: 7 } }]);
  });

  it('R-CMP-3: the first leader of the chain approves; the deadline does not move yet', () => {
    const decision = given(requested()).when(approve()).then([
      { type: 'ExtensionApproved', data: { requestId: 'ext-1', level: 1, comment: null, by: 'sup-zhao', role: 'supervisor', at: at(11) } },
    ]);
    expect(decision.scheduled).toEqual([]);
  });

  it('R-CMP-3: the last leader of the chain grants it: a new deadline from receipt, with the approval chain recorded', () => {
    const first = history([approve()], SERVICES, requested());
    const decision = given(first).when(approve(GM, 'ext-1', 12)).thenMatches([
      { type: 'ExtensionApproved', data: { level: 2, by: 'gm-chen', role: 'general_manager' } },
      {
        type: 'ExtensionGranted',
        data: {
          requestId: 'ext-1', additionalWorkingDays: 2, workingDays: 5, previousDue: at(72), deadline: { due: at(120) }, warnAt: at(90),
          approvals: [{ by: 'sup-zhao', role: 'supervisor', at: at(11) }, { by: 'gm-chen', role: 'general_manager', at: at(12) }],
        },
      },
    ]);
    expect(decision.scheduled.map((d) => `${d.key}@${d.dueAt}`)).toEqual([`sla-warning@${at(90)}`, `sla-breach@${at(120)}`]);
    expect(ctx([...first, ...decision.events]).extensionWorkingDays).toBe(2);
  });

  it('R-CMP-3: the chain runs in order: the general manager cannot approve before the supervisor', () => {
    given(requested()).when(approve(GM)).thenThrows(NotPermitted, /R-CMP-3: approval 1 of the extension chain needs one of the roles supervisor/);
  });

  it('CMP-SELF: nobody approves twice in the chain, and the requester never approves', () => {
    const dual = { id: 'sup-zhao', roles: ['supervisor' as const, 'general_manager' as const] };
    const first = history([approve(dual)], SERVICES, requested());
    given(first).when(approve(dual, 'ext-1', 12)).thenThrows(NotPermitted, 'CMP-SELF');
    const selfRequested = history([request(1, { id: 'sup-qian', roles: ['sales_reviewer', 'supervisor'] })], SERVICES, majorClassified());
    given(selfRequested).when(approve(SUPERVISOR_2)).thenThrows(NotPermitted, 'CMP-SELF');
  });

  it('R-CMP-3: an approval naming another request is refused', () => {
    given(requested()).when(approve(SUPERVISOR, 'ext-9')).thenThrows(DomainRuleViolation, /pending request is ext-1/);
  });

  it('R-CMP-3: one request at a time', () => {
    given(requested()).when(request(1)).thenThrows(DomainRuleViolation, /ext-1 is still awaiting/);
  });

  it('R-CMP-3: a leader rejects the request; the deadline stays; a new request gets the next id', () => {
    const decision = given(requested()).when(cmd('RejectExtension', { requestId: 'ext-1', reason: '理由不充分' }, GM, at(11))).then([
      { type: 'ExtensionRejected', data: { requestId: 'ext-1', reason: '理由不充分', by: 'gm-chen', role: 'general_manager', at: at(11) } },
    ]);
    expect(decision.scheduled).toEqual([]);
    given([...requested(), ...decision.events]).when(request(1)).thenMatches([{ type: 'ExtensionRequested', data: { requestId: 'ext-2' } }]);
  });

  it('R-CMP-3: the department cannot reject (leaders decide)', () => {
    given(requested()).when(cmd('RejectExtension', { requestId: 'ext-1', reason: 'x' }, SALES, at(11))).thenThrows(NotPermitted, 'R-CMP-3');
  });

  it('R-CMP-3: successive extensions add up and stop at 7 working days from receipt', () => {
    const once = history([request(2), approve(), approve(GM, 'ext-1', 12)], SERVICES, majorClassified());
    expect(ctx(once).sla?.workingDays).toBe(5);
    const twice = history([cmd('RequestExtension', { additionalWorkingDays: 2, reason: '再延' }, MANAGER, at(13)), approve(SUPERVISOR, 'ext-2', 14), approve(GM, 'ext-2', 15)], SERVICES, once);
    expect(ctx(twice).sla?.workingDays).toBe(7);
    given(twice).when(request(1)).thenThrows(DomainRuleViolation, /R-CMP-3: at most 7 working days/);
  });

  it('R-CMP-3: a reclassification to serious keeps the granted days and never passes the cap', () => {
    const policy = { ...DEFAULT_COMPLAINT_POLICY, version: 'major-2', deadlines: { general: 1, major: 2 } };
    const services = { ...SERVICES, policy };
    const major = history([recordCommand(), cmd('ClassifyComplaint', { class: 'major' }, SALES, at(1)), request(5), approve(), approve(GM, 'ext-1', 12)], services);
    spec(services).given(major).when(cmd('ReclassifyComplaint', { class: 'serious', reason: '情节严重' }, SALES, at(13))).thenMatches([
      { type: 'ComplaintReclassified', data: { workingDays: 7, deadline: { due: at(168) } } },
      { type: 'ComplaintEscalated' },
    ]);
  });

  it('R-CMP-3 (ADR 0026): reclassified to general, a major complaint keeps none of its extensions: 一般投诉一个工作日内', () => {
    const extended = history([request(2), approve(), approve(GM, 'ext-1', 12)], SERVICES, majorClassified());
    given(extended).when(cmd('ReclassifyComplaint', { class: 'general', reason: '实为一般投诉' }, SALES, at(13))).thenMatches([
      { type: 'ComplaintReclassified', data: { from: 'major', to: 'general', workingDays: 1, deadline: { due: at(24) } } },
    ]);
  });

  it('R-CMP-3 (ADR 0026): a pending request lapses when the complaint is reclassified general; its approval is then refused', () => {
    const lapsed = history([cmd('ReclassifyComplaint', { class: 'general', reason: '实为一般投诉' }, SALES, at(10.5))], SERVICES, requested());
    expect(ctx(lapsed).pendingExtension).toBeNull();
    given(lapsed).when(approve()).thenThrows(DomainRuleViolation, /no extension request is awaiting a decision/);
  });

  it('R-CMP-3: a one-leader chain grants on the first approval when the policy says so', () => {
    const policy = { ...DEFAULT_COMPLAINT_POLICY, version: 'one-leader', extensionApproverRoles: ['supervisor' as const] };
    const services = { ...SERVICES, policy };
    const events = history([recordCommand(), cmd('ClassifyComplaint', { class: 'major' }, SALES, at(1)), request(1)], services);
    spec(services).given(events).when(approve()).thenMatches([{ type: 'ExtensionApproved' }, { type: 'ExtensionGranted', data: { workingDays: 4 } }]);
  });

  it('no extension once the customer has been told (the clock has stopped)', () => {
    const told = history(
      [
        cmd('DraftResolution', { department: '销售部', text: '致歉', handler: 'cm-li' }, MANAGER, at(2)),
        cmd('ApproveResolution', {}, SUPERVISOR, at(3)),
        cmd('NotifyCustomer', { channel: 'phone', message: '致歉' }, MANAGER, at(4)),
      ],
      SERVICES,
      majorClassified(),
    );
    given(told).when(request(1)).thenThrows(TransitionNotAllowed, 'state "notified"');
  });
});

describe('the machine refuses forged extension events (withinExtensionLimit)', () => {
  const grant = (workingDays: number, additional: number) => ({
    type: 'ExtensionGranted',
    data: {
      requestId: 'ext-1', additionalWorkingDays: additional, previousDue: at(72), workingDays, deadline: { due: at(24 * workingDays), calendarVersion: 'x', provisional: false, explanation: [] },
      warnAt: at(1), at: at(20), approvals: [{ by: 'sup-zhao', role: 'supervisor', at: at(11) }, { by: 'gm-chen', role: 'general_manager', at: at(12) }],
    },
  });

  it('R-CMP-3: an ExtensionRequested beyond the cap is not allowed by the machine', () => {
    const forged = { type: 'ExtensionRequested', data: { requestId: 'ext-1', additionalWorkingDays: 5, workingDays: 8, reason: 'x', class: 'major', by: 'cm-li', role: 'customer_manager', at: at(10) } };
    expect(stateAfter(majorClassified()).can(forged as never)).toBe(false);
    expect(stateAfter(majorClassified()).can({ ...forged, data: { ...forged.data, additionalWorkingDays: 4, workingDays: 7 } } as never)).toBe(true);
  });

  it('R-CMP-3: an ExtensionGranted beyond the cap, or before the whole chain approved, is not allowed', () => {
    const chain = history([request(4), approve(), approve(GM, 'ext-1', 12)].slice(0, 2), SERVICES, majorClassified());
    expect(stateAfter(chain).can(grant(7, 4) as never)).toBe(false); // GM has not approved yet
    const approvedBoth = [...chain, { type: 'ExtensionApproved', data: { requestId: 'ext-1', level: 2, comment: null, by: 'gm-chen', role: 'general_manager', at: at(12) } }];
    expect(stateAfter(approvedBoth).can(grant(7, 4) as never)).toBe(true);
    expect(stateAfter(approvedBoth).can(grant(8, 5) as never)).toBe(false);
  });

  it('R-CMP-3: withinExtensionLimit alone refuses a complete chain whose total passes the cap', () => {
    const chain = history([request(4), approve(), approve(GM, 'ext-1', 12)].slice(0, 2), SERVICES, majorClassified());
    const base = ctx([...chain, { type: 'ExtensionApproved', data: { requestId: 'ext-1', level: 2, comment: null, by: 'gm-chen', role: 'general_manager', at: at(12) } }]);
    const context = { ...base, pendingExtension: base.pendingExtension && { ...base.pendingExtension, additionalWorkingDays: 5, workingDays: 8 } };
    const event = grant(8, 5) as never;
    expect(complaintGuards.chainIsComplete({ context, event })).toBe(true);
    expect(complaintGuards.withinExtensionLimit({ context, event })).toBe(false);
  });
});

describe('R-CMP-3 (ADR 0026): the machine refuses an extension of a general complaint on every path', () => {
  const forged = (cls: string | null) => ({
    type: 'ExtensionRequested',
    data: { requestId: 'ext-1', additionalWorkingDays: 1, workingDays: 2, reason: 'x', class: cls, by: 'cm-li', role: 'customer_manager', at: at(10) },
  });

  it('R-CMP-3: an ExtensionRequested on a general complaint, or naming another class than the complaint\'s, is not allowed', () => {
    expect(stateAfter(classifiedGeneral()).can(forged('major') as never)).toBe(false);
    expect(stateAfter(classifiedGeneral()).can(forged('general') as never)).toBe(false);
    const major = { ...forged('serious'), data: { ...forged('serious').data, workingDays: 4 } };
    expect(stateAfter(majorClassified()).can(major as never)).toBe(false);
    expect(stateAfter(majorClassified()).can({ ...major, data: { ...major.data, class: 'major' } } as never)).toBe(true);
  });

  it('R-CMP-3: the event schema itself refuses a request without a major or serious class', () => {
    const { ExtensionRequested } = complaintWorkflow.eventSchemas;
    expect(ExtensionRequested.safeParse(forged(null).data).success).toBe(false);
    expect(ExtensionRequested.safeParse(forged('general').data).success).toBe(false);
    expect(ExtensionRequested.safeParse(forged('major').data).success).toBe(true);
  });

  it('R-CMP-3: an ExtensionGranted is refused once the complaint is general (grantsMajorOrSerious)', () => {
    const base = ctx([...requested(), ...history([approve()], SERVICES, requested()).slice(requested().length)]);
    const context = { ...base, complaintClass: 'general' as const };
    const event = { type: 'ExtensionGranted', data: {} } as never;
    expect(complaintGuards.grantsMajorOrSerious({ context: base, event })).toBe(true);
    expect(complaintGuards.grantsMajorOrSerious({ context, event })).toBe(false);
    const legacy = { ...context, pendingExtension: context.pendingExtension && { ...context.pendingExtension, class: null } };
    expect(complaintGuards.grantsMajorOrSerious({ context: legacy, event })).toBe(true);
  });

  it('ADR 0005: a general complaint extended before the reading (schema 1, no class) replays to the same state', () => {
    const stored = [
      ...classifiedGeneral(),
      { type: 'ExtensionRequested', data: { requestId: 'ext-1', additionalWorkingDays: 2, workingDays: 3, reason: '旧', by: 'cm-li', role: 'customer_manager', at: at(10) } },
      { type: 'ExtensionApproved', data: { requestId: 'ext-1', level: 1, comment: null, by: 'sup-zhao', role: 'supervisor', at: at(11) } },
      { type: 'ExtensionApproved', data: { requestId: 'ext-1', level: 2, comment: null, by: 'gm-chen', role: 'general_manager', at: at(12) } },
      {
        type: 'ExtensionGranted',
        data: {
          requestId: 'ext-1', additionalWorkingDays: 2, previousDue: at(24), workingDays: 3, deadline: { due: at(72), calendarVersion: 'fake-24x7', provisional: false, explanation: [] }, warnAt: at(54),
          approvals: [{ by: 'sup-zhao', role: 'supervisor', at: at(11) }, { by: 'gm-chen', role: 'general_manager', at: at(12) }], at: at(12),
        },
      },
    ];
    const upcast = stored.map((e, i) => (i === classifiedGeneral().length ? upcastComplaintEvent({ ...e, schemaVersion: 1 }) : e));
    const context = ctx(upcast);
    expect(context.sla?.workingDays).toBe(3);
    expect(context.legacyExtensionWorkingDays).toBe(2);
    // reclassified major and back, the days granted under the earlier reading still count
    const back = history([cmd('ReclassifyComplaint', { class: 'major', reason: '升级' }, SALES, at(13)), cmd('ReclassifyComplaint', { class: 'general', reason: '降级' }, SALES, at(14))], SERVICES, upcast);
    expect(ctx(back).sla?.workingDays).toBe(3);
  });
});
