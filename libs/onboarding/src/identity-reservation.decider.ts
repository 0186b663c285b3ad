import { type Command, DomainRuleViolation, NotPermitted, type WorkflowState } from '@crm/workflow-kit';
import type { HandOverIdentity, IdentityReservationCommand, ReleaseIdentity, ReserveIdentity } from './identity-reservation.commands';
import type { IdentityReservationEvent } from './identity-reservation.events';
import type { IdentityReservationContext } from './identity-reservation.machine';
import { duplicateOf, reclaimReason } from './identity-reservation.policy';
import type { IdentityReservationServices } from './identity-reservation.services';
import { OnboardingRule } from './onboarding.rules';

type State = WorkflowState<IdentityReservationContext>;

function requireSameKey(state: State, identityKey: string): void {
  const held = state.context.identityKey;
  if (held !== null && held !== identityKey)
    throw new DomainRuleViolation('COMMAND', `this reservation stream is for ${held}, not ${identityKey}`, 'data.identityKey');
}

/** ONB-DUPLICATE: the key is taken here, or taken over from a holder that let go (both in one append). */
function reserve(command: Command<'ReserveIdentity', ReserveIdentity>, state: State, services: IdentityReservationServices): IdentityReservationEvent[] {
  const { identityKey, applicationId } = command.data;
  const { actor, now } = command.meta;
  if (!actor.roles.includes('customer_manager'))
    throw new NotPermitted(OnboardingRule.applicantOnly, 'a company is reserved by the customer manager filing its application');
  requireSameKey(state, identityKey);
  const reserved: IdentityReservationEvent = { type: 'IdentityReserved', data: { identityKey, applicationId, by: actor.id, at: now } };
  const { applicationId: holderId, reservedAt, customerId } = state.context;
  switch (state.state) {
    case 'none':
    case 'free':
      return [reserved];
    case 'customer':
      throw duplicateOf(identityKey, `it is the customer ${customerId}`);
    default: {
      if (holderId === applicationId) return [];
      const reason = reclaimReason(services.holderOf(holderId as string), identityKey, reservedAt as string, now);
      return [{ type: 'IdentityReleased', data: { identityKey, applicationId: holderId as string, reason, by: actor.id, at: now } }, reserved];
    }
  }
}

/** Only the holder's reservation is released; anything else (already free, taken over, a customer) is left as it is. */
function release(command: Command<'ReleaseIdentity', ReleaseIdentity>, state: State): IdentityReservationEvent[] {
  const { identityKey, applicationId, reason } = command.data;
  const { actor, now } = command.meta;
  if (!actor.system && !actor.roles.includes('customer_manager'))
    throw new NotPermitted(OnboardingRule.reservation, 'reservations are released by the onboarding service or the applicant re-keying their application');
  requireSameKey(state, identityKey);
  if (state.state !== 'reserved' || state.context.applicationId !== applicationId) return [];
  return [{ type: 'IdentityReleased', data: { identityKey, applicationId, reason, by: actor.id, at: now } }];
}

/** R-ONB-3: once approved, the company is a customer and the key is never free again. */
function handOver(command: Command<'HandOverIdentity', HandOverIdentity>, state: State): IdentityReservationEvent[] {
  const { identityKey, applicationId, customerId } = command.data;
  const { actor, now } = command.meta;
  if (!actor.system) throw new NotPermitted(OnboardingRule.reservation, 'only the onboarding process hands a company over to its customer');
  requireSameKey(state, identityKey);
  const handedOver: IdentityReservationEvent = { type: 'IdentityHandedOver', data: { identityKey, applicationId, customerId, by: actor.id, at: now } };
  if (state.state === 'customer') {
    if (state.context.customerId === customerId) return [];
    throw duplicateOf(identityKey, `it is the customer ${state.context.customerId}, not ${customerId}`);
  }
  // an application approved before reservations existed has no reservation: the customer takes the key all the same
  if (state.state === 'reserved' && state.context.applicationId !== applicationId)
    throw duplicateOf(identityKey, `application ${state.context.applicationId} holds it, not ${applicationId}`);
  return [handedOver];
}

export function decideIdentityReservation(command: IdentityReservationCommand, state: State, services: IdentityReservationServices): IdentityReservationEvent[] {
  switch (command.type) {
    case 'ReserveIdentity':
      return reserve(command, state, services);
    case 'ReleaseIdentity':
      return release(command, state);
    case 'HandOverIdentity':
      return handOver(command, state);
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
}
