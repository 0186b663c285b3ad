import { DraftContract } from '@crm/commerce';
import { useId } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { CustomerPicker } from '../../components/entity-pickers';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import type { Catalogue } from './contract-view';
import { CONTRACT_WORDING } from './contract-wording';
import { useContractsT } from './contracts.messages';

/** R-ARC-5: the sales department drafts a contract with a customer (picked by name or credit code) for a product line and a term. */
export function DraftContractForm({ catalogue, onDrafted }: { catalogue: Catalogue | null; onDrafted(id: string, position: number): void }) {
  const { t, lang } = useContractsT();
  const { api } = useSignedIn();
  const form = useRecordForm({ customerId: '', productLineId: '', contractNo: '', validFrom: '', validUntil: '', terms: '' }, { wording: CONTRACT_WORDING, draft: 'contract-draft' });
  const pickerId = useId();
  const lines = catalogue?.productLines ?? [];

  async function submit() {
    const body = {
      customerId: form.value('customerId'), productLineId: form.value('productLineId'), contractNo: form.value('contractNo'),
      validFrom: form.value('validFrom'), validUntil: form.value('validUntil'), terms: form.value('terms'),
    };
    // the server assigns the contract's id: the schema checks the rest exactly as the API does
    if (!form.check(DraftContract, { ...body, contractId: 'new' })) return;
    const answer = await form.send(() => api.post<CommandAnswer & { id: string }>('/contracts', body), () => t('drafted'), { reset: true });
    if (answer) onDrafted(answer.id, answer.position);
  }

  const customerError = form.errors.customerId;
  return (
    <RecordFormFrame title={t('draftTitle')} intro={t('draftIntro')} onSubmit={() => void submit()}>
      <div className="form-row">
        <div className="field">
          <label htmlFor={pickerId}>{t('customer')}</label>
          <CustomerPicker id={pickerId} value={form.value('customerId')} onChange={(v) => form.set('customerId', v)} invalid={Boolean(customerError)} describedBy={customerError ? `${pickerId}-error` : undefined} />
          {customerError ? <span id={`${pickerId}-error`} className="field-error">{customerError}</span> : null}
        </div>
        <RecordField form={form} name="productLineId" label={t('productLine')} kind="select"
          options={[{ value: '', label: t('choose') }, ...lines.map((p) => ({ value: p.productLineId, label: lang === 'en' ? p.name : p.nameZh }))]} />
      </div>
      <div className="form-row">
        <RecordField form={form} name="contractNo" label={t('contractNo')} />
        <RecordField form={form} name="validFrom" label={t('validFrom')} kind="date" narrow />
        <RecordField form={form} name="validUntil" label={t('validUntil')} kind="date" narrow />
      </div>
      <RecordField form={form} name="terms" label={t('terms')} kind="textarea" />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('draft')}</button></div>
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
