import { FileSalesPlan } from '@crm/customers';
import { useState } from 'react';
import { useSignedIn } from '../../../auth/session.context';
import { removeRow, rowValues } from './line-rows';
import { FormOutcome, RecordField, RecordFormFrame } from './record-fields';
import { numberOf } from './record-roles';
import { useRecordsT } from './records.messages';
import { type CommandAnswer, useRecordForm } from '../../record-kit/use-record-form';
import { RECORD_WORDING } from './field-issues';

const LINE_FIELDS = ['customer', 'quantity', 'pickupWindow.from', 'pickupWindow.to'] as const;

/** R-TIER-7: next month's plan, line by line (customer, quantity, pickup window); refiling a month revises it. */
export function SalesPlanForm({ customerId, initialMonth, onFiled }: { customerId: string; initialMonth: string; onFiled(position: number, month: string): void }) {
  const { t } = useRecordsT();
  const { api } = useSignedIn();
  const form = useRecordForm({ month: initialMonth }, { wording: RECORD_WORDING, draft: `customer/${customerId}/sales-plan` });
  const [count, setCount] = useState(1);

  async function submit() {
    const lines = rowValues('lines', count, LINE_FIELDS, form.value).map((l) => ({
      customer: l.customer, quantity: numberOf(l.quantity), pickupWindow: { from: l['pickupWindow.from'], to: l['pickupWindow.to'] },
    }));
    const body = { month: form.values.month, lines };
    if (!form.check(FileSalesPlan, body)) return;
    const answer = await form.send(() => api.post<CommandAnswer>(`/customers/${encodeURIComponent(customerId)}/sales-plans`, body), () => t('planFiledNote', { month: body.month }));
    if (answer) onFiled(answer.position, body.month);
  }

  return (
    <RecordFormFrame title={t('fileSalesPlan')} intro={t('fileSalesPlanIntro')} onSubmit={() => void submit()}>
      <RecordField form={form} name="month" label={t('planMonth')} kind="month" narrow />
      {Array.from({ length: count }, (_, i) => (
        <fieldset key={i} className="form-row" data-testid="plan-line">
          <legend className="visually-hidden">{t('lineN', { n: i + 1 })}</legend>
          <RecordField form={form} name={`lines.${i}.customer`} label={t('planCustomer')} />
          <RecordField form={form} name={`lines.${i}.quantity`} label={t('planQuantity')} kind="number" />
          <RecordField form={form} name={`lines.${i}.pickupWindow.from`} label={t('windowFrom')} kind="date" />
          <RecordField form={form} name={`lines.${i}.pickupWindow.to`} label={t('windowTo')} kind="date" />
          {form.errors[`lines.${i}.pickupWindow`] ? <p className="field-error">{form.errors[`lines.${i}.pickupWindow`]}</p> : null}
          {count > 1 ? <button type="button" className="button button-ghost" onClick={() => { removeRow('lines', i, count, LINE_FIELDS, form); setCount(count - 1); }}>{t('removeLine', { n: i + 1 })}</button> : null}
        </fieldset>
      ))}
      {form.errors.lines ? <p className="field-error">{form.errors.lines}</p> : null}
      <FormOutcome form={form} />
      <div className="toolbar">
        <button type="button" className="button button-secondary" onClick={() => setCount(count + 1)}>{t('addLine')}</button>
        <button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('fileSalesPlan')}</button>
      </div>
    </RecordFormFrame>
  );
}
