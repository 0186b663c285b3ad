import { and, assign, setup } from 'xstate';
import type { IdentityReservationEvent } from './identity-reservation.events';
import type { ProductLine } from './onboarding.shapes';

/** A customer the company became, per product line (null: a customer from before lines were recorded here, ADR 0020). */
export interface RegisteredCustomer {
  customerId: string;
  productLine: ProductLine | null;
}

/** What replaying a company's reservation stream leaves: who holds the key, since when, and which customers it is. */
export interface IdentityReservationContext {
  identityKey: string | null;
  applicationId: string | null;
  reservedAt: string | null;
  /** the line the holder applies for; null when nobody holds the key (or a v1 reservation) */
  productLine: ProductLine | null;
  /** the company's first customer, as before registrations per line */
  customerId: string | null;
  customers: RegisteredCustomer[];
}

type Args = { context: IdentityReservationContext; event: IdentityReservationEvent };
type Reserved = Extract<IdentityReservationEvent, { type: 'IdentityReserved' }>['data'];
type HandedOver = Extract<IdentityReservationEvent, { type: 'IdentityHandedOver' }>['data'];
type MovedIn = Extract<IdentityReservationEvent, { type: 'IdentityMovedIn' }>['data'];

const byHolder = ({ context, event }: Args) => 'applicationId' in event.data && event.data.applicationId === context.applicationId;
const isCustomer = ({ context }: Args) => context.customers.length > 0 || context.customerId !== null;
/** R-TIER-1: another product line of a customer company is its own registration; the same line never twice */
const lineIsFree = ({ context, event }: Args) => {
  const line = (event.data as Reserved | HandedOver).productLine;
  return line !== null && !context.customers.some((c) => c.productLine === line);
};
const movesInNewCustomer = ({ context, event }: Args) =>
  event.type === 'IdentityMovedIn' && !context.customers.some((c) => c.customerId === event.data.customerId) && lineIsFree({ context, event });
const movesOutCustomer = ({ context, event }: Args) => event.type === 'IdentityMovedOut' && context.customers.some((c) => c.customerId === event.data.customerId);
const lastCustomerLeaves = ({ context, event }: Args) => movesOutCustomer({ context, event }) && context.customers.length === 1;
const isNewCustomer = ({ context, event }: Args) =>
  event.type === 'IdentityHandedOver' && !context.customers.some((c) => c.customerId === event.data.customerId) && lineIsFree({ context, event });

/**
 * One company's key (ONB-DUPLICATE, R-TIER-1): free → reserved by one application → free again
 * (withdrawn, rejected, voided, re-keyed) or a customer of the application's product line. A
 * customer company can be reserved again for a line it is not registered for, and falls back to
 * being a customer when that application closes. The stream's expected revision is the lock: two
 * applications deciding on the same revision cannot both reserve.
 */
export const identityReservationMachine = setup({
  types: { context: {} as IdentityReservationContext, events: {} as IdentityReservationEvent },
  guards: { byHolder, isCustomer, lineIsFree, isNewCustomer, movesInNewCustomer, movesOutCustomer, lastCustomerLeaves },
  actions: {
    reserve: assign(({ event }: Args) => {
      const e = event.data as Reserved;
      return { identityKey: e.identityKey, applicationId: e.applicationId, reservedAt: e.at, productLine: e.productLine };
    }),
    release: assign({ applicationId: null, reservedAt: null, productLine: null }),
    handOver: assign(({ context, event }: Args) => {
      const e = event.data as HandedOver;
      return {
        identityKey: e.identityKey, applicationId: e.applicationId, reservedAt: null, productLine: null,
        customerId: context.customerId ?? e.customerId,
        customers: [...context.customers, { customerId: e.customerId, productLine: e.productLine }],
      };
    }),
    moveIn: assign(({ context, event }: Args) => {
      const e = event.data as MovedIn;
      return { identityKey: e.identityKey, customerId: context.customerId ?? e.customerId, customers: [...context.customers, { customerId: e.customerId, productLine: e.productLine }] };
    }),
    moveOut: assign(({ context, event }: Args) => {
      const leaving = event.type === 'IdentityMovedOut' ? event.data.customerId : null;
      const customers = context.customers.filter((c) => c.customerId !== leaving);
      return { customers, customerId: context.customerId === leaving ? (customers[0]?.customerId ?? null) : context.customerId };
    }),
  },
}).createMachine({
  id: 'identityReservation',
  initial: 'none',
  context: { identityKey: null, applicationId: null, reservedAt: null, productLine: null, customerId: null, customers: [] },
  states: {
    none: {
      on: {
        IdentityReserved: { target: 'reserved', actions: 'reserve' }, IdentityHandedOver: { target: 'customer', actions: 'handOver' },
        IdentityMovedIn: { target: 'customer', actions: 'moveIn' },
      },
    },
    reserved: {
      on: {
        IdentityReleased: [
          { target: 'customer', guard: and(['byHolder', 'isCustomer']), actions: 'release' },
          { target: 'free', guard: 'byHolder', actions: 'release' },
        ],
        IdentityHandedOver: { target: 'customer', guard: 'byHolder', actions: 'handOver' },
        // a registration of the company leaves for a new key while another line's application holds this one
        IdentityMovedOut: { guard: 'movesOutCustomer', actions: 'moveOut' },
      },
    },
    free: {
      on: {
        IdentityReserved: { target: 'reserved', actions: 'reserve' }, IdentityHandedOver: { target: 'customer', actions: 'handOver' },
        IdentityMovedIn: { target: 'customer', actions: 'moveIn' },
      },
    },
    customer: {
      on: {
        IdentityReserved: { target: 'reserved', guard: 'lineIsFree', actions: 'reserve' },
        // an application approved before reservations existed: its customer is registered all the same
        IdentityHandedOver: { target: 'customer', guard: 'isNewCustomer', actions: 'handOver' },
        // R-ARC-1 (ADR 0024): a re-registered customer moves in for a free line, or out to its new key
        IdentityMovedIn: { target: 'customer', guard: 'movesInNewCustomer', actions: 'moveIn' },
        IdentityMovedOut: [
          { target: 'free', guard: 'lastCustomerLeaves', actions: 'moveOut' },
          { target: 'customer', guard: 'movesOutCustomer', actions: 'moveOut' },
        ],
      },
    },
  },
});
