import { type Actor, DomainRuleViolation, NotPermitted, TransitionNotAllowed, type WorkflowState } from '@crm/workflow-kit';
import type { ContractCommand } from './contract.commands';
import type { ContractContext } from './contract.context';
import type { ContractEvent } from './contract.events';

export const CONTRACT_RULE = 'R-ARC-5';
const LEADERS = ['supervisor', 'general_manager'];
const has = (actor: Actor, roles: readonly string[]) => actor.roles.some((r) => roles.includes(r));

/** 篇4 第四条(三): the sales department drafts and signs; a leader approves (not the drafter); the clock ends it. */
export function decideContract(command: ContractCommand, state: WorkflowState<ContractContext>): ContractEvent[] {
  const { actor, now: at } = command.meta;
  const c = state.context;
  switch (command.type) {
    case 'DraftContract':
      if (!has(actor, ['sales_reviewer'])) throw new NotPermitted(CONTRACT_RULE, 'the sales department drafts sales contracts');
      return [{ type: 'ContractDrafted', data: { ...command.data, by: actor.id, at, notify: ['general_manager', 'supervisor'] } }];
    case 'ApproveContract':
      expect(state, 'drafted', 'ContractApproved');
      if (!has(actor, LEADERS)) throw new NotPermitted(CONTRACT_RULE, 'a leader (主管领导) approves a sales contract');
      if (actor.id === c.draftedBy) throw new NotPermitted(CONTRACT_RULE, 'the person who drafted a contract does not approve it');
      return [{ type: 'ContractApproved', data: { comment: command.data.comment, by: actor.id, at } }];
    case 'SignContract':
      expect(state, 'approved', 'ContractSigned');
      if (!has(actor, ['sales_reviewer'])) throw new NotPermitted(CONTRACT_RULE, 'the sales department signs and keeps the contract');
      if (command.data.signedOn > at.slice(0, 10)) throw new DomainRuleViolation(CONTRACT_RULE, 'a contract is signed on a day that has come', 'signedOn');
      return [{ type: 'ContractSigned', data: { ...command.data, customerId: state.context.customerId ?? undefined, by: actor.id, at } }];
    case 'TerminateContract':
      if (!has(actor, ['sales_reviewer', 'general_manager'])) throw new NotPermitted(CONTRACT_RULE, 'the sales department or the general manager ends a contract');
      if (state.done || state.state === 'none') throw new TransitionNotAllowed('sales-contract', state.state, 'ContractTerminated');
      return [{ type: 'ContractTerminated', data: { reason: command.data.reason, by: actor.id, at } }];
    case 'WarnContractExpiry':
    case 'ExpireContract': {
      if (!actor.system) throw new NotPermitted(CONTRACT_RULE, 'only the scheduler marks a contract expiring or expired');
      if (state.state !== 'inForce' || command.data.validUntil !== c.validUntil) return [];
      if (command.type === 'WarnContractExpiry') return c.warned ? [] : [{ type: 'ContractExpiryWarned', data: { validUntil: command.data.validUntil, at, notify: ['sales_reviewer'] } }];
      return [{ type: 'ContractExpired', data: { validUntil: command.data.validUntil, at, notify: ['sales_reviewer'] } }];
    }
  }
}

function expect(state: WorkflowState<ContractContext>, expected: string, eventType: string): void {
  if (state.state !== expected) throw new TransitionNotAllowed('sales-contract', state.state, eventType);
}
