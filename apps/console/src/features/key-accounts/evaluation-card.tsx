import { AllocationMonth } from '@crm/key-accounts';
import { z } from 'zod';
import { lastMonth } from '../customers/grading/last-month';
import { useSignedIn } from '../../auth/session.context';
import { RECORD_WORDING } from '../customers/records/field-issues';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { useRecordForm } from '../record-kit/use-record-form';
import { useEvaluationReviewT } from './evaluation-review.messages';

/** POST /key-accounts/evaluations answers the month, who was evaluated, the key accounts and what it wrote. */
interface EvaluationAnswer { month: string; evaluated: number; keyAccounts: string[]; events: Array<{ type: string }>; position: number }
/** the API's body (apps/api/src/key-accounts/key-accounts.bodies.ts EvaluationBody) */
const EvaluationBody = z.strictObject({ month: AllocationMonth });

/** R-KAM-3/4: a past month evaluated for decline warnings and loyalty levels (the sales department or a leader). */
export function KeyAccountEvaluationCard({ onEvaluated }: { onEvaluated(position: number): void }) {
  const { t } = useEvaluationReviewT();
  const { api } = useSignedIn();
  const form = useRecordForm({ month: lastMonth() }, { wording: RECORD_WORDING });
  async function submit() {
    const body = { month: form.value('month') };
    if (!form.check(EvaluationBody, body)) return;
    const answer = await form.send(() => api.post<EvaluationAnswer>('/key-accounts/evaluations', body),
      (a) => t('evaluated', { month: a.month, n: a.evaluated, a: a.keyAccounts.length, w: a.events.length }));
    if (answer) onEvaluated(answer.position);
  }
  return (
    <section className="card" data-testid="key-account-evaluation">
      <RecordFormFrame title={t('evaluateTitle')} intro={t('evaluateIntro')} onSubmit={() => void submit()}>
        <RecordField form={form} name="month" label={t('month')} kind="month" narrow />
        <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('evaluate')}</button></div>
        <FormOutcome form={form} />
      </RecordFormFrame>
    </section>
  );
}
