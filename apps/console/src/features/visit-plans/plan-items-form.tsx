import { ReviseVisitPlan } from '@crm/relationship';
import { useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { removeRow, rowValues } from '../customers/records/line-rows';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { numberOf } from '../customers/records/record-roles';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import { useCustomerOptions } from '../record-kit/customer-options';
import { useVisitPlansT, type VisitPlanView } from './visit-plans.messages';
import { RECORD_WORDING } from '../customers/records/field-issues';

const FIELDS = ['customerId', 'month'] as const;

function initialOf(plan: VisitPlanView | null): Record<string, string> {
  const values: Record<string, string> = {};
  plan?.items.forEach((item, i) => { values[`items.${i}.customerId`] = item.customerId; values[`items.${i}.month`] = String(item.month); });
  return values;
}

/** R-VISIT-1: the plan's items (a customer and a month each), drafted or revised as a whole list. */
export function PlanItemsForm({ year, plan, onSaved }: { year: number; plan: VisitPlanView | null; onSaved(position: number): void }) {
  const { t } = useVisitPlansT();
  const { api } = useSignedIn();
  const form = useRecordForm(initialOf(plan), { wording: RECORD_WORDING });
  const customers = useCustomerOptions(t('chooseCustomer'));
  const [count, setCount] = useState(plan?.items.length || 1);

  async function submit() {
    const items = rowValues('items', count, FIELDS, form.value).map((r, i) => ({ itemId: `item-${i + 1}`, customerId: r.customerId, month: numberOf(r.month) }));
    if (!form.check(ReviseVisitPlan.strict(), { items })) return;
    const answer = await form.send(
      () => (plan ? api.post<CommandAnswer>(`/visit-plans/${encodeURIComponent(plan.planId)}/revise`, { items }) : api.post<CommandAnswer>('/visit-plans', { year, items })),
      () => t('saved'),
    );
    if (answer) onSaved(answer.position);
  }

  return (
    <RecordFormFrame title={plan ? t('reviseTitle') : t('draftTitle')} onSubmit={() => void submit()}>
      {Array.from({ length: count }, (_, i) => (
        <fieldset key={i} className="form-row" data-testid="visit-plan-item">
          <legend className="visually-hidden">{t('itemN', { n: i + 1 })}</legend>
          <RecordField form={form} name={`items.${i}.customerId`} label={t('customer')} kind="select" options={customers} />
          <RecordField form={form} name={`items.${i}.month`} label={t('month')} kind="number" narrow />
          {count > 1 ? <button type="button" className="button button-ghost" onClick={() => { removeRow('items', i, count, FIELDS, form); setCount(count - 1); }}>{t('removeItem', { n: i + 1 })}</button> : null}
        </fieldset>
      ))}
      {form.errors.items ? <p className="field-error">{form.errors.items}</p> : null}
      <div className="toolbar">
        <button type="button" className="button button-secondary" onClick={() => setCount(count + 1)}>{t('addItem')}</button>
        <button type="submit" className="button button-primary" disabled={form.busy}>{t('save')}</button>
      </div>
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
