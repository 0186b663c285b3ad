import { commandOf, NotPermitted, SCHEDULER_ACTOR, TransitionNotAllowed, workflowSpec } from '@crm/workflow-kit';
import { contractDeadlines, contractWorkflow, type ContractCommand } from '../src';
import { decideOnWorkflow, replayEvents, toWorkflowState } from '@crm/workflow-kit';

const T0 = '2026-10-12T02:00:00.000Z';
type Actor = { id: string; roles: ('sales_reviewer' | 'supervisor' | 'general_manager')[] };
const SALES: Actor = { id: 'sales', roles: ['sales_reviewer'] };
const BOTH: Actor = { id: 'both', roles: ['sales_reviewer', 'supervisor'] };
const GM: Actor = { id: 'gm', roles: ['general_manager'] };
const { given } = workflowSpec(contractWorkflow);
const draft = (actor = SALES) => commandOf<ContractCommand>('DraftContract', { contractId: 'sc-1', customerId: 'c-1', productLineId: 'polyolefin', contractNo: 'HT-1', validFrom: '2026-10-01', validUntil: '2026-12-31', terms: '年度合同' }, actor, T0);
const run = (commands: ContractCommand[]) => commands.reduce<any[]>((events, c) => [...events, ...decideOnWorkflow(contractWorkflow, replayEvents(contractWorkflow, events), events.length ? events.length - 1 : null, c, undefined).events], []);

describe('sales contracts (R-ARC-5, 篇4 第四条(三) 组织与客户签订销售合同,并保管合同文本)', () => {
  it('R-ARC-5: the sales department drafts; a leader approves — never the person who drafted it', () => {
    given([]).when({ ...draft(), meta: { actor: GM, now: T0 } }).thenThrows(NotPermitted, 'R-ARC-5');
    const drafted = run([draft(BOTH)]);
    given(drafted).when(commandOf<ContractCommand>('ApproveContract', { comment: null }, BOTH, T0)).thenThrows(NotPermitted, 'drafted');
    given(drafted).when(commandOf<ContractCommand>('ApproveContract', { comment: null }, GM, T0)).thenMatches([{ type: 'ContractApproved', data: { by: 'gm' } }]);
  });

  it('R-ARC-5: signed only once approved; in force it is warned 30 days before its last day and expires after it', () => {
    given(run([draft()])).when(commandOf<ContractCommand>('SignContract', { signedOn: '2026-10-12', signedByCustomer: '代表' }, SALES, T0)).thenThrows(TransitionNotAllowed);
    const signed = run([draft(), commandOf<ContractCommand>('ApproveContract', { comment: null }, GM, T0), commandOf<ContractCommand>('SignContract', { signedOn: '2026-10-12', signedByCustomer: '代表' }, SALES, T0)]);
    const state = toWorkflowState(replayEvents(contractWorkflow, signed), signed.length - 1);
    expect(contractDeadlines(state as never).map((d) => [d.key, d.dueAt])).toEqual([
      ['contract-warning', '2026-11-30T16:00:00.000Z'],
      ['contract-expiry', '2026-12-31T16:00:00.000Z'],
    ]);
    const stale = commandOf<ContractCommand>('ExpireContract', { validUntil: '2026-11-30' }, SCHEDULER_ACTOR, '2026-12-01T00:00:00.000Z');
    given(signed).when(stale).then([]);
    given(signed).when(commandOf<ContractCommand>('ExpireContract', { validUntil: '2026-12-31' }, SALES, '2027-01-01T00:00:00.000Z')).thenThrows(NotPermitted, 'scheduler');
  });
});
