import { getShortestPaths } from '@xstate/graph';
import { type AnyDomainEvent, replayEvents, stateName } from '@crm/workflow-kit';
import type { AnyStateNode } from 'xstate';
import { onboardingMachine, onboardingWorkflow } from '../src';
import {
  aForm, admin, allRounder, approve, approvedHistory, atFinance, cmd, create, finance, gm, history, LATER, manager, NOW, returnAt, sales, scheduler, submit, submitted,
} from './onboarding.fixtures';

const canApply = (events: AnyDomainEvent[], event: AnyDomainEvent) => replayEvents(onboardingWorkflow, events).can(event);
const eventOf = (events: AnyDomainEvent[], type: string) => events.find((e) => e.type === type) as AnyDomainEvent;

function atomicStates(node: AnyStateNode): string[] {
  const children = Object.values(node.states) as AnyStateNode[];
  return children.length === 0 ? [node.path.join('.')] : children.flatMap(atomicStates);
}

describe('onboarding machine: graph', () => {
  /** Real events the decider produces, offered in every state; the guards decide which apply. */
  const approved = approvedHistory();
  const vocabulary: AnyDomainEvent[] = [
    ...approved,
    eventOf(history([create(), submit(), returnAt('sales', sales)]), 'ApplicationReturnedForRevision'),
    eventOf(history([create(), submit(), cmd('RejectStep', { step: 'sales', reason: '资质不全' }, sales)]), 'ApplicationRejected'),
    eventOf(history([create(), cmd('WithdrawApplication', {}, manager)]), 'ApplicationWithdrawn'),
    eventOf(history([create(), submit(), cmd('ReassignStep', { step: 'sales', to: 'chen' }, admin)]), 'StepReassigned'),
    eventOf(history([create(), submit(), cmd('SendStepReminder', { step: 'sales', round: 1 }, scheduler)]), 'StepReminderSent'),
    eventOf(history([cmd('VoidApplication', { applicationId: 'app-0', identityKey: '799655058', reservedAt: NOW }, scheduler, LATER)]), 'ApplicationVoided'),
  ];

  it('every state is reachable from the start', () => {
    const paths = getShortestPaths(onboardingMachine, { events: vocabulary as never });
    const reached = new Set(paths.map((p) => stateName(p.state.value)));
    expect([...reached].sort()).toEqual(atomicStates(onboardingMachine.root).sort());
    expect(atomicStates(onboardingMachine.root).sort()).toEqual(
      ['approved', 'draft', 'finalising', 'none', 'rejected', 'returned', 'review.finance', 'review.generalManager', 'review.sales', 'voided', 'withdrawn'],
    );
  });

  it('approved, rejected, withdrawn and voided are final: no event leaves them', () => {
    const paths = getShortestPaths(onboardingMachine, { events: vocabulary as never });
    for (const path of paths.filter((p) => p.state.status === 'done')) {
      expect(vocabulary.some((e) => path.state.can(e as never))).toBe(false);
    }
  });
});

describe('onboarding machine: the guards hold the rules even against events no decider produced', () => {
  const salesApproval = (over: Record<string, unknown>) => ({
    type: 'SalesReviewApproved',
    data: { round: 1, by: 'li', role: 'sales_reviewer', onBehalfOf: null, delegationId: null, comment: null, admission: [], nextReminderDueAt: null, at: NOW, ...over },
  });
  const financeApproval = (over: Record<string, unknown>) => ({
    type: 'FinanceReviewApproved',
    data: {
      round: 1, by: 'zhang', role: 'finance_reviewer', onBehalfOf: null, delegationId: null, comment: null,
      checked: { taxRegistration: true, invoicingData: true }, nextReminderDueAt: null, at: NOW, ...over,
    },
  });

  it('accepts a well-formed approval (so the refusals below are about the rule, not the shape)', () => {
    expect(canApply(submitted(), salesApproval({}))).toBe(true);
    expect(canApply(atFinance(), financeApproval({}))).toBe(true);
  });

  it.each([
    ['R-ONB-3: the wrong role', () => canApply(submitted(), salesApproval({ role: 'finance_reviewer' }))],
    ['R-ONB-3: out of order (finance while sales is pending)', () => canApply(submitted(), financeApproval({}))],
    ['R-ONB-3: finance without checking the invoicing data', () => canApply(atFinance(), financeApproval({ checked: { taxRegistration: true, invoicingData: false } }))],
    ['ONB-SELF: the applicant approving', () => canApply(submitted(), salesApproval({ by: 'wang' }))],
    ['ONB-SOD: the sales approver approving finance', () => canApply(atFinance(), financeApproval({ by: 'li' }))],
    ['ONB-SOD: on behalf of the sales approver', () => canApply(atFinance(), financeApproval({ onBehalfOf: 'li' }))],
    ['R-TIER-6: sales approving an other-chemicals customer without the admission attestation', () => {
      const form = aForm({ productLine: 'other_chemicals', customerClass: { salesObject: 'distributor', salesForm: null } });
      return canApply(history([create(form), submit()]), salesApproval({}));
    }],
    ['an approval for another round', () => canApply(submitted(), salesApproval({ round: 2 }))],
    ['ONB-APPLICANT: withdrawal by someone else', () => canApply(submitted(), { type: 'ApplicationWithdrawn', data: { by: 'li', reason: null, at: NOW } })],
    ['ONB-ADMIN: reassignment by a non-administrator', () =>
      canApply(submitted(), { type: 'StepReassigned', data: { round: 1, step: 'sales', from: null, to: 'chen', reason: null, by: 'li', role: 'sales_reviewer', at: NOW } })],
    ['R-ONB-1: submission without the certificates', () => {
      const drafted = history([create()]);
      const noDocs = { ...drafted[0], data: { ...drafted[0].data, form: { ...drafted[0].data.form, documents: [] } } };
      return canApply([noDocs], { type: 'ApplicationSubmitted', data: { round: 1, by: 'wang', reminderDueAt: null, at: NOW } });
    }],
  ])('refuses %s', (_rule, attempt) => {
    expect(attempt()).toBe(false);
  });

  it('ONB-SOD: the history survives a return: round-1 approvers stay in the context', () => {
    const events = history([create(), submit(), approve('sales', allRounder), returnAt('finance', finance), submit(), approve('sales', sales)]);
    const snapshot = replayEvents(onboardingWorkflow, events);
    expect(snapshot.context.approvals.map((a: { by: string; round: number }) => `${a.by}@${a.round}`)).toEqual(['sun@1', 'li@2']);
    expect(snapshot.can(financeApproval({ by: 'sun', round: 2 }) as never)).toBe(false);
    expect(snapshot.can(financeApproval({ round: 2 }) as never)).toBe(true);
  });

  it('the general manager approval leaves only ApplicationApproved possible', () => {
    const events = history([create(), submit(), approve('sales', sales), approve('finance', finance), approve('generalManager', gm)]);
    const beforeFinal = events.slice(0, -1);
    expect(stateName(replayEvents(onboardingWorkflow, beforeFinal).value)).toBe('finalising');
    expect(canApply(beforeFinal, events[events.length - 1])).toBe(true);
  });
});
