import type { ForumEvent } from './forum.events';

/**
 * ADR 0005 / ADR 0025: minutes stored before preparation plans were kept (schema v1) were filed
 * with no plan and no follow-ups. They become `planNo: null, followUps: []`, which the machine
 * takes only from a forum's first event: the legacy path, closed to new decisions.
 */
export function upcastForumEvent(event: { type: string; data: unknown; schemaVersion: number }): ForumEvent {
  const data = event.data as Record<string, unknown>;
  if (event.type === 'ForumMinutesFiled' && event.schemaVersion < 2) {
    return { type: event.type, data: { ...data, planNo: null, followUps: [] } } as unknown as ForumEvent;
  }
  return { type: event.type, data } as ForumEvent;
}
