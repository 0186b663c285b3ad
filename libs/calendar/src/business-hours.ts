import { z } from 'zod';
import { CalendarInputError } from './calendar.errors';

/** Opening hours of every working day, in one IANA time zone. */
export interface BusinessHours {
  /** IANA zone, default 'Asia/Shanghai'. */
  timeZone: string;
  /** Non-overlapping, ascending; a lunch break is two periods. Default 08:30–17:30. */
  periods: { start: string; end: string }[];
}

export const DEFAULT_BUSINESS_HOURS: Readonly<BusinessHours> = Object.freeze({
  timeZone: 'Asia/Shanghai',
  periods: [{ start: '08:30', end: '17:30' }],
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:mm');

export const businessHoursSchema = z.object({
  timeZone: z.string().min(1),
  periods: z.array(z.object({ start: hhmm, end: hhmm })).min(1),
});

/** Business hours checked and turned into minutes after local midnight. */
export interface ResolvedHours {
  hours: BusinessHours;
  /** [startMinute, endMinute) pairs, ascending. */
  minutes: readonly (readonly [number, number])[];
  /** Length of one working day in milliseconds. */
  dayMs: number;
}

export function resolveBusinessHours(partial: Partial<BusinessHours> = {}): ResolvedHours {
  const hours: BusinessHours = {
    timeZone: partial.timeZone ?? DEFAULT_BUSINESS_HOURS.timeZone,
    periods: (partial.periods ?? DEFAULT_BUSINESS_HOURS.periods).map((p) => ({ ...p })),
  };
  const parsed = businessHoursSchema.safeParse(hours);
  if (!parsed.success) {
    throw new CalendarInputError(`invalid business hours: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  assertKnownZone(hours.timeZone);
  const minutes = hours.periods.map((p) => [toMinutes(p.start), toMinutes(p.end)] as const);
  minutes.forEach(([s, e], i) => {
    if (s >= e) throw new CalendarInputError(`business period ${i} must end after it starts`);
    if (i > 0 && s < minutes[i - 1][1]) {
      throw new CalendarInputError(`business period ${i} overlaps or precedes period ${i - 1}`);
    }
  });
  const dayMs = minutes.reduce((sum, [s, e]) => sum + (e - s) * 60_000, 0);
  return { hours, minutes, dayMs };
}

function toMinutes(hm: string): number {
  const [h, m] = hm.split(':').map(Number);
  return h * 60 + m;
}

function assertKnownZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new CalendarInputError(`unknown time zone: ${timeZone}`);
  }
}
