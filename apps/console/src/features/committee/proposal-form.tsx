import { SubmitPriceProposal } from '@crm/committee';
import { useSignedIn } from '../../auth/session.context';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { numberOf } from '../customers/records/record-roles';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import type { Catalogue } from '../contracts/contract-view';
import { COMMITTEE_WORDING, idOrUndefined } from './committee-view';
import { useCommitteeT } from './committee.messages';

// the server assigns the proposal's id; the rest is the domain's command as the API checks it
const ProposalBody = SubmitPriceProposal.omit({ proposalId: true }).strict();

/** The price takes effect at 00:00 Beijing time on its date (prices change from a day, not a minute). */
const startOfDay = (date: string): string | undefined => (date ? `${date}T00:00:00+08:00` : undefined);

/** R-PRICE-1 审批产品价格调整方案: a new price for one product line at a designated warehouse (R-PRIN-4), before the committee. */
export function ProposalForm({ catalogue, onSent }: { catalogue: Catalogue | null; onSent(id: string, position: number): void }) {
  const { t, lang } = useCommitteeT();
  const { api } = useSignedIn();
  const form = useRecordForm({}, { wording: COMMITTEE_WORDING, draft: 'committee/proposal' });
  const line = form.value('productLineId');
  const warehouses = (catalogue?.warehouses ?? []).filter((w) => !w.withdrawn && (!line || w.productLines.includes(line)));

  async function submit() {
    const body = {
      productLineId: idOrUndefined(line), warehouseId: idOrUndefined(form.value('warehouseId')), pricePerTonne: numberOf(form.value('pricePerTonne')),
      effectiveFrom: startOfDay(form.value('effectiveFrom')), reason: form.value('reason'),
    };
    if (!form.check(ProposalBody, body)) return;
    const answer = await form.send(() => api.post<CommandAnswer & { id: string }>('/committee/proposals', body), () => t('proposalSubmitted'), { reset: true });
    if (answer) onSent(answer.id, answer.position);
  }

  return (
    <RecordFormFrame title={t('proposeTitle')} intro={t('proposeIntro')} onSubmit={() => void submit()}>
      <div className="form-row">
        <RecordField form={form} name="productLineId" label={t('productLine')} kind="select"
          options={[{ value: '', label: t('chooseProductLine') }, ...(catalogue?.productLines ?? []).map((p) => ({ value: p.productLineId, label: lang === 'en' ? p.name : p.nameZh }))]} />
        <RecordField form={form} name="warehouseId" label={t('warehouse')} kind="select" hint={line && warehouses.length === 0 ? t('noWarehouse') : undefined}
          options={[{ value: '', label: t('chooseWarehouse') }, ...warehouses.map((w) => ({ value: w.warehouseId, label: w.nameZh }))]} />
      </div>
      <div className="form-row">
        <RecordField form={form} name="pricePerTonne" label={t('pricePerTonne')} kind="number" step="0.01" narrow />
        <RecordField form={form} name="effectiveFrom" label={t('effectiveOn')} kind="date" narrow />
      </div>
      <RecordField form={form} name="reason" label={t('reason')} kind="textarea" />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('submitProposal')}</button></div>
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
