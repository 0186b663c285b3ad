import { z } from 'zod';
import { isIsoDate, isWeekend, yearOf, type IsoDate } from './iso-date';

/** One block of official days off, as a notice lists it (weekend days inside it included). */
export interface HolidayPeriod {
  name: string;
  nameZh: string;
  from: IsoDate;
  to: IsoDate;
}

/** A weekend day the notice declares a working day (调休上班), paying for a holiday. */
export interface MakeUpWorkday {
  date: IsoDate;
  /** `nameZh` of the holiday period of the same notice that this day pays for. */
  forHoliday: string;
}

/** One State Council notice: the holidays and make-up working days of one year. */
export interface CalendarYear {
  year: number;
  /** The notice number, e.g. '国办发明电〔2025〕7号'. */
  source: string;
  publishedOn?: IsoDate;
  /** The notice's title, for humans reading the data file. */
  title?: string;
  holidays: HolidayPeriod[];
  makeUpWorkdays: MakeUpWorkday[];
}

const isoDate = z.string().refine(isIsoDate, { message: "must be a real date 'YYYY-MM-DD'" });
const name = z.string().trim().min(1);
// Notices may start a holiday in the previous year or end it in the next (2023's 元旦 began on
// 2022-12-31), so dates are allowed one year either side, never further.
const MAX_PERIOD_DAYS = 15;

const holidayPeriodSchema = z
  .object({ name, nameZh: name, from: isoDate, to: isoDate })
  .refine((p) => !bothDates(p) || p.from <= p.to, { message: 'from must not be after to', path: ['to'] })
  .refine((p) => !bothDates(p) || dayDiff(p.from, p.to) < MAX_PERIOD_DAYS, {
    message: `a holiday period spans at most ${MAX_PERIOD_DAYS} days`,
    path: ['to'],
  });

const makeUpWorkdaySchema = z
  .object({ date: isoDate, forHoliday: name })
  .refine((m) => !isIsoDate(m.date) || isWeekend(m.date), {
    message: 'a make-up working day is a Saturday or Sunday',
    path: ['date'],
  });

/** Validates an operator's data file or API body for one year (see ADR 0003). */
export const calendarYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    source: name,
    publishedOn: isoDate.optional(),
    title: z.string().optional(),
    holidays: z.array(holidayPeriodSchema).min(1),
    makeUpWorkdays: z.array(makeUpWorkdaySchema),
  })
  .superRefine((y, ctx) => {
    for (const issue of crossCheck(y)) ctx.addIssue({ code: 'custom', ...issue });
  });

type Issue = { message: string; path: (string | number)[] };

function crossCheck(y: CalendarYear): Issue[] {
  const issues: Issue[] = [];
  const near = (d: IsoDate) => Math.abs(yearOf(d) - y.year) <= 1;
  y.holidays.forEach((p, i) => {
    if (!near(p.from) || !near(p.to)) {
      issues.push({ message: `outside ${y.year} ± 1 year`, path: ['holidays', i] });
    }
    y.holidays.forEach((q, j) => {
      if (j > i && p.from <= q.to && q.from <= p.to) {
        issues.push({ message: `overlaps holidays[${j}]`, path: ['holidays', i] });
      }
    });
  });
  const names = new Set(y.holidays.map((p) => p.nameZh));
  y.makeUpWorkdays.forEach((m, i) => {
    if (!near(m.date)) issues.push({ message: `outside ${y.year} ± 1 year`, path: ['makeUpWorkdays', i, 'date'] });
    if (!names.has(m.forHoliday)) {
      issues.push({ message: `no holiday named ${m.forHoliday}`, path: ['makeUpWorkdays', i, 'forHoliday'] });
    }
    if (y.holidays.some((p) => p.from <= m.date && m.date <= p.to)) {
      issues.push({ message: 'falls inside a holiday period', path: ['makeUpWorkdays', i, 'date'] });
    }
  });
  return issues;
}

// zod 4 still runs refinements after a field's own refinement failed: guard before date math.
function bothDates(p: { from: string; to: string }): boolean {
  return isIsoDate(p.from) && isIsoDate(p.to);
}

function dayDiff(a: IsoDate, b: IsoDate): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

// Compile-time guard: the hand-written interface and the schema must describe the same shape.
type Inferred = z.infer<typeof calendarYearSchema>;
const _sameShape: [Inferred extends CalendarYear ? true : false, CalendarYear extends Inferred ? true : false] = [
  true,
  true,
];
void _sameShape;
