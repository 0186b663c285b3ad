import type { DomainEvent } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, Instant } from './onboarding.shapes';

/** `identityKeyOf(identifiers)`: the 9-character organisation code (GB 11714). */
export const IdentityKey = z.string().trim().min(1).max(20);

/**
 * Why a reservation ended without a customer: its application was withdrawn or rejected, was
 * voided because it was never drafted, or moved to another company key by an amendment.
 */
export const ReleaseReason = z.enum(['withdrawn', 'rejected', 'voided', 'rekeyed']);
export type ReleaseReason = z.infer<typeof ReleaseReason>;

/** ONB-DUPLICATE: the company is taken by this application until it is released or handed over. */
export const IdentityReserved = z.object({ identityKey: IdentityKey, applicationId: EntityId, by: EntityId, at: Instant });
export type IdentityReserved = z.infer<typeof IdentityReserved>;

export const IdentityReleased = z.object({ identityKey: IdentityKey, applicationId: EntityId, reason: ReleaseReason, by: EntityId, at: Instant });
export type IdentityReleased = z.infer<typeof IdentityReleased>;

/** R-ONB-3: the approved application's company is a customer now; the key stays taken for good. */
export const IdentityHandedOver = z.object({ identityKey: IdentityKey, applicationId: EntityId, customerId: EntityId, by: EntityId, at: Instant });
export type IdentityHandedOver = z.infer<typeof IdentityHandedOver>;

export const identityReservationEventSchemas = { IdentityReserved, IdentityReleased, IdentityHandedOver };

type Events = typeof identityReservationEventSchemas;
export type IdentityReservationEvent = { [K in keyof Events]: DomainEvent<K, z.infer<Events[K]>> }[keyof Events];
