import { DomainRuleViolation, NotPermitted, commandOf, workflowSpec } from '@crm/workflow-kit';
import { violationWorkflow, type ViolationCommand } from '../src';
import { CHARTER, member, T0 } from './committee.fixtures';

const { given } = workflowSpec(violationWorkflow, { charter: CHARTER });
const open = commandOf<ViolationCommand>('OpenViolationCase', { caseId: 'v-1', kind: 'price', customerId: 'cust-1', description: '低于挂牌价销售', evidence: ['发票 0001'] }, { id: 'manager2', roles: ['customer_manager'] }, T0);
const decide = (who: string, data: object) => commandOf<ViolationCommand>('DecideViolationCase', data as never, member(who), T0);

describe('violations of price and customer policy (R-PRICE-2)', () => {
  it('R-PRICE-2: anyone opens a case; it goes to the committee\'s chair and names the customer for its history', () => {
    given([]).when(open).thenMatches([{ type: 'ViolationCaseOpened', data: { caseId: 'v-1', customerId: 'cust-1', chairId: 'm1', notifyUsers: ['m1'], by: 'manager2' } }]);
    expect(violationWorkflow.customersOf?.(open, { state: 'none', value: 'none', context: {}, done: false, revision: null } as never)).toEqual([{ customerId: 'cust-1', field: 'customerId', anyManager: true }]);
  });

  it('R-PRICE-2: the chair records the decision and the sanction; nobody else does', () => {
    const opened = given([]).when(open).thenMatches([{ type: 'ViolationCaseOpened' }]).events;
    const upheld = { finding: 'upheld', decision: '委员会审议认定违规', sanction: { kind: 'warning', detail: '通报批评' } };
    given(opened).when(decide('m2', upheld)).thenThrows(NotPermitted, 'R-PRICE-2');
    given(opened).when(decide('m1', upheld)).thenMatches([{ type: 'ViolationCaseDecided', data: { finding: 'upheld', sanction: { kind: 'warning' }, customerId: 'cust-1', notifyUsers: ['manager2'] } }]);
  });

  it('R-PRICE-2: an upheld case names its sanction; no case before the committee has a charter', () => {
    expect(violationWorkflow.commandSchemas.DecideViolationCase.safeParse({ finding: 'upheld', decision: 'x' }).success).toBe(false);
    workflowSpec(violationWorkflow, { charter: null }).given([]).when(open).thenThrows(DomainRuleViolation, 'no charter');
  });
});
