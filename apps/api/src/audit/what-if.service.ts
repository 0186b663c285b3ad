import { Inject, Injectable } from '@nestjs/common';
import { customerStreamsProjection, findStreamsActiveIn } from '@crm/audit';
import { WorkingCalendar } from '@crm/calendar';
import { type ComplaintEvent, whatIf, type WhatIfReport } from '@crm/complaints';
import { type ProjectionRunner, type ReadModelDb, upcastEvent } from '@crm/engine';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import { complaintWorkflow } from '@crm/complaints';
import { ENGINE_EVENT_TYPES } from '@crm/workflow-kit';
import { CalendarService } from '../calendar/calendar.service';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import type { WhatIfBody } from './audit.queries';

/**
 * Re-runs the complaints closed in a period under another SLA policy and/or calendar, with the
 * complaints library's `whatIf`. Reads only: nothing is appended, no read model is touched.
 */
@Injectable()
export class WhatIfService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    private readonly calendars: CalendarService,
  ) {}

  async run(body: WhatIfBody): Promise<WhatIfReport & { period: { from: string; to: string }; calendarVersion: string }> {
    await waitForProjections(this.runner, [customerStreamsProjection.name], await this.store.headPosition());
    const streams = await findStreamsActiveIn(this.readModels.db, `${complaintWorkflow.streamPrefix}-`, body.from, body.to, body.customerId);
    const histories: ComplaintEvent[][] = [];
    for (const { streamId } of streams) {
      const events = await this.store.readStream(streamId);
      const closed = events.find((e) => e.type === 'ComplaintClosed');
      if (!closed || !within(closed.metadata.occurredAt, body.from, body.to)) continue;
      histories.push(events.filter((e) => !ENGINE_EVENT_TYPES.has(e.type)).map((e) => upcastEvent(complaintWorkflow, e) as ComplaintEvent));
    }
    const calendar = await this.calendarFor(body.calendar);
    const report = whatIf(histories, { calendar, policy: body.policy });
    return { period: { from: body.from, to: body.to }, calendarVersion: calendar.version, ...report };
  }

  private async calendarFor(spec: WhatIfBody['calendar']): Promise<WorkingCalendar> {
    const base = spec?.base === 'official' ? WorkingCalendar.official() : await this.calendars.current();
    return (spec?.years ?? []).reduce((calendar, year) => calendar.withYear(year), base);
  }
}

function within(at: string, from: string, to: string): boolean {
  const t = Date.parse(at);
  return t >= Date.parse(from) && t <= Date.parse(to);
}
