import { useEffect, useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { WorkingCountdown } from '../../components/working-countdown';
import { formatCounted } from '../../format/duration';
import { formatInstant, weekdayOf } from '../../format/shanghai-time';
import { calendarApi, holidayNames, type CalendarDay } from '../calendar/calendar.api';
import { useCalendarT } from '../calendar/calendar.messages';
import { dayNote, kindLabel } from '../calendar/day-note';
import { complaintsApi, type ComplaintDetail, type DeadlineExplanation } from './complaints.api';
import { useComplaintsT } from './complaints.messages';

/** The deadline in force, its live working-time countdown, and why it falls when it does (R-CMP-3/4). */
export function ComplaintDeadline({ complaint, sampledAt, pollMs }: { complaint: ComplaintDetail; sampledAt: number; pollMs: number }) {
  const ct = useComplaintsT();
  const { sla } = complaint;
  if (!sla) return null;
  const dueDate = formatInstant(sla.due).slice(0, 10);
  return (
    <section className="deadline-card" aria-labelledby="deadline-title">
      <h3 id="deadline-title" className="section-title">
        {ct.t('deadlineTitle')}
      </h3>
      <div className="deadline-grid">
        <div>
          <div className="due-label">{ct.t('dueAt')}</div>
          <div className="due-value" data-testid="complaint-due">
            {formatInstant(sla.due)} <span className="due-weekday">{weekdayOf(dueDate, ct.lang, 'long')}</span>
          </div>
          <div className="muted small">{ct.t('workingDays', { days: sla.workingDays, extra: complaint.record.extensionWorkingDays })}</div>
        </div>
        <WorkingCountdown leftMs={sla.clockRunning ? sla.workingTimeLeftMs : null} serverNow={sla.now} sampledAt={sampledAt} maxAheadMs={pollMs + 3000} />
      </div>
      <dl className="kv">
        <dt>{ct.t('warnAt')}</dt>
        <dd>{formatInstant(sla.warnAt)}</dd>
        <dt>{ct.t('calendarVersion')}</dt>
        <dd>
          <span className="mono small">{sla.calendarVersion}</span>{' '}
          {sla.provisional ? <span className="badge badge-warning">{ct.t('provisional')}</span> : <span className="badge badge-success">{ct.t('official')}</span>}
        </dd>
        {sla.breaches.length > 0 ? (
          <>
            <dt>{ct.t('breaches')}</dt>
            <dd>
              <ul className="list-plain">
                {sla.breaches.map((b) => (
                  <li key={b.at} className="breach-line">
                    {ct.t('breachAt', { due: formatInstant(b.dueAt), at: formatInstant(b.at) })}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <DeadlineSteps complaintId={complaint.id} due={sla.due} />
    </section>
  );
}

/** The day-by-day explanation, with holiday names and notices from the API's calendar. */
function DeadlineSteps({ complaintId, due }: { complaintId: string; due: string }) {
  const ct = useComplaintsT();
  const calendarT = useCalendarT();
  const { api } = useSignedIn();
  const [explained, setExplained] = useState<{ explanation: DeadlineExplanation; days: Map<string, CalendarDay>; names: Map<string, string> } | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const explanation = await complaintsApi.explain(api, complaintId);
      const steps = explanation.deadline.explanation;
      const [{ days }, { years }] = await Promise.all([calendarApi.days(api, steps[0].date, steps[steps.length - 1].date), calendarApi.years(api)]);
      if (live) setExplained({ explanation, days: new Map(days.map((d) => [d.date, d])), names: holidayNames(years) });
    })().catch(() => live && setExplained(null));
    return () => {
      live = false;
    };
  }, [api, complaintId, due]);

  if (!explained) return null;
  const { explanation, days, names } = explained;
  return (
    <details className="deadline-steps" open>
      <summary>{ct.t('explainTitle')}</summary>
      <p className="hint">{ct.t('explainIntro')}</p>
      <div className="table-wrap">
        <table className="table explanation-table">
          <thead>
            <tr>
              <th scope="col">{calendarT.t('date')}</th>
              <th scope="col">{calendarT.t('weekday')}</th>
              <th scope="col">{calendarT.t('kind')}</th>
              <th scope="col">{calendarT.t('counted')}</th>
              <th scope="col">{calendarT.t('note')}</th>
            </tr>
          </thead>
          <tbody>
            {explanation.deadline.explanation.map((step) => (
              <tr key={step.date} className={`row-${step.kind}`}>
                <th scope="row" className="nowrap">
                  {step.date}
                </th>
                <td className="nowrap">{weekdayOf(step.date, ct.lang)}</td>
                <td>
                  <span className={`kind kind-${step.kind}`}>{kindLabel(calendarT, step.kind)}</span>
                </td>
                <td className="nowrap">{formatCounted(step.counted, ct.lang)}</td>
                <td>{dayNote(calendarT, days.get(step.date), step.note, names)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
