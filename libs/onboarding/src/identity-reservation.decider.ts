import { type Command, DomainRuleViolation, NotPermitted, type WorkflowState } from '@crm/workflow-kit';
import type { HandOverIdentity, IdentityReservationCommand, MoveIdentityIn, MoveIdentityOut, ReleaseIdentity, ReserveIdentity } from './identity-reservation.commands';
import type { IdentityReservationEvent } from './identity-reservation.events';
import type { IdentityReservationContext } from './identity-reservation.machine';
import { duplicateOf, reclaimReason } from './identity-reservation.policy';
import type { IdentityReservationServices } from './identity-reservation.services';
import { OnboardingRule } from './onboarding.rules';
import type { ProductLine } from './onboarding.shapes';

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
  const { productLine } = command.data;
  const reserved: IdentityReservationEvent = { type: 'IdentityReserved', data: { identityKey, applicationId, productLine, by: actor.id, at: now } };
  const { applicationId: holderId, reservedAt } = state.context;
  switch (state.state) {
    case 'none':
    case 'free':
      return [reserved];
    case 'customer':
      refuseRegisteredLine(state, services, identityKey, productLine);
      return [reserved];
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

/** R-TIER-1: the company's customers with their lines; a v1 customer's line is its archive's. */
function registeredLines(state: State, services: IdentityReservationServices): Array<{ customerId: string; productLine: ProductLine }> {
  return state.context.customers.map((c) => ({ customerId: c.customerId, productLine: c.productLine ?? services.lineOfCustomer(c.customerId) }));
}

/** ONB-DUPLICATE per product line (R-TIER-1): a customer company applies again only for a line it is not registered for. */
function refuseRegisteredLine(state: State, services: IdentityReservationServices, identityKey: string, productLine: ProductLine): void {
  const taken = registeredLines(state, services).find((c) => c.productLine === productLine);
  if (taken) throw duplicateOf(identityKey, `it is the customer ${taken.customerId} for the product line ${productLine}`, { kind: 'customer', id: taken.customerId });
}

/** R-ONB-3: once approved, the company is a customer of that product line, and the line is never free again. */
function handOver(command: Command<'HandOverIdentity', HandOverIdentity>, state: State, services: IdentityReservationServices): IdentityReservationEvent[] {
  const { identityKey, applicationId, customerId, productLine } = command.data;
  const { actor, now } = command.meta;
  if (!actor.system) throw new NotPermitted(OnboardingRule.reservation, 'only the onboarding process hands a company over to its customer');
  requireSameKey(state, identityKey);
  const handedOver: IdentityReservationEvent = { type: 'IdentityHandedOver', data: { identityKey, applicationId, customerId, productLine, by: actor.id, at: now } };
  if (state.state === 'customer') {
    if (state.context.customers.some((c) => c.customerId === customerId)) return [];
    refuseRegisteredLine(state, services, identityKey, productLine);
    return [handedOver];
  }
  // an application approved before reservations existed has no reservation: the customer takes the key all the same
  if (state.state === 'reserved' && state.context.applicationId !== applicationId)
    throw duplicateOf(identityKey, `application ${state.context.applicationId} holds it, not ${applicationId}`, { kind: 'application', id: state.context.applicationId ?? 'unknown' });
  return [handedOver];
}

/**
 * R-ARC-1 (ADR 0024): a customer re-registered under this key takes its line here, refused as a duplicate while an
 * application holds the key or another registration has the line; already here, nothing is written.
 */
function moveIn(command: Command<'MoveIdentityIn', MoveIdentityIn>, state: State, services: IdentityReservationServices): IdentityReservationEvent[] {
  const { identityKey, customerId, productLine, fromKey } = command.data;
  const { actor, now } = command.meta;
  if (!actor.system) throw new NotPermitted(OnboardingRule.reservation, 'only the archive service moves a customer to a new company key');
  requireSameKey(state, identityKey);
  if (state.context.customers.some((c) => c.customerId === customerId)) return [];
  if (state.state === 'reserved') throw movedDuplicate(identityKey, `application ${state.context.applicationId} holds it`);
  const taken = registeredLines(state, services).find((c) => c.productLine === productLine);
  if (taken) throw movedDuplicate(identityKey, `it is the customer ${taken.customerId} for the product line ${productLine}`);
  return [{ type: 'IdentityMovedIn', data: { identityKey, customerId, productLine, fromKey, by: actor.id, at: now } }];
}

const movedDuplicate = (identityKey: string, what: string) =>
  new DomainRuleViolation(OnboardingRule.duplicate, `the new credit code belongs to a company (organisation code ${identityKey}) that already has an open application or is a customer: ${what}`, 'data.identifiers');

/** The customer left for another key: only a customer still here moves out (a redelivery writes nothing). */
function moveOut(command: Command<'MoveIdentityOut', MoveIdentityOut>, state: State): IdentityReservationEvent[] {
  const { identityKey, customerId, toKey } = command.data;
  const { actor, now } = command.meta;
  if (!actor.system) throw new NotPermitted(OnboardingRule.reservation, 'only the archive service moves a customer to a new company key');
  requireSameKey(state, identityKey);
  if (!state.context.customers.some((c) => c.customerId === customerId)) return [];
  return [{ type: 'IdentityMovedOut', data: { identityKey, customerId, toKey, by: actor.id, at: now } }];
}

export function decideIdentityReservation(command: IdentityReservationCommand, state: State, services: IdentityReservationServices): IdentityReservationEvent[] {
  switch (command.type) {
    case 'ReserveIdentity':
      return reserve(command, state, services);
    case 'ReleaseIdentity':
      return release(command, state);
    case 'HandOverIdentity':
      return handOver(command, state, services);
    case 'MoveIdentityIn':
      return moveIn(command, state, services);
    case 'MoveIdentityOut':
      return moveOut(command, state);
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
}
