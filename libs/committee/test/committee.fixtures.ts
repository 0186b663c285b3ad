import { type Actor, type AnyDomainEvent, commandOf, decideOnWorkflow, replayEvents } from '@crm/workflow-kit';
import { type CommitteeCharter, proposalWorkflow, type ProposalCommand, type ProposalServices } from '../src';

export const T0 = '2026-10-09T02:00:00.000Z';
export const SALES: Actor = { id: 'sales', roles: ['sales_reviewer'] };
export const member = (id: string): Actor => ({ id, roles: ['finance_reviewer'] });
export const CHARTER: CommitteeCharter = {
  version: 'c-1', members: ['m1', 'm2', 'm3', 'm4', 'm5'], chairId: 'm1', quorum: 3, decisionRule: 'majority_of_members', authorityBoundPercent: 10,
};

export const services = (overrides: Partial<ProposalServices> = {}, priceFen: number | null = 800_000): ProposalServices => ({
  charter: CHARTER, isDesignated: (pl, wh) => pl === 'polyolefin' && wh === 'zh-1', priceFenAt: () => priceFen, ...overrides,
});

export const submit = (pricePerTonne = 8400, effectiveFrom = '2026-10-10T00:00:00.000Z') =>
  commandOf<ProposalCommand>('SubmitPriceProposal', { proposalId: 'p-1', productLineId: 'polyolefin', warehouseId: 'zh-1', pricePerTonne, effectiveFrom, reason: '原料成本上涨' }, SALES, T0);
export const vote = (who: string, v: 'approve' | 'reject' | 'abstain') => commandOf<ProposalCommand>('CastCommitteeVote', { vote: v, opinion: null }, member(who), T0);

/** The events a sequence of commands leaves, each decided on the state the previous ones left. */
export function history(commands: ProposalCommand[], svc = services()): AnyDomainEvent[] {
  const events: AnyDomainEvent[] = [];
  for (const command of commands) {
    const decision = decideOnWorkflow(proposalWorkflow, replayEvents(proposalWorkflow, events), events.length ? events.length - 1 : null, command, svc);
    events.push(...decision.events);
  }
  return events;
}
