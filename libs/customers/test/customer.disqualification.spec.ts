import { DomainRuleViolation, NotPermitted, workflowSpec } from '@crm/workflow-kit';
import { customerWorkflow } from '../src';
import { cmd, customerDeadlinesOf, GM, history, MANAGER, openCommand, opened, pickup, SALES, SCHEDULER, SERVICES, stateOf } from './customer.fixtures';

const { given } = workflowSpec(customerWorkflow, SERVICES);
const NOW = '2026-03-10T02:00:00.000Z';
const propose = cmd('ProposeDisqualification', { reason: 'false_information', evidence: ['营业执照系伪造（市监局回函 2026-03-08）'] }, SALES, NOW);
const approve = cmd('ApproveDisqualification', { comment: '同意' }, GM, '2026-03-11T02:00:00.000Z');
const proposed = () => history([openCommand(), propose]);
const disqualified = () => history([openCommand(), propose, approve]);

describe('disqualification (R-EVAL-3)', () => {
  it('R-EVAL-3: a proposal records its reason and evidence', () => {
    given(opened()).when(propose).then([
      { type: 'DisqualificationProposed', data: { reason: 'false_information', evidence: ['营业执照系伪造（市监局回函 2026-03-08）'], proposedBy: 'sales-wang', proposedAt: NOW } },
    ]);
  });

  it('R-EVAL-3: a proposal needs evidence and one of the four reasons', () => {
    given(opened()).when(cmd('ProposeDisqualification', { reason: 'false_information', evidence: [] }, SALES, NOW)).thenThrows(DomainRuleViolation, 'SCHEMA');
    given(opened()).when(cmd('ProposeDisqualification', { reason: 'late_payment' as never, evidence: ['x'] }, SALES, NOW)).thenThrows(DomainRuleViolation, 'SCHEMA');
  });

  it('R-EVAL-3: only the general manager approves, and the customer is disqualified for good', () => {
    given(proposed()).when(cmd('ApproveDisqualification', {}, SALES, NOW)).thenThrows(NotPermitted, 'R-EVAL-3');
    given(proposed()).when(approve).then([
      {
        type: 'CustomerDisqualified',
        data: { reason: 'false_information', evidence: ['营业执照系伪造（市监局回函 2026-03-08）'], proposedBy: 'sales-wang', approvedBy: 'gm-zhao', approvedAt: '2026-03-11T02:00:00.000Z', comment: '同意', notify: ['finance', 'plant_offices'] },
      },
    ]);
    expect(stateOf(disqualified()).status).toBe('done');
  });

  it('R-EVAL-3: approval without a proposal is refused; a second proposal waits for the first', () => {
    given(opened()).when(approve).thenThrows(DomainRuleViolation, 'R-EVAL-3');
    given(proposed()).when(propose).thenThrows(DomainRuleViolation, 'R-EVAL-3');
  });

  it('R-EVAL-3: the general manager may reject a proposal, after which business goes on', () => {
    const events = history([openCommand(), propose, cmd('RejectDisqualification', { comment: '证据不足' }, GM, NOW)]);
    expect(events.at(-1)).toEqual({ type: 'DisqualificationRejected', data: { comment: '证据不足', rejectedBy: 'gm-zhao', rejectedAt: NOW } });
    given(events).when(pickup('p-1', '2026-03-10', 20)).thenMatches([{ type: 'PickupRecorded' }]);
  });

  it('R-EVAL-3: every later business command on a disqualified customer is refused with the rule id', () => {
    const later = '2026-03-12T02:00:00.000Z';
    for (const command of [
      pickup('p-1', '2026-03-12', 20, later),
      cmd('ChangeCustomerInformation', { changes: { region: '华南' }, reason: 'x' }, SALES, later),
      cmd('RenewQualificationDocument', { documentId: 'doc-licence', number: 'n', validFrom: '2026-03-01', validUntil: '2030-01-01' }, MANAGER, later),
      cmd('ProposeDisqualification', { reason: 'fraud_or_bad_faith', evidence: ['x'] }, SALES, later),
    ]) {
      given(disqualified()).when(command).thenThrows(DomainRuleViolation, 'R-EVAL-3');
    }
  });

  it('R-EVAL-3: a disqualified customer has no timers, and a late timer firing does nothing', () => {
    const decision = given(proposed()).when(approve).thenMatches([{ type: 'CustomerDisqualified' }]);
    expect(decision.cancelled.map((d) => d.key).sort()).toEqual(['document-expiry:doc-licence', 'document-warning:doc-licence', 'month-evaluation:2026-01']);
    expect(customerDeadlinesOf(disqualified())).toEqual([]);
    given(disqualified()).when(cmd('ExpireDocument', { documentId: 'doc-licence', validUntil: '2026-06-30' }, SCHEDULER, '2026-07-01T00:00:00.000Z')).then([]);
  });
});
