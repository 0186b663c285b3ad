import type { IdentityReservationEvent } from './identity-reservation.events';

/**
 * ADR 0005 / ADR 0020: events stored before registrations per product line carry no line. They
 * become `productLine: null`, "the line the customer's archive was opened for": one registration,
 * as every customer was before. Pure: the line itself is looked up by the decider, not here.
 */
export function upcastIdentityReservationEvent(event: { type: string; data: unknown; schemaVersion: number }): IdentityReservationEvent {
  const data = event.data as Record<string, unknown>;
  if ((event.type === 'IdentityReserved' || event.type === 'IdentityHandedOver') && event.schemaVersion < 2) {
    return { type: event.type, data: { ...data, productLine: null } } as IdentityReservationEvent;
  }
  return { type: event.type, data } as IdentityReservationEvent;
}
