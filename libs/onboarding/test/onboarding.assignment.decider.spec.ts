import { type Actor, DomainRuleViolation, NotPermitted, TransitionNotAllowed, workflowSpec } from '@crm/workflow-kit';
import { type Delegation, onboardingWorkflow } from '../src';
import {
  admin, allRounder, approve, atFinance, cmd, create, finance, finance2, history, LATER, manager, NOW, sales, scheduler, servicesFor,
  stateAfter, submit, submitted,
} from './onboarding.fixtures';

const { given } = workflowSpec(onboardingWorkflow, servicesFor());
const reassign = (step: 'sales' | 'finance' | 'generalManager', to: string, actor: Actor = admin) =>
  cmd('ReassignStep', { step, to, reason: '张财务休假' }, actor);
const remind = (step: 'sales' | 'finance' | 'generalManager', round = 1, actor: Actor = scheduler, now = LATER) =>
  cmd('SendStepReminder', { step, round }, actor, now);

describe('ONB-ADMIN / ONB-ASSIGNEE: an administrator reassigns a pending step', () => {
  it('records who had it, who has it now, and why', () => {
    given(atFinance()).when(reassign('finance', 'liu')).then([
      { type: 'StepReassigned', data: { round: 1, step: 'finance', from: null, to: 'liu', reason: '张财务休假', by: 'admin', role: 'administrator', at: NOW } },
    ]);
  });

  it('ONB-ASSIGNEE: once reassigned only the assignee decides the step', () => {
    const events = [...atFinance(), ...given(atFinance()).when(reassign('finance', 'liu')).thenMatches([{ type: 'StepReassigned' }]).events];
    given(events).when(approve('finance', finance)).thenThrows(NotPermitted, /ONB-ASSIGNEE.*liu/);
    given(events).when(approve('finance', finance2)).thenMatches([{ type: 'FinanceReviewApproved', data: { by: 'liu' } }]);
  });

  it('ONB-ADMIN: a reviewer cannot reassign', () => {
    given(atFinance()).when(reassign('finance', 'liu', finance)).thenThrows(NotPermitted, 'ONB-ADMIN');
  });

  it('ONB-SELF: the step is never handed to the applicant', () => {
    given(atFinance()).when(reassign('finance', 'wang')).thenThrows(NotPermitted, 'ONB-SELF');
  });

  it('ONB-SOD: nor to someone who approved another step', () => {
    const events = history([create(), submit(), approve('sales', allRounder)]);
    given(events).when(reassign('finance', 'sun')).thenThrows(NotPermitted, 'ONB-SOD');
  });

  it('R-ONB-3: only the pending step is reassigned, and only under review', () => {
    given(atFinance()).when(reassign('sales', 'chen')).thenThrows(DomainRuleViolation, 'R-ONB-3');
    given(history([create()])).when(reassign('sales', 'chen')).thenThrows(TransitionNotAllowed, 'draft');
  });

  it('reassigning to the current assignee records nothing', () => {
    const events = history([create(), submit(), approve('sales', sales), reassign('finance', 'liu')]);
    given(events).when(reassign('finance', 'liu')).then([]);
  });
});

describe('ONB-DELEGATION: a reviewer delegates to a colleague of the same role for a date range', () => {
  const delegation: Delegation = { delegationId: 'dlg-1', delegatorId: 'zhang', delegateId: 'liu', role: 'finance_reviewer', from: '2026-03-01', until: '2026-03-06' };
  const spec = workflowSpec(onboardingWorkflow, servicesFor({ delegations: [delegation] }));
  const assignedToZhang = () => history([create(), submit(), approve('sales', sales), reassign('finance', 'zhang')]);
  const onBehalf = (now = NOW) => cmd('ApproveStep', { step: 'finance', onBehalfOf: 'zhang', checked: { taxRegistration: true, invoicingData: true } }, finance2, now);

  it('the delegate decides a step assigned to the delegator; the history keeps both names', () => {
    spec.given(assignedToZhang()).when(onBehalf()).thenMatches([
      { type: 'FinanceReviewApproved', data: { by: 'liu', onBehalfOf: 'zhang', delegationId: 'dlg-1', role: 'finance_reviewer' } },
    ]);
  });

  it('outside the date range the delegation does not hold', () => {
    spec.given(assignedToZhang()).when(onBehalf('2026-03-07T02:00:00.000Z')).thenThrows(NotPermitted, /ONB-DELEGATION.*2026-03-07/);
  });

  it('without a delegation nobody acts on behalf of someone else', () => {
    given(assignedToZhang()).when(onBehalf()).thenThrows(NotPermitted, 'ONB-DELEGATION');
  });

  it('ONB-SOD counts the delegator too: a delegate cannot approve on behalf of a reviewer who approved another step', () => {
    const salesDelegation: Delegation = { delegationId: 'dlg-2', delegatorId: 'sun', delegateId: 'liu', role: 'finance_reviewer', from: '2026-03-01', until: '2026-03-31' };
    const sod = workflowSpec(onboardingWorkflow, servicesFor({ delegations: [salesDelegation] }));
    const events = history([create(), submit(), approve('sales', allRounder)]);
    sod.given(events).when(cmd('ApproveStep', { step: 'finance', onBehalfOf: 'sun', checked: { taxRegistration: true, invoicingData: true } }, finance2)).thenThrows(NotPermitted, 'ONB-SOD');
  });
});

describe('ONB-TIMER: idle steps send one reminder', () => {
  it('the scheduler reminds the pending step and its deadline is then cancelled', () => {
    const decision = given(submitted()).when(remind('sales')).then([
      { type: 'StepReminderSent', data: { round: 1, step: 'sales', waitingSince: NOW, assignee: null, at: LATER } },
    ]);
    expect(decision.cancelled.map((d) => d.key)).toEqual(['reminder-sales-1']);
    expect(stateAfter([...submitted(), ...decision.events])).toBe('review.sales');
  });

  it('a second firing, a firing for a step that moved on or for an earlier round changes nothing', () => {
    const reminded = history([create(), submit(), remind('sales')]);
    given(reminded).when(remind('sales')).then([]);
    given(atFinance()).when(remind('sales')).then([]);
    given(atFinance()).when(remind('finance', 2)).then([]);
    given(history([create()])).when(remind('sales')).then([]);
  });

  it('only the scheduler sends reminders', () => {
    given(submitted()).when(remind('sales', 1, manager)).thenThrows(NotPermitted, 'ONB-TIMER');
  });
});
