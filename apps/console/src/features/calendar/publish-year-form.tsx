import { calendarYearSchema } from '@crm/calendar';
import { useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { ConfirmStep, FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { useRecordForm } from '../record-kit/use-record-form';
import { usePublishT } from './publish.messages';
import { adminWording } from '../users/field-check';

const HOLIDAY = ['nameZh', 'name', 'from', 'to'] as const;
const MAKE_UP = ['date', 'forHoliday'] as const;

/**
 * One year of a State Council notice, row by row, checked in the browser with the calendar's own
 * schema (real dates, a make-up day on a weekend for a holiday entered, no overlaps), published
 * after a confirmation; `onPublished` lets the page re-read the years.
 */
export function PublishYearForm({ initialYear, onPublished }: { initialYear: number; onPublished(): void }) {
  const { t } = usePublishT();
  const { api } = useSignedIn();
  const own: Record<string, string> = {};
  const form = useRecordForm({ year: String(initialYear), source: '', publishedOn: '', title: '' }, { wording: adminWording(own) });
  const [holidays, setHolidays] = useState(1);
  const [makeUps, setMakeUps] = useState(0);
  const [confirming, setConfirming] = useState(false);
  // the schema's cross-checks land on a whole row: say what the row must be
  for (let i = 0; i < holidays; i++) { own[`holidays.${i}`] = t('issueHoliday'); own[`holidays.${i}.to`] = t('issueHoliday'); own[`holidays.${i}.from`] = t('issueDate'); }
  for (let i = 0; i < makeUps; i++) { own[`makeUpWorkdays.${i}.date`] = t('issueMakeUp'); own[`makeUpWorkdays.${i}.forHoliday`] = t('issueMakeUp'); }

  const rows = (prefix: string, count: number, fields: readonly string[]) =>
    Array.from({ length: count }, (_, i) => Object.fromEntries(fields.map((f) => [f, form.value(`${prefix}.${i}.${f}`).trim()])));
  const body = () => {
    const text = (name: string) => form.value(name).trim() || undefined;
    return {
      year: Number(form.value('year')), source: form.value('source').trim(), publishedOn: text('publishedOn'), title: text('title'),
      holidays: rows('holidays', holidays, HOLIDAY), makeUpWorkdays: rows('makeUpWorkdays', makeUps, MAKE_UP),
    };
  };

  async function publish() {
    const year = body();
    const answer = await form.send(() => api.put<{ calendarVersion: string }>(`/calendar/years/${year.year}`, year), () => t('published', { year: year.year }));
    setConfirming(false);
    if (answer) onPublished();
  }
  const remove = (prefix: string, fields: readonly string[], count: number, index: number, setCount: (n: number) => void) => {
    form.setValues((old) => {
      const next = { ...old };
      for (let i = index; i < count - 1; i++) for (const f of fields) next[`${prefix}.${i}.${f}`] = old[`${prefix}.${i + 1}.${f}`] ?? '';
      for (const f of fields) delete next[`${prefix}.${count - 1}.${f}`];
      return next;
    });
    setCount(count - 1);
  };
  const names = rows('holidays', holidays, HOLIDAY).map((h) => h.nameZh).filter(Boolean);

  return (
    <RecordFormFrame title={t('title')} intro={t('intro')} onSubmit={() => { if (form.check(calendarYearSchema, body())) setConfirming(true); }}>
      <div className="form-row">
        <RecordField form={form} name="year" label={t('year')} kind="number" narrow step="1" />
        <RecordField form={form} name="source" label={t('source')} hint={t('sourceHint')} />
        <RecordField form={form} name="publishedOn" label={t('publishedOn')} kind="date" narrow />
        <RecordField form={form} name="title" label={t('noticeTitle')} />
      </div>
      <h4>{t('holidays')}</h4>
      {Array.from({ length: holidays }, (_, i) => (
        <fieldset key={`h${i}`} className="form-row" data-testid="holiday-row">
          <legend className="visually-hidden">{t('rowN', { n: i + 1 })}</legend>
          <RecordField form={form} name={`holidays.${i}.nameZh`} label={t('holidayZh')} narrow />
          <RecordField form={form} name={`holidays.${i}.name`} label={t('holidayEn')} narrow />
          <RecordField form={form} name={`holidays.${i}.from`} label={t('from')} kind="date" narrow />
          <RecordField form={form} name={`holidays.${i}.to`} label={t('to')} kind="date" narrow />
          {form.errors[`holidays.${i}`] ? <p className="field-error">{form.errors[`holidays.${i}`]}</p> : null}
          {holidays > 1 ? <button type="button" className="button button-ghost" onClick={() => remove('holidays', HOLIDAY, holidays, i, setHolidays)}>{t('removeHoliday', { n: i + 1 })}</button> : null}
        </fieldset>
      ))}
      <h4>{t('makeUps')}</h4>
      {Array.from({ length: makeUps }, (_, i) => (
        <fieldset key={`m${i}`} className="form-row" data-testid="make-up-row">
          <legend className="visually-hidden">{t('rowN', { n: i + 1 })}</legend>
          <RecordField form={form} name={`makeUpWorkdays.${i}.date`} label={t('makeUpDate')} kind="date" narrow />
          <RecordField form={form} name={`makeUpWorkdays.${i}.forHoliday`} label={t('forHoliday')} kind="select" options={[{ value: '', label: t('choose') }, ...names.map((n) => ({ value: n, label: n }))]} />
          <button type="button" className="button button-ghost" onClick={() => remove('makeUpWorkdays', MAKE_UP, makeUps, i, setMakeUps)}>{t('removeMakeUp', { n: i + 1 })}</button>
        </fieldset>
      ))}
      <FormOutcome form={form} />
      {confirming ? (
        <ConfirmStep question={t('confirm', { year: form.value('year'), source: form.value('source') })} confirmLabel={t('confirmButton')} busy={form.busy} onConfirm={() => void publish()} onCancel={() => setConfirming(false)} />
      ) : (
        <div className="toolbar">
          <button type="button" className="button button-secondary" onClick={() => setHolidays(holidays + 1)}>{t('addHoliday')}</button>
          <button type="button" className="button button-secondary" onClick={() => setMakeUps(makeUps + 1)}>{t('addMakeUp')}</button>
          <button type="submit" className="button button-primary">{t('publish')}</button>
        </div>
      )}
    </RecordFormFrame>
  );
}
