import type { Command } from '@crm/workflow-kit';
import { z } from 'zod';
import { IdentityKey, ReleaseReason } from './identity-reservation.events';
import { EntityId, ProductLine } from './onboarding.shapes';

/** Every command names the key as well as the stream does, so a misrouted command is caught. */
export const ReserveIdentity = z.object({ identityKey: IdentityKey, applicationId: EntityId, productLine: ProductLine });
export type ReserveIdentity = z.infer<typeof ReserveIdentity>;

/** Releasing a reservation the application does not hold changes nothing (redelivery, a late retry). */
export const ReleaseIdentity = z.object({ identityKey: IdentityKey, applicationId: EntityId, reason: ReleaseReason });
export type ReleaseIdentity = z.infer<typeof ReleaseIdentity>;

export const HandOverIdentity = z.object({ identityKey: IdentityKey, applicationId: EntityId, customerId: EntityId, productLine: ProductLine });
export type HandOverIdentity = z.infer<typeof HandOverIdentity>;

/**
 * R-ARC-1 (ADR 0024): a customer whose credit code changed to another company key moves in here
 * before the change takes effect (refused like a duplicate when another company holds the key for
 * its line), and moves out of its old key after.
 */
export const MoveIdentityIn = z.object({ identityKey: IdentityKey, customerId: EntityId, productLine: ProductLine, fromKey: IdentityKey.nullable() });
export type MoveIdentityIn = z.infer<typeof MoveIdentityIn>;
export const MoveIdentityOut = z.object({ identityKey: IdentityKey, customerId: EntityId, toKey: IdentityKey.nullable() });
export type MoveIdentityOut = z.infer<typeof MoveIdentityOut>;

export const identityReservationCommandSchemas = { ReserveIdentity, ReleaseIdentity, HandOverIdentity, MoveIdentityIn, MoveIdentityOut };

export type IdentityReservationCommand =
  | Command<'ReserveIdentity', ReserveIdentity>
  | Command<'ReleaseIdentity', ReleaseIdentity>
  | Command<'HandOverIdentity', HandOverIdentity>
  | Command<'MoveIdentityIn', MoveIdentityIn>
  | Command<'MoveIdentityOut', MoveIdentityOut>;
