import { CalendarInputError } from './calendar.errors';
import { isIsoDate } from './iso-date';
import type { ZoneClock } from './zone-clock';

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?$/;

/**
 * Turns a caller's `Date | string` into epoch milliseconds. Strings without an offset are read
 * as wall-clock time in the calendar's zone, never through `new Date(string)`, which would use
 * the machine's zone and make answers depend on `process.env.TZ`.
 */
export function toInstant(input: Date | string, clock: ZoneClock): number {
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) throw new CalendarInputError('invalid Date');
    return ms;
  }
  if (typeof input !== 'string') throw new CalendarInputError('expected a Date or an ISO 8601 string');
  if (WITH_OFFSET.test(input)) {
    const ms = Date.parse(input);
    if (!Number.isNaN(ms) && isIsoDate(input.slice(0, 10))) return ms;
  }
  if (isIsoDate(input)) return clock.instant(input, 0);
  const m = WALL_CLOCK.exec(input);
  if (m && isIsoDate(m[1]) && +m[2] < 24 && +m[3] < 60 && +(m[4] ?? 0) < 60) {
    const minutes = +m[2] * 60 + +m[3] + (+(m[4] ?? 0) + +(m[5] ?? 0)) / 60;
    return clock.instant(m[1], minutes);
  }
  throw new CalendarInputError(`not an ISO 8601 date-time: ${input}`);
}
