import type { PickupState } from './customer.context';

const BUCKETS = 64;

/**
 * A customer's pickups by id, spread over a fixed number of buckets so that recording one copies
 * one bucket and the bucket table instead of every pickup (a plain record copied per event made
 * replaying a customer with 10,000 pickups quadratic). Immutable like all machine context: every
 * update returns a new index and leaves the previous one untouched.
 */
export type PickupIndex = readonly Readonly<Record<string, PickupState>>[];

export const EMPTY_PICKUP_INDEX: PickupIndex = Array.from({ length: BUCKETS }, () => ({}));

function bucketOf(pickupId: string): number {
  let hash = 5381;
  for (let i = 0; i < pickupId.length; i++) hash = ((hash << 5) + hash + pickupId.charCodeAt(i)) | 0;
  return Math.abs(hash) % BUCKETS;
}

export function getPickup(index: PickupIndex, pickupId: string): PickupState | undefined {
  return Object.prototype.hasOwnProperty.call(index[bucketOf(pickupId)], pickupId) ? index[bucketOf(pickupId)][pickupId] : undefined;
}

export function setPickup(index: PickupIndex, pickupId: string, pickup: PickupState): PickupIndex {
  const b = bucketOf(pickupId);
  const next = index.slice();
  next[b] = { ...index[b], [pickupId]: pickup };
  return next;
}

export function allPickups(index: PickupIndex): PickupState[] {
  return index.flatMap((bucket) => Object.values(bucket));
}
