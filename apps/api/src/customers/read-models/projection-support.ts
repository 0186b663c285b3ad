import type { StoredEvent } from '@crm/event-store';
import type { ReadModelDialect } from '@crm/engine';

/** Customer streams are `customer-<customerId>` (customerWorkflow.streamPrefix). */
export const customerIdOf = (event: StoredEvent): string => event.streamId.slice('customer-'.length);
export const isCustomerEvent = (event: StoredEvent): boolean => event.streamId.startsWith('customer-');

export const bigint = (dialect: ReadModelDialect) => (dialect === 'postgres' ? 'bigint' : 'integer');

/**
 * Rows that change in place carry the position of the last event applied to them: an event at or
 * below it was already applied (replay), so applying it again changes nothing.
 */
export const alreadyApplied = (row: { last_position: unknown } | undefined, event: StoredEvent): boolean =>
  row !== undefined && Number(row.last_position) >= event.position;

export const data = <T>(event: StoredEvent): T => event.data as unknown as T;
