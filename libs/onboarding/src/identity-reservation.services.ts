import type { ProductLine } from './onboarding.shapes';

/**
 * The application holding a reservation, as its own stream says now. `state` is the onboarding
 * machine's state name; 'none' when the stream does not exist (the application was never drafted).
 */
export interface ReservationHolder {
  applicationId: string;
  state: string;
  identityKey: string | null;
}

/** Read by the app before the command (deciders do no I/O): only a reservation held by another application needs it. */
export interface IdentityReservationServices {
  holderOf(applicationId: string): ReservationHolder;
  /** the line a customer's archive was opened for: asked only of customers handed over before lines were recorded (v1) */
  lineOfCustomer(customerId: string): ProductLine;
}
