import { useState, type FormEvent } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { ApiError } from '../../api/problem';
import { useSession } from '../../auth/session.context';
import { formatCounted } from '../../format/duration';
import { formatInstant, fromLocalInput, weekdayOf } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { calendarApi, type CalendarDay, type Deadline } from './calendar.api';
import { useCalendarT } from './calendar.messages';
import { dayNote, kindLabel } from './day-note';

export interface ExplainedDeadline {
  deadline: Deadline;
  workingDays: number;
  days: Map<string, CalendarDay>;
}

interface Props {
  initialFrom: string;
  result: ExplainedDeadline | null;
  onResult(result: ExplainedDeadline): void;
  englishNames: Map<string, string>;
}

/** R-CMP-3/R-CMP-4 made visible: pick a start and N working days, see the due time and why. */
export function DeadlineExplainer({ initialFrom, result, onResult, englishNames }: Props) {
  const ct = useCalendarT();
  const { t } = useI18n();
  const { api } = useSession();
  const [from, setFrom] = useState(initialFrom);
  const [workingDays, setWorkingDays] = useState('3');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<(ErrorDescription & { field?: string }) | null>(null);

  async function compute(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const deadline = await calendarApi.deadline(api, fromLocalInput(from), Number(workingDays));
      const steps = deadline.explanation;
      const { days } = await calendarApi.days(api, steps[0].date, steps[steps.length - 1].date);
      onResult({ deadline, workingDays: Number(workingDays), days: new Map(days.map((d) => [d.date, d])) });
    } catch (e) {
      setError({ ...describeError(e, t), field: e instanceof ApiError ? e.problem.field : undefined });
    } finally {
      setBusy(false);
    }
  }

  const invalid = (field: string) => (error?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'explainer-error' } : {});
  return (
    <section className="card" aria-labelledby="explainer-title">
      <h2 id="explainer-title">{ct.t('explainerTitle')}</h2>
      <p className="muted">{ct.t('explainerIntro')}</p>
      <form className="form-row" onSubmit={compute} noValidate>
        <div className="field">
          <label htmlFor="deadline-from">{ct.t('from')}</label>
          <input id="deadline-from" name="from" type="datetime-local" required value={from} onChange={(e) => setFrom(e.target.value)} {...invalid('from')} />
        </div>
        <div className="field field-narrow">
          <label htmlFor="deadline-days">{ct.t('workingDays')}</label>
          <input id="deadline-days" name="workingDays" type="number" min={0} max={60} step={1} required value={workingDays} onChange={(e) => setWorkingDays(e.target.value)} aria-describedby="deadline-days-hint" {...invalid('workingDays')} />
          <span id="deadline-days-hint" className="hint">
            {ct.t('workingDaysHint')}
          </span>
        </div>
        <button type="submit" className="button button-primary" disabled={busy || !from}>
          {busy ? ct.t('computing') : ct.t('compute')}
        </button>
      </form>
      <ErrorAlert id="explainer-error" error={error} />
      {result ? <DeadlineResult result={result} englishNames={englishNames} /> : null}
    </section>
  );
}

function DeadlineResult({ result, englishNames }: { result: ExplainedDeadline; englishNames: Map<string, string> }) {
  const ct = useCalendarT();
  const { deadline } = result;
  const dueDate = formatInstant(deadline.due).slice(0, 10);
  return (
    <div className="deadline-result" aria-live="polite">
      <div className="due-summary">
        <div>
          <div className="due-label">{ct.t('due')}</div>
          <div className="due-value" data-testid="deadline-due">
            {formatInstant(deadline.due)} <span className="due-weekday">{weekdayOf(dueDate, ct.lang, 'long')}</span>
          </div>
          <div className="muted">{ct.t('dueHint', { days: result.workingDays })}</div>
        </div>
        <div className="due-flags">
          {deadline.provisional ? <span className="badge badge-warning">{ct.t('provisional')}</span> : <span className="badge badge-success">{ct.t('official')}</span>}
          <span className="muted small" title={deadline.calendarVersion}>
            {ct.t('version', { version: deadline.calendarVersion })}
          </span>
        </div>
      </div>
      {deadline.provisional ? <p className="alert alert-warning">{ct.t('provisionalHint')}</p> : null}
      <div className="table-wrap">
        <table className="table explanation-table">
          <caption>{ct.t('stepsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{ct.t('date')}</th>
              <th scope="col">{ct.t('weekday')}</th>
              <th scope="col">{ct.t('kind')}</th>
              <th scope="col">{ct.t('counted')}</th>
              <th scope="col">{ct.t('note')}</th>
            </tr>
          </thead>
          <tbody>
            {deadline.explanation.map((step) => (
              <tr key={step.date} className={`row-${step.kind}`}>
                <th scope="row" className="nowrap">
                  {step.date}
                </th>
                <td className="nowrap">{weekdayOf(step.date, ct.lang)}</td>
                <td>
                  <span className={`kind kind-${step.kind}`}>{kindLabel(ct, step.kind)}</span>
                </td>
                <td className="nowrap">{formatCounted(step.counted, ct.lang)}</td>
                <td>{dayNote(ct, result.days.get(step.date), step.note, englishNames)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
