import { assign, setup } from 'xstate';
import type { IdentityReservationEvent } from './identity-reservation.events';

/** What replaying a company's reservation stream leaves: who holds the key, since when, or which customer it is. */
export interface IdentityReservationContext {
  identityKey: string | null;
  applicationId: string | null;
  reservedAt: string | null;
  customerId: string | null;
}

type Args = { context: IdentityReservationContext; event: IdentityReservationEvent };

const byHolder = ({ context, event }: Args) => event.data.applicationId === context.applicationId;

/**
 * One company's key (ONB-DUPLICATE): free → reserved by one application → free again (withdrawn,
 * rejected, voided, re-keyed) or the customer's for good. The stream's expected revision is the
 * lock: two applications deciding on the same revision cannot both reserve.
 */
export const identityReservationMachine = setup({
  types: { context: {} as IdentityReservationContext, events: {} as IdentityReservationEvent },
  guards: { byHolder },
  actions: {
    reserve: assign(({ event }: Args) => {
      const e = event.data as Extract<IdentityReservationEvent, { type: 'IdentityReserved' }>['data'];
      return { identityKey: e.identityKey, applicationId: e.applicationId, reservedAt: e.at, customerId: null };
    }),
    release: assign({ applicationId: null, reservedAt: null }),
    handOver: assign(({ event }: Args) => {
      const e = event.data as Extract<IdentityReservationEvent, { type: 'IdentityHandedOver' }>['data'];
      return { identityKey: e.identityKey, applicationId: e.applicationId, customerId: e.customerId };
    }),
  },
}).createMachine({
  id: 'identityReservation',
  initial: 'none',
  context: { identityKey: null, applicationId: null, reservedAt: null, customerId: null },
  states: {
    none: { on: { IdentityReserved: { target: 'reserved', actions: 'reserve' }, IdentityHandedOver: { target: 'customer', actions: 'handOver' } } },
    reserved: {
      on: {
        IdentityReleased: { target: 'free', guard: 'byHolder', actions: 'release' },
        IdentityHandedOver: { target: 'customer', guard: 'byHolder', actions: 'handOver' },
      },
    },
    free: { on: { IdentityReserved: { target: 'reserved', actions: 'reserve' }, IdentityHandedOver: { target: 'customer', actions: 'handOver' } } },
    customer: { type: 'final' },
  },
});
