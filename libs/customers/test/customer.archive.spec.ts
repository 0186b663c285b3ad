import { DomainRuleViolation, NotPermitted, TransitionNotAllowed, workflowSpec } from '@crm/workflow-kit';
import { customerWorkflow } from '../src';
import { cmd, MANAGER, OPENED_AT, openCommand, openData, opened, plannedOpened, SALES, SERVICES, stateOf, SYSTEM } from './customer.fixtures';

const { given } = workflowSpec(customerWorkflow, SERVICES);
const later = '2026-02-03T03:00:00.000Z';

describe('customer archive: opening (R-ONB-4, R-ARC-2, R-TIER-1/2/3/5/6)', () => {
  it('R-ONB-4/R-ARC-2: opening records the archive and notifies finance and the plant offices', () => {
    const decision = given([]).when(openCommand()).thenMatches([
      { type: 'CustomerArchiveOpened', data: { customerId: 'c-1', grade: 'online_auction', openedBy: 'system:onboarding', openedAt: OPENED_AT, notify: ['finance', 'plant_offices'] } },
    ]);
    expect(decision.events[0].data.documents[0]).toMatchObject({ documentId: 'doc-licence', warnAt: '2026-05-30T16:00:00.000Z' });
  });

  it('R-ONB-4: only the system opens an archive (after onboarding approves), not a person', () => {
    given([]).when(cmd('OpenCustomerArchive', openData(), MANAGER, OPENED_AT)).thenThrows(NotPermitted, 'R-ONB-4');
  });

  it('R-TIER-2: a new polyolefin customer starts at online auction and a stated other grade is refused', () => {
    given([]).when(cmd('OpenCustomerArchive', openData({ grade: 'two_star' }), SYSTEM, OPENED_AT)).thenThrows(DomainRuleViolation, 'R-TIER-2');
  });

  it('R-TIER-2: a customer opened as planned starts at ordinary', () => {
    expect(stateOf(plannedOpened()).context.grade).toBe('ordinary');
  });

  it('R-TIER-3: a direct polyolefin customer is managed at the ordinary level from the start', () => {
    expect(stateOf(opened({ class: { salesObject: 'direct', salesForm: 'online_auction' } })).context.grade).toBe('ordinary');
  });

  it('R-TIER-1: polyolefin has no exclusive agents and needs a sales form', () => {
    given([]).when(openCommand({ class: { salesObject: 'exclusive_agent', salesForm: 'planned' } })).thenThrows(DomainRuleViolation, 'R-TIER-1');
    given([]).when(openCommand({ class: { salesObject: 'distributor', salesForm: null } })).thenThrows(DomainRuleViolation, 'R-TIER-1');
  });

  it('R-TIER-6: an other-chemicals customer without its admission attestations is refused', () => {
    const data = { productLine: 'other_chemicals' as const, class: { salesObject: 'direct' as const, salesForm: null } };
    given([]).when(openCommand(data)).thenThrows(DomainRuleViolation, /R-TIER-6.*producer_of_scale, good_funds_and_credit/);
    const admission = { checkedBy: 'fin-zhou', attestations: [{ criterion: 'producer_of_scale' as const, evidence: '年产 5 万吨注塑制品' }, { criterion: 'good_funds_and_credit' as const, evidence: '银行资信证明' }] };
    given([]).when(openCommand({ ...data, admission })).thenMatches([{ type: 'CustomerArchiveOpened', data: { grade: null, admission } }]);
  });

  it('R-TIER-6: the machine refuses an opened event lacking admission even if a decider forgot to check', () => {
    const [event] = opened();
    const bad = { ...event, data: { ...event.data, productLine: 'other_chemicals', class: { salesObject: 'distributor', salesForm: null }, grade: null } };
    expect(stateOf([bad]).value).toBe('none');
  });

  it('R-ONB-2: a document already expired at opening is refused', () => {
    given([]).when(openCommand({ documents: [{ ...openData().documents[0], validUntil: '2026-01-14' }] })).thenThrows(DomainRuleViolation, 'R-ONB-2');
  });

  it('refuses opening the same archive twice (machine)', () => {
    given(opened()).when(openCommand()).thenThrows(TransitionNotAllowed);
  });

  it('refuses commands on an archive that was never opened', () => {
    given([]).when(cmd('ChangeCustomerInformation', { changes: { region: '华南' }, reason: 'x' }, SALES, later)).thenThrows(TransitionNotAllowed);
  });
});

describe('customer archive: changes (R-ARC-1, R-ARC-2)', () => {
  it('R-ARC-1/R-ARC-2: a change records before/after, who and why, and notifies finance and plant offices', () => {
    const change = cmd('ChangeCustomerInformation', { changes: { region: '华南', customerManagerId: 'mgr-sun' }, reason: '客户迁址' }, SALES, later);
    given(opened()).when(change).then([
      {
        type: 'CustomerInformationChanged',
        data: {
          changes: { region: { before: '华东', after: '华南' }, customerManagerId: { before: 'mgr-li', after: 'mgr-sun' } },
          reason: '客户迁址', changedBy: 'sales-wang', changedAt: later, notify: ['finance', 'plant_offices'],
        },
      },
    ]);
  });

  it('R-ARC-1: unchanged values are left out and a change that changes nothing is refused', () => {
    given(opened()).when(cmd('ChangeCustomerInformation', { changes: { region: '华东', customerManagerId: 'mgr-sun' }, reason: 'x' }, SALES, later))
      .thenMatches([{ type: 'CustomerInformationChanged', data: { changes: { customerManagerId: { before: 'mgr-li', after: 'mgr-sun' } } } }]);
    given(opened()).when(cmd('ChangeCustomerInformation', { changes: { region: '华东' }, reason: 'x' }, SALES, later)).thenThrows(DomainRuleViolation, 'R-ARC-1');
  });

  it('R-ARC-1: the archive keeps the new values', () => {
    const change = cmd('ChangeCustomerInformation', { changes: { invoicing: { bank: '建设银行' } }, reason: '换开户行' }, MANAGER, later);
    const events = [...opened(), ...given(opened()).when(change).thenMatches([{ type: 'CustomerInformationChanged' }]).events];
    expect(stateOf(events).context.invoicing).toEqual({ bank: '建设银行' });
  });

  it('R-TIER-2: becoming a planned customer moves an online-auction customer to ordinary', () => {
    const change = cmd('ChangeCustomerInformation', { changes: { class: { salesObject: 'distributor', salesForm: 'planned' } }, reason: '签订年度计划' }, SALES, later);
    given(opened()).when(change).thenMatches([
      { type: 'CustomerInformationChanged' },
      { type: 'CustomerGradeChanged', data: { month: null, previousGrade: 'online_auction', newGrade: 'ordinary', cause: 'became_planned' } },
    ]);
  });

  it('R-TIER-2: a planned customer does not go back to online auction', () => {
    const change = cmd('ChangeCustomerInformation', { changes: { class: { salesObject: 'distributor', salesForm: 'online_auction' } }, reason: 'x' }, SALES, later);
    given(plannedOpened()).when(change).thenThrows(DomainRuleViolation, 'R-TIER-2');
  });

  it('R-ARC-1: an auditor cannot change the archive', () => {
    given(opened()).when(cmd('ChangeCustomerInformation', { changes: { region: '华南' }, reason: 'x' }, { id: 'a', roles: ['auditor'] }, later)).thenThrows(NotPermitted, 'R-ARC-1');
  });
});
