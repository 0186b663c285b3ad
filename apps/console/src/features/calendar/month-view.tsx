import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSession } from '../../auth/session.context';
import { formatMonth, weekdayOf } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { calendarApi, type CalendarDay, type DayKind } from './calendar.api';
import { useCalendarT } from './calendar.messages';
import { dayNote, kindLabel } from './day-note';
import { monthRange, monthWeeks, shiftMonth, WEEK_OF_REFERENCE } from './month-grid';

interface Props {
  month: string;
  onMonthChange(month: string): void;
  marks: { start?: string; due?: string };
  englishNames: Map<string, string>;
}

const KINDS: DayKind[] = ['workday', 'weekend', 'holiday', 'makeup-workday'];

/** The kinds of a month's days, as the API's calendar sees them. */
export function MonthView({ month, onMonthChange, marks, englishNames }: Props) {
  const ct = useCalendarT();
  const { t } = useI18n();
  const { api } = useSession();
  const [days, setDays] = useState<Map<string, CalendarDay> | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);

  useEffect(() => {
    let live = true;
    const { from, to } = monthRange(month);
    setError(null);
    calendarApi
      .days(api, from, to)
      .then((r) => live && setDays(new Map(r.days.map((d) => [d.date, d]))))
      .catch((e) => live && setError(describeError(e, t)));
    return () => {
      live = false;
    };
  }, [api, month, t]);

  const provisional = days ? [...days.values()].some((d) => d.provisional) : false;
  return (
    <section className="card" aria-labelledby="month-title">
      <div className="card-header">
        <h2 id="month-title">
          {ct.t('monthTitle')} · <span>{formatMonth(month, ct.lang)}</span>
        </h2>
        <div className="month-controls">
          <button type="button" className="button button-secondary icon-button" aria-label={ct.t('previousMonth')} onClick={() => onMonthChange(shiftMonth(month, -1))}>
            ‹
          </button>
          <label className="visually-hidden" htmlFor="month-picker">
            {ct.t('month')}
          </label>
          <input id="month-picker" type="month" value={month} onChange={(e) => e.target.value && onMonthChange(e.target.value)} />
          <button type="button" className="button button-secondary icon-button" aria-label={ct.t('nextMonth')} onClick={() => onMonthChange(shiftMonth(month, 1))}>
            ›
          </button>
        </div>
      </div>
      <ErrorAlert error={error} />
      {provisional ? <p className="alert alert-warning">{ct.t('provisionalMonth', { year: month.slice(0, 4) })}</p> : null}
      <table className="month-grid">
        <thead>
          <tr>
            {WEEK_OF_REFERENCE.map((d) => (
              <th key={d} scope="col" abbr={weekdayOf(d, ct.lang, 'long')}>
                {weekdayOf(d, ct.lang)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week, w) => (
            <tr key={w}>
              {week.map((date, i) => (date ? <DayCell key={date} day={days?.get(date)} date={date} marks={marks} englishNames={englishNames} /> : <td key={`pad-${i}`} className="day-pad" />))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="legend" aria-label={ct.t('legend')}>
        {KINDS.map((k) => (
          <li key={k}>
            <span className={`legend-swatch day-${k}`} aria-hidden="true" />
            {kindLabel(ct, k)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function DayCell({ date, day, marks, englishNames }: { date: string; day?: CalendarDay; marks: Props['marks']; englishNames: Map<string, string> }) {
  const ct = useCalendarT();
  const mark = date === marks.due ? ct.t('dueMark') : date === marks.start ? ct.t('start') : null;
  const special = day && (day.kind === 'holiday' || day.kind === 'makeup-workday');
  const holiday = day?.holiday && ct.lang === 'en' ? (englishNames.get(day.holiday) ?? day.holiday) : day?.holiday;
  return (
    <td className={`day day-${day?.kind ?? 'loading'}${mark ? ' day-marked' : ''}`} title={day ? dayNote(ct, day, '', englishNames) : undefined} data-date={date}>
      <span className="day-top">
        <span className="day-number">{Number(date.slice(8))}</span>
        {mark ? <span className="day-mark">{mark}</span> : special ? <span className="day-corner" aria-hidden="true">{ct.t(day.kind === 'holiday' ? 'cornerHoliday' : 'cornerMakeup')}</span> : null}
      </span>
      {special ? <span className="day-label">{day.kind === 'holiday' ? holiday : ct.t('makeupShort', { holiday: holiday ?? '' })}</span> : null}
      {day ? <span className="visually-hidden">{kindLabel(ct, day.kind)}</span> : null}
    </td>
  );
}
