import { NotPermitted, stateName, TransitionNotAllowed, workflowSpec } from '@crm/workflow-kit';
import { visitPlanWorkflow, DraftVisitPlan, type VisitPlanCommand } from '../src';
import { cmd, MANAGER, MANAGER_2, NOW, run, SALES, GM, later } from './relationship.fixtures';

const { given } = workflowSpec(visitPlanWorkflow);
const items = [{ itemId: 'i-1', customerId: 'cust-1', month: 3 }, { itemId: 'i-2', customerId: 'cust-2', month: 5 }];
const draft = cmd<VisitPlanCommand>('DraftVisitPlan', { planId: 'manager.2026', year: 2026, items }, MANAGER);
const submit = cmd<VisitPlanCommand>('SubmitVisitPlan', {}, MANAGER, later(1));
const drafted = () => run(visitPlanWorkflow, [draft]);
const submitted = () => run(visitPlanWorkflow, [draft, submit]);

describe('R-VISIT-1 annual visit plan', () => {
  it('R-VISIT-1: a customer manager drafts their own annual plan (customers and months)', () => {
    given([]).when(draft).then([
      { type: 'VisitPlanDrafted', data: { planId: 'manager.2026', year: 2026, items, managerId: 'manager', by: 'manager', role: 'customer_manager', at: NOW } },
    ]);
  });

  it('R-VISIT-1: only customer managers draft visit plans', () => {
    given([]).when({ ...draft, meta: { actor: SALES, now: NOW } }).thenThrows(NotPermitted, 'R-VISIT-1');
  });

  it('R-VISIT-1: item ids are unique within a plan', () => {
    expect(DraftVisitPlan.safeParse({ planId: 'p', year: 2026, items: [items[0], items[0]] }).success).toBe(false);
  });

  it('R-VISIT-1: another manager may not revise or submit the plan', () => {
    given(drafted()).when(cmd<VisitPlanCommand>('ReviseVisitPlan', { items }, MANAGER_2)).thenThrows(NotPermitted, /belongs to manager/);
    given(drafted()).when(cmd<VisitPlanCommand>('SubmitVisitPlan', {}, MANAGER_2)).thenThrows(NotPermitted, 'R-VISIT-1');
  });

  it('R-VISIT-1: the sales department head approves a submitted plan', () => {
    const decision = given(submitted()).when(cmd<VisitPlanCommand>('ApproveVisitPlan', { comment: '同意' }, SALES, later(2))).then([
      { type: 'VisitPlanApproved', data: { comment: '同意', by: 'sales', role: 'sales_reviewer', at: later(2) } },
    ]);
    expect(stateName(decision.after.value)).toBe('approved');
  });

  it('R-VISIT-1: the general manager is not the plan approver (the sales department head is)', () => {
    given(submitted()).when(cmd<VisitPlanCommand>('ApproveVisitPlan', {}, GM, later(2))).thenThrows(NotPermitted, /sales_reviewer/);
  });

  it('VISIT-SELF: a manager who also reviews may not approve their own plan', () => {
    const both = { id: 'manager', roles: ['customer_manager', 'sales_reviewer'] as const };
    given(submitted()).when(cmd<VisitPlanCommand>('ApproveVisitPlan', {}, { ...both, roles: [...both.roles] }, later(2))).thenThrows(NotPermitted, 'VISIT-SELF');
  });

  it('R-VISIT-1: a returned plan goes back to drafting, is revised and submitted again', () => {
    const returned = run(visitPlanWorkflow, [cmd<VisitPlanCommand>('ReturnVisitPlan', { reason: '大客户走访次数不足' }, SALES, later(2))], undefined, submitted());
    const revised = given(returned).when(cmd<VisitPlanCommand>('ReviseVisitPlan', { items: [...items, { itemId: 'i-3', customerId: 'cust-1', month: 9 }] }, MANAGER, later(3))).thenMatches([
      { type: 'VisitPlanRevised' },
    ]);
    given([...returned, ...revised.events]).when(cmd<VisitPlanCommand>('SubmitVisitPlan', {}, MANAGER, later(4))).thenMatches([{ type: 'VisitPlanSubmitted', data: { itemCount: 3 } }]);
  });

  it('R-VISIT-1: a submitted plan is not revised before the head decides', () => {
    given(submitted()).when(cmd<VisitPlanCommand>('ReviseVisitPlan', { items }, MANAGER, later(2))).thenThrows(TransitionNotAllowed);
  });

  it('refuses commands on a plan that does not exist', () => {
    given([]).when(submit).thenThrows(TransitionNotAllowed);
  });
});
