import { removeRow } from '../customers/records/line-rows';
import { RecordField } from '../customers/records/record-fields';
import type { RecordForm } from '../record-kit/use-record-form';
import type { ForumsT } from './forums.messages';

export const PERSON_FIELDS = ['name', 'organisation'] as const;

/** Repeated name + organisation rows (invitees, attendees), named as the command names them. */
export function PeopleRows({ form, prefix, count, setCount, legend, add, t }: { form: RecordForm; prefix: string; count: number; setCount(n: number): void; legend: (n: number) => string; add: string; t: ForumsT }) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <fieldset key={i} className="form-row">
          <legend className="visually-hidden">{legend(i + 1)}</legend>
          <RecordField form={form} name={`${prefix}.${i}.name`} label={t('name')} />
          <RecordField form={form} name={`${prefix}.${i}.organisation`} label={t('organisation')} />
          {count > 1 ? <button type="button" className="button button-ghost" onClick={() => { removeRow(prefix, i, count, PERSON_FIELDS, form); setCount(count - 1); }}>{t('removeRow', { n: i + 1 })}</button> : null}
        </fieldset>
      ))}
      {form.errors[prefix] ? <p className="field-error">{form.errors[prefix]}</p> : null}
      <button type="button" className="button button-secondary" onClick={() => setCount(count + 1)}>{add}</button>
    </>
  );
}
