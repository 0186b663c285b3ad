import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@crm/event-store';
import { type Actor, NotPermitted, type Role, WorkflowNotFound } from '@crm/workflow-kit';

/** Roles that work across every customer; a plain customer manager works on their own (R-KAM-2). */
const COMPANY_WIDE: readonly Role[] = ['sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor', 'auditor', 'administrator'];

export const isManagerScoped = (actor: Actor): boolean =>
  !actor.system && actor.roles.includes('customer_manager') && !actor.roles.some((role) => COMPANY_WIDE.includes(role));

export function assertOwnCustomer(actor: Actor, customerId: string, managerId: string | null): void {
  if (isManagerScoped(actor) && managerId !== actor.id) {
    throw new NotPermitted('R-KAM-2', `customer ${customerId} is managed by another customer manager`);
  }
}

/** The manager the stream names last: opening, then every archive change of the manager. */
export function managerIn(events: readonly StoredEvent[]): string | null {
  let manager: string | null = null;
  for (const event of events) {
    if (event.type === 'CustomerArchiveOpened') manager = String(event.data.customerManagerId);
    if (event.type === 'CustomerInformationChanged') {
      const change = (event.data.changes as Record<string, { after?: unknown }> | undefined)?.customerManagerId;
      if (change && typeof change.after === 'string') manager = change.after;
    }
  }
  return manager;
}

/**
 * R-KAM-2 for commands, decided on the stream rather than the read model, so a manager who was
 * just replaced cannot act in the projection's lag.
 */
@Injectable()
export class CustomerAccess {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async assertMayAct(actor: Actor, customerId: string): Promise<void> {
    if (!isManagerScoped(actor)) return;
    const events = await this.store.readStream(`customer-${customerId}`);
    if (events.length === 0) throw new WorkflowNotFound(`customer-${customerId}`);
    assertOwnCustomer(actor, customerId, managerIn(events));
  }
}
