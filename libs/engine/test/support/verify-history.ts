import type { EventStore, StoredEvent } from '@crm/event-store';

export interface TimerAudit {
  timers: number;
  fired: number;
  cancelled: number;
  /** scheduled and not ended yet */
  pending: number;
  /** human-readable findings; empty means every timer ended exactly once */
  problems: string[];
}

export async function allEvents(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (;;) {
    const page = await store.readAll({ fromPosition: events.at(-1)?.position ?? 0, maxCount: 1000 });
    if (page.length === 0) return events;
    events.push(...page);
  }
}

/**
 * Reads the whole store and checks each timer's life from its own stream: scheduled once, then
 * exactly one ending (fired or cancelled), never fired after a cancellation, never fired twice,
 * and each executed firing produced exactly one TicketEscalated.
 */
export async function auditTimers(store: EventStore): Promise<TimerAudit> {
  const byTimer = new Map<string, StoredEvent[]>();
  const escalations = new Map<string, number>();
  for (const event of await allEvents(store)) {
    if (event.type === 'TicketEscalated') escalations.set(event.streamId, (escalations.get(event.streamId) ?? 0) + 1);
    if (!event.type.startsWith('Timer')) continue;
    const id = String(event.data.timerId);
    byTimer.set(id, [...(byTimer.get(id) ?? []), event]);
  }
  const problems: string[] = [];
  let fired = 0;
  let cancelled = 0;
  let pending = 0;
  for (const [id, life] of byTimer) {
    const types = life.map((e) => e.type).join(',');
    if (types === 'TimerScheduled,TimerFired') {
      fired++;
      const executed = life[1].data.outcome === 'executed';
      if ((escalations.get(life[0].streamId) ?? 0) !== (executed ? 1 : 0)) problems.push(`${id}: escalations do not match the firing`);
    } else if (types === 'TimerScheduled,TimerCancelled') cancelled++;
    else if (types === 'TimerScheduled') pending++;
    else problems.push(`${id} (${life[0].streamId}): ${types}`);
  }
  return { timers: byTimer.size, fired, cancelled, pending, problems };
}
