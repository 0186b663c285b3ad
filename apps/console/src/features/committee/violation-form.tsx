import { OpenViolationCase } from '@crm/committee';
import { useSignedIn } from '../../auth/session.context';
import { linesOf } from '../surveys/survey-view';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import { COMMITTEE_WORDING } from './committee-view';
import { useCommitteeT } from './committee.messages';
import { PickerField } from './picker-field';

const ViolationBody = OpenViolationCase.omit({ caseId: true }).strict();
export const VIOLATION_KINDS = ['price', 'customer_policy'] as const;

/** R-PRICE-2: a breach of price or customer policy brought before the committee, with the company concerned when there is one. */
export function ViolationForm({ onSent }: { onSent(id: string, position: number): void }) {
  const { t } = useCommitteeT();
  const { api } = useSignedIn();
  const form = useRecordForm({ kind: 'price' }, { wording: COMMITTEE_WORDING, draft: 'committee/violation' });

  async function submit() {
    const body = { kind: form.value('kind'), customerId: form.value('customerId') || null, description: form.value('description'), evidence: linesOf(form.value('evidence')) };
    if (!form.check(ViolationBody, body)) return;
    const answer = await form.send(() => api.post<CommandAnswer & { id: string }>('/committee/violations', body), () => t('reported'), { reset: true });
    if (answer) onSent(answer.id, answer.position);
  }

  return (
    <RecordFormFrame title={t('reportTitle')} intro={t('reportIntro')} onSubmit={() => void submit()}>
      <RecordField form={form} name="kind" label={t('violationKind')} kind="select" options={VIOLATION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} narrow />
      <PickerField form={form} name="customerId" label={t('customer')} kind="customer" />
      <RecordField form={form} name="description" label={t('description')} kind="textarea" />
      <RecordField form={form} name="evidence" label={t('evidence')} kind="textarea" />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('submitReport')}</button></div>
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
