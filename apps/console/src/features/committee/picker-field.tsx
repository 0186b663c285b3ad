import { useId } from 'react';
import { CustomerPicker, PeoplePicker, PersonPicker } from '../../components/entity-pickers';
import type { RecordForm } from '../record-kit/use-record-form';

/**
 * A picker bound to a record form (people, a person, a company): the form holds the ids, the
 * user sees names. Messages for the field or any of its items (`members.5`) show beside it.
 */
export function PickerField({ form, name, label, kind, role }: { form: RecordForm; name: string; label: string; kind: 'people' | 'person' | 'customer'; role?: string }) {
  const id = `${useId()}-${name}`;
  const key = Object.keys(form.errors).find((k) => k === name || k.startsWith(`${name}.`));
  const error = key ? form.errors[key] : undefined;
  const props = { id, value: form.value(name), onChange: (v: string) => form.set(name, v), invalid: Boolean(error), describedBy: error ? `${id}-error` : undefined };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {kind === 'people' ? <PeoplePicker {...props} role={role} /> : kind === 'person' ? <PersonPicker {...props} role={role} /> : <CustomerPicker {...props} />}
      {error ? <span id={`${id}-error`} className="field-error">{error}</span> : null}
    </div>
  );
}
