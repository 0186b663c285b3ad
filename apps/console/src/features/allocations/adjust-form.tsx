import { AllocationAdjustmentRequest } from '@crm/key-accounts';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { numberOf } from '../customers/records/record-roles';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import { useSignedIn } from '../../auth/session.context';
import type { Proposal } from './allocation-view';
import { useAllocationsT } from './allocations.messages';
import { RECORD_WORDING } from '../customers/records/field-issues';

/** R-ALLOC-2: one line of the proposal under review changed by hand, with its reason. */
export function AdjustForm({ proposal, customerName, onAdjusted }: { proposal: Proposal; customerName(id: string): string; onAdjusted(position: number, note: string): void }) {
  const { t } = useAllocationsT();
  const { api } = useSignedIn();
  const form = useRecordForm({ customerId: proposal.lines[0]?.customerId ?? '' }, { wording: RECORD_WORDING });
  const options = proposal.lines.map((l) => ({ value: l.customerId, label: customerName(l.customerId) }));

  async function submit() {
    const body = { round: proposal.round, customerId: form.value('customerId'), tonnes: numberOf(form.value('tonnes')), reason: form.value('reason') };
    if (!form.check(AllocationAdjustmentRequest, body)) return;
    const answer = await form.send(
      () => api.post<CommandAnswer>(`/allocations/${proposal.month}/${proposal.productLine}/adjustments`, body),
      () => t('adjusted', { customer: customerName(body.customerId) }),
    );
    if (answer) onAdjusted(answer.position, t('adjusted', { customer: customerName(body.customerId) }));
  }

  return (
    <RecordFormFrame title={t('adjustTitle')} intro={t('adjustIntro')} onSubmit={() => void submit()}>
      <div className="form-row">
        <RecordField form={form} name="customerId" label={t('customer')} kind="select" options={options} />
        <RecordField form={form} name="tonnes" label={t('adjustTonnes')} kind="number" narrow />
      </div>
      <RecordField form={form} name="reason" label={t('reason')} kind="textarea" />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('adjust')}</button></div>
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
