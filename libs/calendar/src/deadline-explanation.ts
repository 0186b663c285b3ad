import type { Span } from './business-timeline';
import type { DayInfo, DayKind } from './day-index';
import type { IsoDate } from './iso-date';
import { yearOf } from './iso-date';
import type { ZoneClock } from './zone-clock';

/** One calendar day of a deadline computation, for the "why is this due then?" question. */
export interface ExplanationStep {
  date: IsoDate;
  kind: DayKind;
  /** Business time counted that day, e.g. '08:30–17:30 (9h)', or '0h'. */
  counted: string;
  /** Why: names the holiday or make-up day and the notice it comes from. */
  note: string;
}

export function explainDay(info: DayInfo, spans: readonly Span[], clock: ZoneClock): ExplanationStep {
  const total = spans.reduce((sum, [s, e]) => sum + (e - s), 0);
  const ranges = spans.map(([s, e]) => `${time(s, info.date, clock)}–${time(e, info.date, clock)}`);
  const counted = spans.length === 0 ? '0h' : `${ranges.join(', ')} (${formatDuration(total)})`;
  return { date: info.date, kind: info.kind, counted, note: noteFor(info) };
}

function noteFor(info: DayInfo): string {
  const guess = info.provisional
    ? ` — provisional: no official notice for ${yearOf(info.date)} is loaded, Mon–Fri assumed`
    : '';
  switch (info.kind) {
    case 'holiday':
      return `${info.holiday} holiday (${info.source}): not a working day`;
    case 'makeup-workday':
      return `make-up working day (调休) for ${info.holiday} (${info.source}): counted`;
    case 'weekend':
      return `weekend: not a working day${guess}`;
    case 'workday':
      return `working day${guess}`;
  }
}

function time(ms: number, date: IsoDate, clock: ZoneClock): string {
  // A period closing at midnight belongs to `date`, so show 24:00 rather than the next day's 00:00.
  return clock.local(ms).date === date ? clock.formatTime(ms) : '24:00';
}

/** '9h', '7h30m', '45m', '1h0m5s': exact to the second, readable to a clerk. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = total % 60;
  if (m === 0 && s === 0) return `${h}h`;
  const head = h > 0 ? `${h}h` : '';
  return s === 0 ? `${head}${m}m` : `${head}${m}m${s}s`;
}
