import { DomainRuleViolation, NotPermitted, TransitionNotAllowed, workflowSpec } from '@crm/workflow-kit';
import { prospectWorkflow, RegisterProspect } from '../src';
import { at, FINANCE, history, MANAGER, MANAGER_2, pcmd, registerCommand, SALES } from './development.fixtures';

const spec = workflowSpec(prospectWorkflow);
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
      { type: 'ProspectConverted', data: { applicationId: 'app-9', by: 'sales-li', role: 'sales_reviewer' } },
    ]);
  });

  it('R-DEV-1: a dropped prospect keeps its reason and takes no further change', () => {
    const dropped = history(prospectWorkflow, [registerCommand(), pcmd('DropProspect', { reason: '无采购计划' }, MANAGER, at(1))]);
    expect(dropped[1]).toMatchObject({ type: 'ProspectDropped', data: { reason: '无采购计划' } });
    spec.given(dropped).when(pcmd('MarkProspectConverted', { applicationId: 'app-9' }, MANAGER, at(2))).thenThrows(TransitionNotAllowed);
  });
});
