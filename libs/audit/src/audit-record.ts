import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@crm/event-store';

export type AuditedRead = 'history' | 'as-of' | 'verify' | 'export:jsonl' | 'export:csv' | 'export:xlsx' | 'export:html';

export interface AuditRecordViewed {
  who: string;
  customerId: string;
  what: AuditedRead;
  at: string;
  /** the query as asked (filters, instant, page), so the log says what was seen */
  query: Record<string, string | number | null>;
}

/** One stream per month: the log stays readable in slices and no stream grows without bound. */
export function auditLogStreamOf(at: string): string {
  return `audit-log-${at.slice(0, 7)}`;
}

/** The event recording that an auditor read a customer's record (issue 8). */
export function auditRecordViewedEvent(record: AuditRecordViewed, correlationId?: string): NewEvent {
  return {
    id: randomUUID(),
    type: 'AuditRecordViewed',
    data: { ...record },
    metadata: { actor: record.who, correlationId: correlationId ?? randomUUID(), causationId: null, occurredAt: record.at, schemaVersion: 1 },
  };
}
