import type { DomainEvent } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, Instant, ProductLine } from './onboarding.shapes';

/** `identityKeyOf(identifiers)`: the 9-character organisation code (GB 11714). */
export const IdentityKey = z.string().trim().min(1).max(20);

/**
 * Why a reservation ended without a customer: its application was withdrawn or rejected, was
 * voided because it was never drafted, or moved to another company key by an amendment.
 */
export const ReleaseReason = z.enum(['withdrawn', 'rejected', 'voided', 'rekeyed']);
export type ReleaseReason = z.infer<typeof ReleaseReason>;

/**
 * The product line a reservation or a customer is for (R-TIER-1 按照不同的产品设置不同的客户及客户登记).
 * Null only on events stored before registrations per line (schema v1, upcast): the line is then
 * the one the customer's archive was opened for, which the decider reads from the archive.
 */
export const RegisteredLine = ProductLine.nullable();

/** ONB-DUPLICATE: the company is taken by this application until it is released or handed over. */
export const IdentityReserved = z.object({ identityKey: IdentityKey, applicationId: EntityId, productLine: RegisteredLine, by: EntityId, at: Instant });
export type IdentityReserved = z.infer<typeof IdentityReserved>;

export const IdentityReleased = z.object({ identityKey: IdentityKey, applicationId: EntityId, reason: ReleaseReason, by: EntityId, at: Instant });
export type IdentityReleased = z.infer<typeof IdentityReleased>;

/** R-ONB-3: the approved application's company is a customer of its product line now; that line stays taken for good. */
export const IdentityHandedOver = z.object({
  identityKey: IdentityKey, applicationId: EntityId, customerId: EntityId, productLine: RegisteredLine, by: EntityId, at: Instant,
});
export type IdentityHandedOver = z.infer<typeof IdentityHandedOver>;

/** R-ARC-1 (ADR 0024): a customer re-registered under this key (統一社会信用代码变更), its line taken here from now on. */
export const IdentityMovedIn = z.object({
  identityKey: IdentityKey, customerId: EntityId, productLine: ProductLine, fromKey: IdentityKey.nullable(), by: EntityId, at: Instant,
});
export type IdentityMovedIn = z.infer<typeof IdentityMovedIn>;
/** The customer left this key for another: its line is free here again, and the key with it when no customer is left. */
export const IdentityMovedOut = z.object({ identityKey: IdentityKey, customerId: EntityId, toKey: IdentityKey.nullable(), by: EntityId, at: Instant });
export type IdentityMovedOut = z.infer<typeof IdentityMovedOut>;

export const identityReservationEventSchemas = { IdentityReserved, IdentityReleased, IdentityHandedOver, IdentityMovedIn, IdentityMovedOut };

/** v2 added `productLine` to the reservation and the hand-over (registrations per product line, ADR 0020). */
export const identityReservationEventSchemaVersions = { IdentityReserved: 2, IdentityHandedOver: 2 };

type Events = typeof identityReservationEventSchemas;
export type IdentityReservationEvent = { [K in keyof Events]: DomainEvent<K, z.infer<Events[K]>> }[keyof Events];
