import { ChangeCustomerInformation } from '@crm/customers';
import { useState } from 'react';
import { useSignedIn } from '../../../auth/session.context';
import type { CustomerDetail } from '../customers.messages';
import { removeRow, rowValues } from './line-rows';
import { ConfirmStep, FormOutcome, RecordField, RecordFormFrame } from './record-fields';
import { type RecordsT, useRecordsT } from './records.messages';
import { type CommandAnswer, type RecordForm, useRecordForm } from '../../record-kit/use-record-form';
import { RECORD_WORDING } from './field-issues';

const INVOICING = ['bank', 'accountNumber', 'postalAddress', 'telephone'] as const;
const CONTACT_FIELDS = ['name', 'telephone'] as const;
type Contact = Record<string, string>;
const phoneKey = (c: Contact | undefined) => (c && 'phone' in c && !('telephone' in c) ? 'phone' : 'telephone');

function initialValues(c: CustomerDetail): Record<string, string> {
  const values: Record<string, string> = { region: c.region, reason: '' };
  for (const k of INVOICING) values[`invoicing.${k}`] = (c.invoicing as Record<string, string> | null)?.[k] ?? '';
  (c.contacts ?? []).forEach((p: Contact, i) => { values[`contacts.${i}.name`] = p.name ?? ''; values[`contacts.${i}.telephone`] = p[phoneKey(p)] ?? ''; });
  return values;
}

/** The archive's parts as the command carries them, from what the form holds (other keys on file are kept). */
function partsOf(c: CustomerDetail, values: Record<string, string>, contactCount: number) {
  const invoicing: Record<string, string> = { ...(c.invoicing as Record<string, string> | null) };
  for (const k of INVOICING) { const v = (values[`invoicing.${k}`] ?? '').trim(); if (v) invoicing[k] = v; else delete invoicing[k]; }
  const contacts = rowValues('contacts', contactCount, CONTACT_FIELDS, (name) => values[name] ?? '')
    .flatMap((row, i): Contact[] => { const on = (c.contacts ?? [])[i] as Contact | undefined; return row.name || row.telephone ? [{ ...on, name: row.name, [phoneKey(on)]: row.telephone }] : []; });
  return { region: (values.region ?? '').trim(), invoicing, contacts };
}

/** R-ARC-1/2: region, invoicing data and contacts, changed with a reason; only what differs from the archive is sent, after a confirmation. */
export function ArchiveChangeForm({ customer, onChanged }: { customer: CustomerDetail; onChanged(position: number): void }) {
  const { t } = useRecordsT();
  const { api } = useSignedIn();
  const [initial] = useState(() => initialValues(customer));
  const initialCount = Math.max(customer.contacts?.length ?? 0, 1);
  const form = useRecordForm(initial, { wording: RECORD_WORDING, draft: `customer/${customer.customerId}/archive-change` });
  const [count, setCount] = useState(initialCount);
  const [pending, setPending] = useState<unknown>(null);

  function review() {
    const before = partsOf(customer, initial, initialCount);
    const after = partsOf(customer, form.values, count);
    const changes: Record<string, unknown> = {};
    if (after.region !== customer.region) changes.region = after.region;
    if (JSON.stringify(after.invoicing) !== JSON.stringify(before.invoicing)) changes.invoicing = after.invoicing;
    if (JSON.stringify(after.contacts) !== JSON.stringify(before.contacts)) changes.contacts = after.contacts;
    const body = { changes, reason: form.values.reason };
    const nothing: Record<string, string> = Object.keys(changes).length === 0 ? { changes: t('issue.noChange') } : {};
    if (form.check(ChangeCustomerInformation, body, nothing)) setPending(body);
  }

  async function confirm() {
    const answer = await form.send(() => api.post<CommandAnswer>(`/customers/${encodeURIComponent(customer.customerId)}/changes`, pending), () => t('changed'));
    setPending(null);
    if (answer) onChanged(answer.position);
  }

  return (
    <RecordFormFrame title={t('archiveChange')} intro={t('archiveChangeIntro')} onSubmit={review}>
      <RecordField form={form} name="region" label={t('region')} narrow />
      <fieldset className="form-row"><legend>{t('invoicing')}</legend>{INVOICING.map((k) => <RecordField key={k} form={form} name={`invoicing.${k}`} label={t(k)} />)}</fieldset>
      <ContactRows form={form} count={count} setCount={setCount} t={t} />
      <RecordField form={form} name="reason" label={t('changeReason')} kind="textarea" />
      {form.errors.changes ? <p className="field-error" role="alert">{form.errors.changes}</p> : null}
      <FormOutcome form={form} />
      {pending
        ? <ConfirmStep question={t('changeConfirm')} confirmLabel={t('changeConfirmButton')} busy={form.busy} onConfirm={() => void confirm()} onCancel={() => setPending(null)} />
        : <div className="toolbar"><button type="submit" className="button button-primary">{t('fileChange')}</button></div>}
    </RecordFormFrame>
  );
}

function ContactRows({ form, count, setCount, t }: { form: RecordForm; count: number; setCount(n: number): void; t: RecordsT }) {
  return (
    <fieldset>
      <legend>{t('contacts')}</legend>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="form-row">
          <RecordField form={form} name={`contacts.${i}.name`} label={t('contactName')} />
          <RecordField form={form} name={`contacts.${i}.telephone`} label={t('contactTelephone')} />
          <button type="button" className="button button-ghost" onClick={() => { removeRow('contacts', i, count, CONTACT_FIELDS, form); setCount(Math.max(count - 1, 0)); }}>{t('removeContact', { n: i + 1 })}</button>
        </div>
      ))}
      <p><button type="button" className="button button-secondary" onClick={() => setCount(count + 1)}>{t('addContact')}</button></p>
    </fieldset>
  );
}
