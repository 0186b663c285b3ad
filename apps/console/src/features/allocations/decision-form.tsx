import { AllocationApprovalRequest, AllocationReturnRequest } from '@crm/key-accounts';
import { useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { ConfirmStep, FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import type { Proposal } from './allocation-view';
import { useAllocationsT } from './allocations.messages';
import { RECORD_WORDING } from '../customers/records/field-issues';

/** R-ALLOC-2: the general manager approves the round under review, or returns it (after a confirmation) with a reason. */
export function DecisionForm({ proposal, onDecided }: { proposal: Proposal; onDecided(position: number, note: string): void }) {
  const { t } = useAllocationsT();
  const { api } = useSignedIn();
  const form = useRecordForm({}, { wording: RECORD_WORDING });
  const [confirming, setConfirming] = useState(false);
  const path = `/allocations/${proposal.month}/${proposal.productLine}`;

  async function approve() {
    const body = { round: proposal.round, comment: form.value('comment').trim() || null };
    if (!form.check(AllocationApprovalRequest, body)) return;
    const answer = await form.send(() => api.post<CommandAnswer>(`${path}/approve`, body), () => t('approved', { n: proposal.round }));
    if (answer) onDecided(answer.position, t('approved', { n: proposal.round }));
  }
  function askReturn() {
    if (form.check(AllocationReturnRequest, { round: proposal.round, reason: form.value('reason') })) setConfirming(true);
  }
  async function sendBack() {
    const answer = await form.send(() => api.post<CommandAnswer>(`${path}/return`, { round: proposal.round, reason: form.value('reason') }), () => t('returned', { n: proposal.round }));
    setConfirming(false);
    if (answer) onDecided(answer.position, t('returned', { n: proposal.round }));
  }

  return (
    <RecordFormFrame title={t('decideTitle')} onSubmit={() => void approve()}>
      <RecordField form={form} name="comment" label={t('comment')} />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('approve')}</button></div>
      <RecordField form={form} name="reason" label={t('returnReason')} kind="textarea" />
      <div className="toolbar"><button type="button" className="button button-danger" disabled={form.busy} onClick={askReturn}>{t('return')}</button></div>
      {confirming ? <ConfirmStep question={t('returnConfirm', { n: proposal.round })} confirmLabel={t('returnConfirmButton')} busy={form.busy} onConfirm={() => void sendBack()} onCancel={() => setConfirming(false)} /> : null}
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
