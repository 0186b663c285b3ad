import type { ComplaintEvent } from './complaint.events';

/**
 * ADR 0005 / ADR 0026: an extension requested before the reading of R-CMP-3 was enforced carries
 * no class. It becomes `class: null`, "requested under the earlier reading (any class)", so an old
 * stream with an extended general complaint replays to the same state. Pure: no lookups.
 */
export function upcastComplaintEvent(event: { type: string; data: unknown; schemaVersion: number }): ComplaintEvent {
  const data = event.data as Record<string, unknown>;
  if (event.type === 'ExtensionRequested' && event.schemaVersion < 2) return { type: event.type, data: { ...data, class: null } } as ComplaintEvent;
  return { type: event.type, data } as ComplaintEvent;
}
