import type { VisitReportEvent } from './visit-report.events';

/**
 * ADR 0005 / ADR 0025: reports stored before the form's header and signature were kept (schema
 * v1) become `form: null`: the header was on the paper only (or its scan, in `attachments`).
 */
export function upcastVisitReportEvent(event: { type: string; data: unknown; schemaVersion: number }): VisitReportEvent {
  const data = event.data as Record<string, unknown>;
  if (event.type === 'VisitReportSubmitted' && event.schemaVersion < 2) return { type: event.type, data: { ...data, form: null } } as unknown as VisitReportEvent;
  return { type: event.type, data } as VisitReportEvent;
}
