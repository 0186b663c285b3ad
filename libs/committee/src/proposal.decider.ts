import { type Actor, DomainRuleViolation, NotPermitted, TransitionNotAllowed, type WorkflowState } from '@crm/workflow-kit';
import { tallyOf } from './committee-tally';
import { CommitteeRule } from './committee.shapes';
import type { ProposalCommand, ProposalCommandOf } from './proposal.commands';
import { committeeVerdict, evolveProposal, exceedsAuthority, type ProposalContext } from './proposal.context';
import type { PriceChange, ProposalEvent } from './proposal.events';
import type { ProposalServices } from './proposal.services';

const PROPOSERS = ['sales_reviewer', 'general_manager'];
const POLICY_PROPOSERS = ['administrator', ...PROPOSERS];
const RULE = CommitteeRule.price;

/** R-PRICE-1: the sales department proposes, the members vote, the charter's rule decides, the group above its authority. */
export function decideProposal(command: ProposalCommand, state: WorkflowState<ProposalContext>, services: ProposalServices): ProposalEvent[] {
  const { actor, now } = command.meta;
  const context = state.context;
  switch (command.type) {
    case 'SubmitPriceProposal':
      return submit(command, services);
    case 'SubmitPolicyProposal':
      return submitPolicy(command, services);
    case 'CastCommitteeVote': {
      inState(state, 'voting', 'CommitteeVoteCast');
      if (!context.charter?.members.includes(actor.id)) throw new NotPermitted(RULE, `${actor.id} is not a member of the committee this proposal is before`);
      if (context.votes.some((v) => v.member === actor.id)) throw new DomainRuleViolation(RULE, `${actor.id} has already voted on this proposal`, 'vote');
      const vote: ProposalEvent = { type: 'CommitteeVoteCast', data: { member: actor.id, vote: command.data.vote, opinion: command.data.opinion, at: now } };
      return [vote, ...outcome(evolveProposal(context, vote), now)];
    }
    case 'CloseCommitteeVote': {
      inState(state, 'voting', 'CommitteeVoteClosed');
      if (context.charter?.chairId !== actor.id) throw new NotPermitted(RULE, 'only the chair closes a vote');
      const closed: ProposalEvent = { type: 'CommitteeVoteClosed', data: { by: actor.id, reason: command.data.reason, tally: tallyOf(context.charter, context.votes), at: now } };
      return [closed, ...outcome(evolveProposal(context, closed), now)];
    }
    case 'RecordGroupDecision': {
      inState(state, 'escalated', command.data.approved ? 'ProposalApproved' : 'ProposalRejected');
      if (context.charter?.chairId !== actor.id) throw new NotPermitted(RULE, 'the chair records the group\'s decision');
      const decided = { decidedBy: 'group' as const, tally: null, reference: command.data.reference, at: now };
      return [command.data.approved ? { type: 'ProposalApproved', data: decided } : { type: 'ProposalRejected', data: { ...decided, notifyUsers: [context.proposedBy ?? actor.id] } }];
    }
    case 'WithdrawProposal':
      inState(state, 'voting', 'ProposalWithdrawn');
      if (context.proposedBy !== actor.id) throw new NotPermitted(RULE, 'only the proposer withdraws a proposal');
      return [{ type: 'ProposalWithdrawn', data: { by: actor.id, reason: command.data.reason, at: now } }];
  }
}

function submit(command: ProposalCommandOf<'SubmitPriceProposal'>, services: ProposalServices): ProposalEvent[] {
  const { actor, now } = command.meta;
  const d = command.data;
  assertProposer(actor);
  const charter = services.charter;
  if (!charter) throw new DomainRuleViolation(RULE, 'the committee has no charter yet: an administrator publishes its members and rule first', 'proposalId');
  if (!services.isDesignated(d.productLineId, d.warehouseId)) {
    throw new DomainRuleViolation('R-PRIN-4', `warehouse ${d.warehouseId} is not designated for ${d.productLineId}`, 'warehouseId');
  }
  if (Date.parse(d.effectiveFrom) < Date.parse(now)) throw new DomainRuleViolation(RULE, 'a price takes effect from now on, never in the past', 'effectiveFrom');
  const priceFen = Math.round(d.pricePerTonne * 100);
  const previousPriceFen = services.priceFenAt(d.productLineId, d.warehouseId, d.effectiveFrom);
  const changePercent = previousPriceFen === null ? null : Math.round(((priceFen - previousPriceFen) / previousPriceFen) * 10_000) / 100;
  const change: PriceChange = { productLineId: d.productLineId, warehouseId: d.warehouseId, priceFen, effectiveFrom: new Date(d.effectiveFrom).toISOString(), previousPriceFen, changePercent };
  return [{ type: 'PriceProposalSubmitted', data: { proposalId: d.proposalId, change, reason: d.reason, charter, by: actor.id, at: now, notifyUsers: charter.members } }];
}

/**
 * R-PRICE-1 审议公司客户管理方案和机制: an administrator (who keeps the policy data), the sales
 * department or the general manager puts a policy version before the committee; it is checked
 * against its own schema and versions now, so what the committee votes on can be published as is.
 */
function submitPolicy(command: ProposalCommandOf<'SubmitPolicyProposal'>, services: ProposalServices): ProposalEvent[] {
  const { actor, now } = command.meta;
  const d = command.data;
  if (!actor.roles.some((r) => POLICY_PROPOSERS.includes(r))) throw new NotPermitted(RULE, 'administrators, the sales department or the general manager propose customer-management policies');
  const charter = services.charter;
  if (!charter) throw new DomainRuleViolation(RULE, 'the committee has no charter yet: an administrator publishes its members and rule first', 'proposalId');
  if (!services.checkPolicy) throw new Error('policy proposals are decided with checkPolicy preloaded');
  const checked = services.checkPolicy(d.kind, d.content);
  if (!checked.ok) throw new DomainRuleViolation(checked.rule, checked.message, checked.field);
  const policy = { kind: d.kind, version: checked.version, content: checked.content, previousVersion: checked.previousVersion };
  return [{ type: 'PolicyProposalSubmitted', data: { proposalId: d.proposalId, policy, reason: d.reason, charter, by: actor.id, at: now, notifyUsers: charter.members } }];
}

/** The outcome the votes now decide, if any: approved, escalated beyond the committee's authority, or rejected. */
function outcome(context: ProposalContext, at: string): ProposalEvent[] {
  const verdict = committeeVerdict(context);
  if (verdict === 'pending' || !context.charter) return [];
  const tally = tallyOf(context.charter, context.votes);
  if (verdict === 'rejected') return [{ type: 'ProposalRejected', data: { decidedBy: 'committee', tally, reference: null, at, notifyUsers: [context.proposedBy as string] } }];
  if (!exceedsAuthority(context)) return [{ type: 'ProposalApproved', data: { decidedBy: 'committee', tally, reference: null, at } }];
  const { changePercent } = context.change as PriceChange;
  return [{ type: 'ProposalEscalatedToGroup', data: { changePercent: changePercent as number, authorityBoundPercent: context.charter.authorityBoundPercent, tally, at, notifyUsers: [context.charter.chairId] } }];
}

function assertProposer(actor: Actor): void {
  if (!actor.roles.some((r) => PROPOSERS.includes(r))) throw new NotPermitted(RULE, 'the sales department (or the general manager) proposes price adjustments');
}

function inState(state: WorkflowState<ProposalContext>, expected: string, eventType: string): void {
  if (state.state !== expected) throw new TransitionNotAllowed('committee-proposal', state.state, eventType);
}
