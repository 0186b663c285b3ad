import { RecordConsultation } from '@crm/complaints';
import { useId, useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { fromLocalInput } from '../../format/shanghai-time';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import { useCustomerOptions } from '../record-kit/customer-options';
import { randomId } from '../record-kit/random-id';
import { CHANNELS, useConsultationsT } from './consultations.messages';
import { RECORD_WORDING } from '../customers/records/field-issues';

/** R-CMP-5 记录客户咨询: who asked, when it came in (Beijing time), how, and what. */
export function RecordConsultationForm({ now, customerName, onRecorded }: { now: string; customerName(id: string): string; onRecorded(id: string, position: number): void }) {
  const { t } = useConsultationsT();
  const { api } = useSignedIn();
  const id = useId();
  const form = useRecordForm({ channel: 'phone', receivedAt: now }, { wording: RECORD_WORDING });
  const customers = useCustomerOptions(t('chooseCustomer'));
  const [consultationId] = useState(() => randomId('cns'));
  const received = form.value('receivedAt');
  const receivedError = form.errors.receivedAt;

  async function submit() {
    const body = { consultationId, customerId: form.value('customerId'), receivedAt: received ? fromLocalInput(received) : '', channel: form.value('channel'), question: form.value('question') };
    if (!form.check(RecordConsultation.strict(), body)) return;
    const answer = await form.send(() => api.post<CommandAnswer & { id: string }>('/consultations', body), () => t('recorded', { customer: customerName(body.customerId) }));
    if (answer) onRecorded(answer.id, answer.position);
  }

  return (
    <RecordFormFrame title={t('recordTitle')} onSubmit={() => void submit()}>
      <div className="form-row">
        <RecordField form={form} name="customerId" label={t('customer')} kind="select" options={customers} />
        <div className="field field-narrow">
          <label htmlFor={`${id}-received`}>{t('receivedAt')}</label>
          <input id={`${id}-received`} type="datetime-local" value={received} aria-invalid={receivedError ? true : undefined} aria-describedby={receivedError ? `${id}-received-error` : undefined} onChange={(e) => form.set('receivedAt', e.target.value)} />
          {receivedError ? <span id={`${id}-received-error`} className="field-error">{receivedError}</span> : null}
        </div>
        <RecordField form={form} name="channel" label={t('channel')} kind="select" options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} narrow />
      </div>
      <RecordField form={form} name="question" label={t('question')} kind="textarea" />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('record')}</button></div>
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
