import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { calendarYearSchema, WorkingCalendar, type CalendarYear } from '@crm/calendar';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import type { Actor } from '@crm/workflow-kit';
import { StreamChanges } from '../infrastructure/stream-changes';

export const CALENDAR_STREAM = 'calendar-cn';

/**
 * The calendar in force: the official data shipped with the code, plus every year an operator
 * published or corrected through the API (CalendarYearPublished events). Each replica re-reads
 * the stream once the change feed tells it moved (ADR 0031), so a year published on one replica
 * is used by all; otherwise the calendar comes from memory.
 */
@Injectable()
export class CalendarService {
  private loaded: { stamp: number; calendar: WorkingCalendar } | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly changes: StreamChanges = new StreamChanges(store),
  ) {
    changes.watch((streamId) => streamId === CALENDAR_STREAM);
  }

  /** The calendar as last loaded (for synchronous deciders); `current()` refreshes it. */
  cached(): WorkingCalendar {
    return this.loaded?.calendar ?? WorkingCalendar.official();
  }

  async current(): Promise<WorkingCalendar> {
    if (this.loaded && !(await this.changes.changedSince(CALENDAR_STREAM, this.loaded.stamp))) return this.loaded.calendar;
    const stamp = await this.changes.stamp();
    const events = await this.store.readStream(CALENDAR_STREAM);
    const calendar = events.reduce(
      (cal, event) => cal.withYear(calendarYearSchema.parse(event.data.year) as CalendarYear),
      WorkingCalendar.official(),
    );
    this.loaded = { stamp, calendar };
    return calendar;
  }

  async publishYear(year: CalendarYear, actor: Actor, now: Date): Promise<{ calendarVersion: string; position: number }> {
    const calendar = (await this.current()).withYear(year); // refuses contradictory data before anything is written
    const { position } = await this.store.appendToStream(CALENDAR_STREAM, [
      {
        id: randomUUID(),
        type: 'CalendarYearPublished',
        data: { year: year as never, calendarVersion: calendar.version },
        metadata: { actor: actor.id, correlationId: randomUUID(), causationId: null, occurredAt: now.toISOString(), schemaVersion: 1 },
      },
    ]);
    return { calendarVersion: calendar.version, position };
  }
}
