import { RecordArchiveCheck } from '@crm/customers';
import { useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { removeRow, rowValues } from '../customers/records/line-rows';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import type { CustomerOption } from '../record-kit/customer-options';
import { randomId } from '../record-kit/random-id';
import { useArchiveT } from './archive-filings.messages';
import { RECORD_WORDING } from '../customers/records/field-issues';

const FINDING_FIELDS = ['description', 'customerId'] as const;
const CheckBody = RecordArchiveCheck.omit({ checkId: true }).strict();

/** R-ARC-3 定期检查: the period, what was checked, and each finding (a company from the filings, or the archives as a whole). */
export function CheckForm({ customers, onRecorded }: { customers: CustomerOption[]; onRecorded(position: number): void }) {
  const { t } = useArchiveT();
  const { api } = useSignedIn();
  const form = useRecordForm({}, { wording: RECORD_WORDING });
  const [count, setCount] = useState(1);
  const [ids, setIds] = useState<string[]>(() => [randomId('f')]);

  async function submit() {
    const findings = rowValues('findings', count, FINDING_FIELDS, form.value)
      .filter((f) => f.description || f.customerId)
      .map((f, i) => ({ findingId: ids[i] ?? randomId('f'), description: f.description, customerId: f.customerId || null }));
    const conclusion = form.value('conclusion').trim() || undefined;
    const body = { period: form.value('period').trim(), scope: form.value('scope'), findings, ...(conclusion ? { conclusion } : {}) };
    if (!form.check(CheckBody, body)) return;
    const answer = await form.send(() => api.post<CommandAnswer>('/archive-checks', body), () => t('recorded', { period: body.period }), { reset: true });
    if (answer) { setCount(1); setIds([randomId('f')]); onRecorded(answer.position); }
  }

  return (
    <RecordFormFrame title={t('recordTitle')} onSubmit={() => void submit()}>
      <div className="form-row">
        <RecordField form={form} name="period" label={t('period')} hint={t('periodHint')} narrow />
        <RecordField form={form} name="scope" label={t('scope')} />
      </div>
      <h4>{t('findings')}</h4>
      {Array.from({ length: count }, (_, i) => (
        <fieldset key={i} className="form-row" data-testid="check-finding">
          <legend className="visually-hidden">{t('findingN', { n: i + 1 })}</legend>
          <RecordField form={form} name={`findings.${i}.description`} label={t('finding')} />
          <RecordField form={form} name={`findings.${i}.customerId`} label={t('findingCustomer')} kind="select" options={customers} />
          {count > 1 ? <button type="button" className="button button-ghost" onClick={() => { removeRow('findings', i, count, FINDING_FIELDS, form); setIds(ids.filter((_, j) => j !== i)); setCount(count - 1); }}>{t('removeRow', { n: i + 1 })}</button> : null}
        </fieldset>
      ))}
      <button type="button" className="button button-secondary" onClick={() => { setIds([...ids, randomId('f')]); setCount(count + 1); }}>{t('addFinding')}</button>
      <RecordField form={form} name="conclusion" label={t('conclusion')} kind="textarea" />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('record')}</button></div>
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
