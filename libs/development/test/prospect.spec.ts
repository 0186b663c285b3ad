import { DomainRuleViolation, NotPermitted, replayEvents, TransitionNotAllowed, workflowSpec } from '@crm/workflow-kit';
import { prospectWorkflow, RegisterProspect } from '../src';
import { at, conversionServices, FINANCE, history, MANAGER, MANAGER_2, pcmd, PROSPECT_COMPANY, registerCommand, SALES } from './development.fixtures';

const spec = workflowSpec(prospectWorkflow, conversionServices());
const registered = () => history(prospectWorkflow, [registerCommand()]);

describe('prospect archives (R-DEV-1)', () => {
  it('R-DEV-1: a customer manager registers a prospect of their region and keeps it', () => {
    spec.given([]).when(registerCommand()).thenMatches([
      { type: 'ProspectRegistered', data: { prospectId: 'p-1', region: '华东', customerManagerId: 'cm-wang', by: 'cm-wang', role: 'customer_manager', notes: null } },
    ]);
  });

  it('R-DEV-1: only customer managers keep prospect archives', () => {
    spec.given([]).when(registerCommand(FINANCE)).thenThrows(NotPermitted, 'R-DEV-1');
  });

  it('R-DEV-1: a credit code, when known, must pass the GB 32100 check onboarding applies', () => {
    const result = RegisterProspect.safeParse({ ...registerCommand().data, identifiers: { creditCode: '91350100M000100Y44' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['identifiers', 'creditCode'], message: expect.stringContaining('R-DEV-1') });
  });

  it('R-DEV-1: an update records each changed field before and after, and skips what did not change', () => {
    spec.given(registered()).when(pcmd('UpdateProspect', { changes: { region: '华南', source: 'market_survey', estimatedTonnesPerYear: 2000 }, reason: '调研更正' }, MANAGER, at(1))).thenMatches([
      { type: 'ProspectUpdated', data: { changes: { region: { before: '华东', after: '华南' }, estimatedTonnesPerYear: { before: 1200, after: 2000 } }, reason: '调研更正' } },
    ]);
  });

  it('R-DEV-1: an update that changes nothing is refused naming the field', () => {
    spec.given(registered()).when(pcmd('UpdateProspect', { changes: { region: '华东' }, reason: 'x' }, MANAGER, at(1))).thenThrows(DomainRuleViolation, 'nothing differs');
  });

  it("R-DEV-1: another manager does not edit, convert or drop a manager's prospect", () => {
    spec.given(registered()).when(pcmd('UpdateProspect', { changes: { region: '华南' }, reason: 'x' }, MANAGER_2, at(1))).thenThrows(NotPermitted, 'another customer manager');
    spec.given(registered()).when(pcmd('DropProspect', { reason: 'x' }, MANAGER_2, at(1))).thenThrows(NotPermitted, 'R-DEV-1');
  });

  it('R-DEV-1: converted when an onboarding application is opened for it; the sales department may record it', () => {
    spec.given(registered()).when(pcmd('MarkProspectConverted', { applicationId: 'app-9' }, SALES, at(2))).thenMatches([
      { type: 'ProspectConverted', data: { applicationId: 'app-9', identityKey: PROSPECT_COMPANY, by: 'sales-li', role: 'sales_reviewer' } },
    ]);
  });

  it('R-DEV-1: a dropped prospect keeps its reason and takes no further change', () => {
    const dropped = history(prospectWorkflow, [registerCommand(), pcmd('DropProspect', { reason: '无采购计划' }, MANAGER, at(1))]);
    expect(dropped[1]).toMatchObject({ type: 'ProspectDropped', data: { reason: '无采购计划' } });
    spec.given(dropped).when(pcmd('MarkProspectConverted', { applicationId: 'app-9' }, MANAGER, at(2))).thenThrows(TransitionNotAllowed);
  });
});

describe('converting a prospect (R-DEV-1, DEV-DUPLICATE)', () => {
  const convert = (applicationId = 'app-9') => pcmd('MarkProspectConverted', { applicationId }, MANAGER, at(2));
  const given = (facts: Parameters<typeof conversionServices>[0]) => workflowSpec(prospectWorkflow, conversionServices(facts)).given(registered());

  it('DEV-DUPLICATE: the company is already a customer (through another application): refused naming applicationId', () => {
    given({ customers: ['cust-app-1'] }).when(convert()).thenThrows(DomainRuleViolation, 'DEV-DUPLICATE');
    given({ customers: ['cust-app-1'] }).when(convert()).thenThrows(DomainRuleViolation, 'already the customer cust-app-1');
  });

  it('DEV-DUPLICATE: another application holds the company (ONB-DUPLICATE reservation): refused', () => {
    given({ reservedBy: 'app-other', applicationState: 'withdrawn' }).when(convert()).thenThrows(DomainRuleViolation, 'DEV-DUPLICATE: the company with organisation code');
    given({ reservedBy: 'app-other' }).when(convert()).thenThrows(DomainRuleViolation, 'has the open application app-other');
  });

  it('DEV-DUPLICATE: the customer the named application itself became is the conversion, not a duplicate', () => {
    given({ applicationState: 'approved', reservedBy: null, customers: ['cust-app-9'] }).when(convert()).thenMatches([
      { type: 'ProspectConverted', data: { applicationId: 'app-9', identityKey: PROSPECT_COMPANY } },
    ]);
  });

  it('R-DEV-1: the application must exist, be for the prospect’s own company, and not be closed', () => {
    given({ applicationState: 'none', identityKey: null, reservedBy: null }).when(convert()).thenThrows(DomainRuleViolation, 'no onboarding application app-9');
    given({ identityKey: '500000019' }).when(convert()).thenThrows(DomainRuleViolation, "not this prospect's");
    given({ applicationState: 'rejected', reservedBy: null }).when(convert()).thenThrows(DomainRuleViolation, 'is rejected');
  });

  it('R-DEV-1: the machine refuses a conversion recorded for another company than the credit code on file', () => {
    const snapshot = replayEvents(prospectWorkflow, registered());
    const event = (identityKey: string) => ({ type: 'ProspectConverted', data: { applicationId: 'app-9', identityKey, by: MANAGER.id, role: 'customer_manager', at: at(2) } });
    expect(snapshot.can(event('500000019') as never)).toBe(false);
    expect(snapshot.can(event(PROSPECT_COMPANY) as never)).toBe(true);
  });
});
