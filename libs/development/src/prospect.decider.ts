import { DomainRuleViolation, NotPermitted, TransitionNotAllowed, type WorkflowState } from '@crm/workflow-kit';
import { actingRole, DevelopmentRule, PROSPECT_CLOSER_ROLES, PROSPECT_KEEPER_ROLES } from './development.rules';
import type { ProspectCommand, ProspectCommandOf } from './prospect.commands';
import type { ProspectContext } from './prospect.context';
import { conversionCompany } from './prospect.conversion';
import type { ProspectEvent, ProspectField } from './prospect.events';
import type { ProspectServices } from './prospect.services';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The prospect decider; the machine's guards re-check every event it produces. */
export function decideProspect(command: ProspectCommand, state: WorkflowState<ProspectContext>, services?: ProspectServices): ProspectEvent[] {
  if (state.state === 'none' && command.type !== 'RegisterProspect') throw new TransitionNotAllowed('prospect', state.state, command.type);
  const { actor, now: at } = command.meta;
  const context = state.context;
  switch (command.type) {
    case 'RegisterProspect': {
      const role = actingRole(actor, PROSPECT_KEEPER_ROLES, DevelopmentRule.prospects, 'registering a prospect');
      const { notes, ...data } = command.data;
      return [{ type: 'ProspectRegistered', data: { ...data, notes: notes ?? null, customerManagerId: actor.id, by: actor.id, role, at } }];
    }
    case 'UpdateProspect':
      return updateProspect(command, context);
    case 'MarkProspectConverted': {
      const role = closingRole(command, context, 'marking a prospect converted');
      const identityKey = conversionCompany(command.data.applicationId, context, services);
      return [{ type: 'ProspectConverted', data: { applicationId: command.data.applicationId, identityKey, by: actor.id, role, at } }];
    }
    case 'DropProspect': {
      const role = closingRole(command, context, 'dropping a prospect');
      return [{ type: 'ProspectDropped', data: { reason: command.data.reason, by: actor.id, role, at } }];
    }
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
}

/** R-DEV-1: record what changed, before and after, who and why; an update that changes nothing is refused. */
function updateProspect(command: ProspectCommandOf<'UpdateProspect'>, context: ProspectContext): ProspectEvent[] {
  const { actor, now: at } = command.meta;
  const role = actingRole(actor, PROSPECT_KEEPER_ROLES, DevelopmentRule.prospects, 'updating a prospect');
  assertOwn(actor.id, context);
  const changes = Object.fromEntries(
    Object.entries(command.data.changes)
      .filter(([field, after]) => after !== undefined && !same(context[field as ProspectField], after))
      .map(([field, after]) => [field, { before: context[field as ProspectField], after }]),
  );
  if (Object.keys(changes).length === 0) throw new DomainRuleViolation(DevelopmentRule.prospects, 'nothing differs from the archive', 'changes');
  return [{ type: 'ProspectUpdated', data: { changes, reason: command.data.reason, by: actor.id, role, at } }];
}

function closingRole(command: ProspectCommandOf<'MarkProspectConverted' | 'DropProspect'>, context: ProspectContext, what: string) {
  const role = actingRole(command.meta.actor, PROSPECT_CLOSER_ROLES, DevelopmentRule.prospects, what);
  if (role === 'customer_manager') assertOwn(command.meta.actor.id, context);
  return role;
}

function assertOwn(actorId: string, context: ProspectContext): void {
  if (context.customerManagerId !== actorId) {
    throw new NotPermitted(DevelopmentRule.prospects, `prospect ${context.prospectId} is kept by another customer manager`);
  }
}
