import { DomainRuleViolation, NotPermitted, workflowSpec } from '@crm/workflow-kit';
import { customerWorkflow, planAdherence, livePickups, type OpenCustomerArchive } from '../src';
import { cmd, GM, history, MANAGER, openCommand, opened, pickup, SALES, SCHEDULER, SERVICES, stateOf } from './customer.fixtures';

const { given } = workflowSpec(customerWorkflow, SERVICES);
const agentAdmission = {
  checkedBy: 'sales-wang',
  attestations: (['sound_operation', 'honest', 'well_funded', 'good_reputation', 'sells_only_group_products'] as const).map((criterion) => ({ criterion, evidence: '走访核实' })),
};
const agent: Partial<OpenCustomerArchive> = { productLine: 'other_chemicals', class: { salesObject: 'exclusive_agent', salesForm: null }, admission: agentAdmission };
const agentOpened = () => opened(agent);
const plan = { month: '2026-02', lines: [{ customer: '宁波某化纤厂', quantity: 300, pickupWindow: { from: '2026-02-01', to: '2026-02-10' } }, { customer: '绍兴某印染厂', quantity: 200, pickupWindow: { from: '2026-02-15', to: '2026-02-28' } }] };
const fileDuringJanuary = cmd('FileSalesPlan', plan, MANAGER, '2026-01-25T02:00:00.000Z');

describe('other chemical products (R-TIER-5, R-TIER-6, R-TIER-7)', () => {
  it('R-TIER-6: an exclusive agent must also attest that it sells only the group\'s products', () => {
    const partial = { ...agentAdmission, attestations: agentAdmission.attestations.slice(0, 4) };
    given([]).when(openCommand({ ...agent, admission: partial })).thenThrows(DomainRuleViolation, /R-TIER-6.*sells_only_group_products/);
  });

  it('R-TIER-5: other chemical products have no sales form', () => {
    given([]).when(openCommand({ ...agent, class: { salesObject: 'distributor', salesForm: 'planned' } })).thenThrows(DomainRuleViolation, 'R-TIER-5');
  });

  it('R-TIER-7: an exclusive agent files next month\'s plan; refiling revises it', () => {
    given(agentOpened()).when(fileDuringJanuary).then([{ type: 'SalesPlanFiled', data: { ...plan, revision: 1, filedBy: 'mgr-li', filedAt: '2026-01-25T02:00:00.000Z' } }]);
    const once = history([...[openCommand(agent)], fileDuringJanuary]);
    given(once).when(fileDuringJanuary).thenMatches([{ type: 'SalesPlanFiled', data: { revision: 2 } }]);
  });

  it('R-TIER-7: a plan is for next month and its pickup windows lie within it', () => {
    given(agentOpened()).when(cmd('FileSalesPlan', { ...plan, month: '2026-01' }, MANAGER, '2026-01-25T02:00:00.000Z')).thenThrows(DomainRuleViolation, 'R-TIER-7');
    const outside = { ...plan, lines: [{ ...plan.lines[0], pickupWindow: { from: '2026-02-20', to: '2026-03-05' } }] };
    given(agentOpened()).when(cmd('FileSalesPlan', outside, MANAGER, '2026-01-25T02:00:00.000Z')).thenThrows(DomainRuleViolation, /R-TIER-7.*within 2026-02/);
  });

  it('R-TIER-7: distributors and polyolefin customers file no sales plans (decider and machine)', () => {
    given(opened()).when(fileDuringJanuary).thenThrows(DomainRuleViolation, 'R-TIER-7');
    const forged = { type: 'SalesPlanFiled', data: { ...plan, revision: 1, filedBy: 'm', filedAt: '2026-01-25T02:00:00.000Z' } };
    expect(stateOf([...opened(), forged]).context.salesPlans).toEqual({});
  });

  it('R-TIER-7: the yearly licence is issued and expires after 31 December (Asia/Shanghai)', () => {
    const issue = cmd('IssueAgencyLicence', { year: 2026, licenceNumber: 'EA-2026-001' }, SALES, '2026-01-20T02:00:00.000Z');
    const decision = given(agentOpened()).when(issue).then([
      { type: 'AgencyLicenceIssued', data: { year: 2026, licenceNumber: 'EA-2026-001', validFrom: '2026-01-20', validUntil: '2026-12-31', issuedBy: 'sales-wang', issuedAt: '2026-01-20T02:00:00.000Z' } },
    ]);
    expect(decision.scheduled).toEqual([{ key: 'agency-licence-expiry:2026', dueAt: '2026-12-31T16:00:00.000Z', command: { type: 'ExpireAgencyLicence', data: { year: 2026 } } }]);
    const events = history([openCommand(agent), issue]);
    given(events).when(cmd('ExpireAgencyLicence', { year: 2026 }, SCHEDULER, '2026-12-31T16:00:00.000Z'))
      .then([{ type: 'AgencyLicenceExpired', data: { year: 2026, licenceNumber: 'EA-2026-001', expiredAt: '2026-12-31T16:00:00.000Z' } }]);
    given(events).when(issue).thenThrows(DomainRuleViolation, 'R-TIER-7');
  });

  it('R-TIER-7: only the sales department or the general manager issues a licence, only to exclusive agents', () => {
    given(agentOpened()).when(cmd('IssueAgencyLicence', { year: 2026, licenceNumber: 'x' }, MANAGER, '2026-01-20T02:00:00.000Z')).thenThrows(NotPermitted, 'R-TIER-7');
    given(opened()).when(cmd('IssueAgencyLicence', { year: 2026, licenceNumber: 'x' }, GM, '2026-01-20T02:00:00.000Z')).thenThrows(DomainRuleViolation, 'R-TIER-7');
  });

  it('R-TIER-7: other chemical customers are not graded by tonnage', () => {
    given(agentOpened()).when(cmd('EvaluateMonth', { month: '2026-01' }, SCHEDULER, '2026-02-01T00:00:00.000Z')).thenThrows(DomainRuleViolation, 'R-TIER-2');
  });
});

describe('planAdherence (R-TIER-7, R-ALLOC-3)', () => {
  it('R-TIER-7: compares the plan with actual pickups by quantity and window', () => {
    const pickups = [
      { date: '2026-02-03', tonnes: 280 },
      { date: '2026-02-12', tonnes: 50 },
      { date: '2026-02-20', tonnes: 100.5 },
      { date: '2026-03-01', tonnes: 999 },
    ];
    expect(planAdherence(plan, pickups)).toEqual({
      month: '2026-02',
      plannedTonnes: 500,
      actualTonnes: 430.5,
      completionRate: 0.861,
      lines: [
        { ...plan.lines[0], pickedInWindowTonnes: 280 },
        { ...plan.lines[1], pickedInWindowTonnes: 100.5 },
      ],
      outsideWindowsTonnes: 50,
    });
  });

  it('R-TIER-7: works on a customer\'s live pickups, ignoring voided ones', () => {
    const events = history([
      openCommand(agent),
      cmd('IssueAgencyLicence', { year: 2026, licenceNumber: 'EA-2026-001' }, SALES, '2026-01-20T02:00:00.000Z'),
      pickup('p-1', '2026-02-03', 120, '2026-02-03T08:00:00.000Z'),
      pickup('p-2', '2026-02-04', 60, '2026-02-04T08:00:00.000Z'),
      cmd('VoidPickup', { pickupId: 'p-2', reason: '重复' }, MANAGER, '2026-02-05T00:00:00.000Z'),
    ]);
    expect(planAdherence(plan, livePickups(stateOf(events).context)).actualTonnes).toBe(120);
    expect(planAdherence({ month: '2026-02', lines: [] }, []).completionRate).toBeNull();
  });
});
