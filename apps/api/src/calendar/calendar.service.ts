import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { calendarYearSchema, WorkingCalendar, type CalendarYear } from '@crm/calendar';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import type { Actor } from '@crm/workflow-kit';

export const CALENDAR_STREAM = 'calendar-cn';

/**
 * The calendar in force: the official data shipped with the code, plus every year an operator
 * published or corrected through the API (CalendarYearPublished events). Each replica re-reads
 * the stream when its revision moved, so a year published on one replica is used by all.
 */
@Injectable()
export class CalendarService {
  private loaded: { revision: number | null; calendar: WorkingCalendar } = { revision: null, calendar: WorkingCalendar.official() };

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The calendar as last loaded (for synchronous deciders); `current()` refreshes it. */
  cached(): WorkingCalendar {
    return this.loaded.calendar;
  }

  async current(): Promise<WorkingCalendar> {
    const revision = await this.store.streamRevision(CALENDAR_STREAM);
    if (revision === this.loaded.revision) return this.loaded.calendar;
    const events = await this.store.readStream(CALENDAR_STREAM);
    const calendar = events.reduce(
      (cal, event) => cal.withYear(calendarYearSchema.parse(event.data.year) as CalendarYear),
      WorkingCalendar.official(),
    );
    this.loaded = { revision, calendar };
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
