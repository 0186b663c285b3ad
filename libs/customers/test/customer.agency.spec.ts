import { DomainRuleViolation, workflowSpec } from '@crm/workflow-kit';
import { customerWorkflow, type OpenCustomerArchive } from '../src';
import { cmd, customerDeadlinesOf, history, MANAGER, openCommand, pickup, SALES, SCHEDULER, SERVICES, stateOf } from './customer.fixtures';

const { given } = workflowSpec(customerWorkflow, SERVICES);
const agent: Partial<OpenCustomerArchive> = {
  productLine: 'other_chemicals',
  class: { salesObject: 'exclusive_agent', salesForm: null },
  admission: { checkedBy: 's', attestations: (['sound_operation', 'honest', 'well_funded', 'good_reputation', 'sells_only_group_products'] as const).map((criterion) => ({ criterion, evidence: 'ok' })) },
};
const issue = (year: number, now: string) => cmd('IssueAgencyLicence', { year, licenceNumber: `EA-${year}-001` }, SALES, now);
const licensed = () => history([openCommand(agent), issue(2026, '2026-01-20T02:00:00.000Z')]);
const plan = (month: string, now: string) => cmd('FileSalesPlan', { month, lines: [{ customer: '宁波某化纤厂', quantity: 300, pickupWindow: { from: `${month}-01`, to: `${month}-10` } }] }, MANAGER, now);
const check = (month: string, now: string) => cmd('CheckSalesPlan', { month }, SCHEDULER, now);
/** the end of 25 January 2026 in Shanghai: February's plan is overdue */
const FEB_PLAN_DUE = '2026-01-25T16:00:00.000Z';

describe('R-TIER-7 独家代理许可证: an exclusive agent picks up as an agent only under this year\'s licence', () => {
  it('R-TIER-7: without a licence the pickup is refused with the rule id', () => {
    given(history([openCommand(agent)])).when(pickup('p-1', '2026-01-20', 10)).thenThrows(DomainRuleViolation, /R-TIER-7.*2026 agency licence/);
  });

  it('R-TIER-7: under the year\'s licence the pickup records the licence it was made under', () => {
    given(licensed()).when(pickup('p-1', '2026-01-21', 10)).thenMatches([{ type: 'PickupRecorded', data: { agencyLicence: 'EA-2026-001' } }]);
  });

  it('R-TIER-7: last year\'s licence does not cover this year; a pickup back-dated into the licence\'s year still is', () => {
    const lapsed = history([openCommand(agent), issue(2026, '2026-01-20T02:00:00.000Z'), cmd('ExpireAgencyLicence', { year: 2026 }, SCHEDULER, '2026-12-31T16:00:00.000Z')]);
    given(lapsed).when(pickup('p-1', '2027-01-02', 10)).thenThrows(DomainRuleViolation, 'R-TIER-7');
    given(lapsed).when(pickup('p-1', '2026-12-30', 10, '2027-01-02T02:00:00.000Z')).thenMatches([{ type: 'PickupRecorded', data: { agencyLicence: 'EA-2026-001' } }]);
    given(licensed()).when(pickup('p-1', '2026-01-19', 10, '2026-01-21T02:00:00.000Z')).thenThrows(DomainRuleViolation, /valid on 2026-01-19/);
  });

  it('R-TIER-7: the machine refuses a pickup naming a licence the agent does not hold; distributors need none', () => {
    const forged = { type: 'PickupRecorded', data: { pickupId: 'p-9', date: '2026-01-21', product: 'x', tonnes: 1, warehouse: 'w', recordedBy: 'm', recordedAt: '2026-01-21T02:00:00.000Z', agencyLicence: 'EA-2025-999' } };
    expect(stateOf([...licensed(), forged]).context.pickups.has('p-9')).toBe(false);
    given(history([openCommand()])).when(pickup('p-1', '2026-01-20', 10)).thenMatches([{ type: 'PickupRecorded' }]);
  });
});

describe('R-TIER-7 每月向公司提供下月销售计划: a missing plan reminds its manager (durable timer)', () => {
  it('R-TIER-7: an exclusive agent\'s archive arms the check of next month\'s plan at the end of the 25th', () => {
    expect(customerDeadlinesOf(history([openCommand(agent)]))).toEqual(expect.arrayContaining([
      { key: 'sales-plan-due:2026-02', dueAt: FEB_PLAN_DUE, command: { type: 'CheckSalesPlan', data: { month: '2026-02' } } },
    ]));
    expect(customerDeadlinesOf(history([openCommand()])).map((d) => d.key)).not.toContain('sales-plan-due:2026-02');
  });

  it('R-TIER-7: no plan by the due day records SalesPlanMissing addressed to the customer manager, and arms the next month', () => {
    const decision = given(licensed()).when(check('2026-02', FEB_PLAN_DUE)).then([
      { type: 'SalesPlanMissing', data: { month: '2026-02', dueAt: FEB_PLAN_DUE, late: false, customerManagerId: 'mgr-li', checkedAt: FEB_PLAN_DUE, notify: ['customer_manager'] } },
    ]);
    expect(decision.scheduled.map((d) => d.key)).toEqual(['sales-plan-due:2026-03']);
  });

  it('R-TIER-7: a plan filed in time cancels the check and moves it to the following month', () => {
    const decision = given(licensed()).when(plan('2026-02', '2026-01-24T02:00:00.000Z')).thenMatches([{ type: 'SalesPlanFiled' }]);
    expect({ cancelled: decision.cancelled.map((d) => d.key), scheduled: decision.scheduled.map((d) => d.key) }).toEqual({ cancelled: ['sales-plan-due:2026-02'], scheduled: ['sales-plan-due:2026-03'] });
  });

  it('R-TIER-7: the check is refused before it is due, and a stale firing does nothing', () => {
    given(licensed()).when(check('2026-02', '2026-01-25T00:00:00.000Z')).thenThrows(DomainRuleViolation, 'R-TIER-7');
    given(history([openCommand(agent), plan('2026-02', '2026-01-24T02:00:00.000Z')])).when(check('2026-02', FEB_PLAN_DUE)).then([]);
  });

  it('R-TIER-7: a scheduler that was down records the months already begun as late, telling nobody about them', () => {
    given(licensed()).when(check('2026-02', '2026-03-27T00:00:00.000Z')).then([
      { type: 'SalesPlanMissing', data: { month: '2026-02', dueAt: FEB_PLAN_DUE, late: true, customerManagerId: 'mgr-li', checkedAt: '2026-03-27T00:00:00.000Z', notify: [] } },
      { type: 'SalesPlanMissing', data: { month: '2026-03', dueAt: '2026-02-25T16:00:00.000Z', late: true, customerManagerId: 'mgr-li', checkedAt: '2026-03-27T00:00:00.000Z', notify: [] } },
      { type: 'SalesPlanMissing', data: { month: '2026-04', dueAt: '2026-03-25T16:00:00.000Z', late: false, customerManagerId: 'mgr-li', checkedAt: '2026-03-27T00:00:00.000Z', notify: ['customer_manager'] } },
    ]);
  });

  it('R-TIER-7: an agent opened after the due day is first checked for the month after next', () => {
    const lateOpening = history([cmd('OpenCustomerArchive', { ...openCommand(agent).data as OpenCustomerArchive }, { id: 'system:onboarding', roles: [], system: true }, '2026-01-27T02:00:00.000Z')]);
    expect(customerDeadlinesOf(lateOpening).map((d) => d.key)).toContain('sales-plan-due:2026-03');
  });
});
