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

export const identityReservationCommandSchemas = { ReserveIdentity, ReleaseIdentity, HandOverIdentity };

export type IdentityReservationCommand =
  | Command<'ReserveIdentity', ReserveIdentity>
  | Command<'ReleaseIdentity', ReleaseIdentity>
  | Command<'HandOverIdentity', HandOverIdentity>;
