import { AllocationProposalRequest } from '@crm/key-accounts';
import { useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { removeRow, rowValues } from '../customers/records/line-rows';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { numberOf } from '../customers/records/record-roles';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import { useCustomerOptions } from '../record-kit/customer-options';
import type { ProductLine } from './allocation-view';
import { useAllocationsT } from './allocations.messages';
import { RECORD_WORDING } from '../customers/records/field-issues';

const REQUEST_FIELDS = ['customerId', 'tonnes'] as const;
const COOPERATION_FIELDS = ['customerId', 'score'] as const;

/** R-ALLOC-1..3: the month's volume, the customers' demand and the agents' cooperation; the API computes the lines and sends them to the general manager. */
export function ProposeForm({ month, line, again, onProposed }: { month: string; line: ProductLine; again: boolean; onProposed(position: number, note: string): void }) {
  const { t } = useAllocationsT();
  const { api } = useSignedIn();
  const form = useRecordForm({}, { wording: RECORD_WORDING });
  const customers = useCustomerOptions(t('chooseCustomer'));
  const [requests, setRequests] = useState(1);
  const [agents, setAgents] = useState(0);

  async function submit() {
    const body = {
      availableTonnes: numberOf(form.value('availableTonnes')),
      requests: rowValues('requests', requests, REQUEST_FIELDS, form.value).map((r) => ({ customerId: r.customerId, tonnes: numberOf(r.tonnes) })),
      cooperation: rowValues('cooperation', agents, COOPERATION_FIELDS, form.value).map((c) => ({ customerId: c.customerId, score: numberOf(c.score) })),
      note: form.value('note').trim() || null,
    };
    if (!form.check(AllocationProposalRequest, body)) return;
    const answer = await form.send(
      () => api.post<CommandAnswer>(`/allocations/${month}/${line}/proposals`, body),
      () => t('proposed'),
    );
    if (answer) onProposed(answer.position, t('proposed'));
  }

  return (
    <RecordFormFrame title={again ? t('proposeAgain') : t('proposeTitle')} intro={t('proposeIntro')} onSubmit={() => void submit()}>
      <RecordField form={form} name="availableTonnes" label={t('available')} kind="number" hint={t('availableHint')} narrow />
      <h4>{t('requests')}</h4>
      {Array.from({ length: requests }, (_, i) => (
        <fieldset key={i} className="form-row" data-testid="allocation-request">
          <legend className="visually-hidden">{t('requestN', { n: i + 1 })}</legend>
          <RecordField form={form} name={`requests.${i}.customerId`} label={t('customer')} kind="select" options={customers} />
          <RecordField form={form} name={`requests.${i}.tonnes`} label={t('demandTonnes')} kind="number" narrow />
          <button type="button" className="button button-ghost" onClick={() => { removeRow('requests', i, requests, REQUEST_FIELDS, form); setRequests(requests - 1); }}>{t('removeRow', { n: i + 1 })}</button>
        </fieldset>
      ))}
      {form.errors.requests ? <p className="field-error">{form.errors.requests}</p> : null}
      <button type="button" className="button button-secondary" onClick={() => setRequests(requests + 1)}>{t('addRequest')}</button>
      <h4>{t('cooperationTitle')}</h4>
      {Array.from({ length: agents }, (_, i) => (
        <fieldset key={i} className="form-row" data-testid="allocation-cooperation">
          <legend className="visually-hidden">{t('cooperationN', { n: i + 1 })}</legend>
          <RecordField form={form} name={`cooperation.${i}.customerId`} label={t('customer')} kind="select" options={customers} />
          <RecordField form={form} name={`cooperation.${i}.score`} label={t('score')} kind="number" narrow />
          <button type="button" className="button button-ghost" onClick={() => { removeRow('cooperation', i, agents, COOPERATION_FIELDS, form); setAgents(agents - 1); }}>{t('removeRow', { n: i + 1 })}</button>
        </fieldset>
      ))}
      <button type="button" className="button button-secondary" onClick={() => setAgents(agents + 1)}>{t('addCooperation')}</button>
      <RecordField form={form} name="note" label={t('note')} kind="textarea" />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('propose')}</button></div>
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
