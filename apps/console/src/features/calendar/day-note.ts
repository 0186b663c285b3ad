import type { useCalendarT } from './calendar.messages';
import type { CalendarDay, DayKind } from './calendar.api';

type CalendarT = ReturnType<typeof useCalendarT>;

/**
 * The "why" of one day in the reader's language, rebuilt from the day's kind, holiday and notice
 * (the API's own note is English). Falls back to the API's note when the day is unknown.
 */
export function dayNote({ t, lang }: CalendarT, day: CalendarDay | undefined, fallback: string, englishNames: Map<string, string>): string {
  if (!day) return fallback;
  const holiday = day.holiday ? (lang === 'en' ? (englishNames.get(day.holiday) ?? day.holiday) : day.holiday) : '';
  const base = t(`note.${day.kind}`, { holiday, source: day.source ?? '' });
  return day.provisional ? base + t('note.provisional', { year: day.date.slice(0, 4) }) : base;
}

export function kindLabel({ t }: CalendarT, kind: DayKind): string {
  return t(`kind.${kind}`);
}
