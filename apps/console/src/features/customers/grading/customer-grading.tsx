import { ConfirmGradeMove, DEFAULT_GRADE_INDICATORS, EvaluateMonth, HoldGradeMove } from '@crm/customers';
import { useId, useState } from 'react';
import { useSignedIn } from '../../../auth/session.context';
import { labelOr } from '../../../components/onboarding-labels';
import { formatInstant } from '../../../format/shanghai-time';
import { CommandCard } from '../../record-kit/command-card';
import { type CommandAnswer, useRecordForm } from '../../record-kit/use-record-form';
import { useCustomersT } from '../customers.messages';
import { RECORD_WORDING } from '../records/field-issues';
import { FormOutcome, RecordField, RecordFormFrame } from '../records/record-fields';
import { mayIssue } from '../records/record-roles';
import { formatTonnes } from '../tonnage-chart';
import { useGradingT } from './grading.messages';
import { type GradeReviewFact, pendingGradeMove } from './pending-grade-move';

/** What the customer page passes: the archive as GET /customers/{id} answers it. */
export interface GradedCustomer { customerId: string; name: string; gradeHistory: readonly GradeReviewFact[]; gradeReviews?: readonly GradeReviewFact[] }

/**
 * R-TIER-4 "依次升降 … 与其他指标共同考核" (ADR 0023): the month's proposed move by tonnage, one step,
 * which the sales department confirms or holds naming another indicator (holding asks first); and
 * the month's evaluation on demand (R-TIER-2). The inbox's 客户级别调整待销售部确认 links here.
 */
export function CustomerGrading({ customer, onDone }: { customer: GradedCustomer; onDone(position: number): void }) {
  const { t } = useGradingT();
  const { t: ct } = useCustomersT();
  const { api, session } = useSignedIn();
  const id = useId();
  const [note, setNote] = useState<string | null>(null);
  const pending = pendingGradeMove(customer.gradeReviews ?? [], customer.gradeHistory);
  const mayDecide = mayIssue(session.user, 'ConfirmGradeMove');
  const mayEvaluate = mayIssue(session.user, 'EvaluateMonth');
  if (!pending && !mayEvaluate && !note) return null;

  const grade = (g: string | null) => (g ? labelOr(ct, `grade.${g}`) : '—');
  const path = `/customers/${encodeURIComponent(customer.customerId)}/grade-moves`;
  const indicators = [{ value: '', label: t('choose') }, ...DEFAULT_GRADE_INDICATORS.map((i) => ({ value: i, label: labelOr(t, `indicator.${i}`) }))];
  const fields = (reasonLabel: string) => [
    { name: 'indicator', label: t('indicator'), kind: 'select' as const, options: indicators },
    { name: 'reason', label: reasonLabel, kind: 'textarea' as const },
  ];
  const body = (month: string) => (v: (name: string) => string) => ({ month, indicator: v('indicator'), reason: v('reason') });
  const decided = (text: string) => (position: number) => { setNote(text); onDone(position); };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="grade-review">
      <h2 id={`${id}-title`}>{t('reviewTitle')}</h2>
      {note ? <p className="alert alert-success" role="status">{note}</p> : null}
      {pending ? (
        <div className="stack" data-testid="pending-grade-move" data-month={pending.month}>
          <p>{t('proposal', { month: pending.month, t: pending.tonnage === null ? '—' : formatTonnes(pending.tonnage), band: grade(pending.band), from: grade(pending.currentGrade), to: grade(pending.proposedGrade) })}</p>
          <p className="muted">{t('basis', { basis: labelOr(t, `basis.${pending.basis}`), at: formatInstant(pending.proposedAt) })}</p>
          {mayDecide ? (
            <div className="chart-pair">
              <CommandCard title={t('confirmTitle')} fields={fields(t('reason'))} body={body(pending.month)} schema={ConfirmGradeMove.strict()}
                call={(b) => api.post<CommandAnswer>(`${path}/confirm`, b)} submitLabel={t('confirm', { to: grade(pending.proposedGrade) })} success={null}
                onDone={decided(t('confirmed', { name: customer.name, to: grade(pending.proposedGrade) }))} />
              <CommandCard title={t('holdTitle')} fields={fields(t('holdReason'))} body={body(pending.month)} schema={HoldGradeMove.strict()}
                call={(b) => api.post<CommandAnswer>(`${path}/hold`, b)} submitLabel={t('hold')} success={null}
                confirm={{ question: t('holdQuestion', { name: customer.name, from: grade(pending.currentGrade) }), label: t('holdConfirm') }}
                onDone={decided(t('held', { name: customer.name, from: grade(pending.currentGrade) }))} />
            </div>
          ) : <p className="muted">{t('waitsForSales')}</p>}
        </div>
      ) : <p className="empty">{t('reviewNone')}</p>}
      {mayEvaluate ? <EvaluateMonthForm customerId={customer.customerId} onDone={(text, position) => { setNote(text); onDone(position); }} /> : null}
    </section>
  );
}

const EvaluationBody = EvaluateMonth.strict();

/** R-TIER-2: a finished month evaluated on demand (the scheduler does it otherwise); a move it proposes waits above. */
function EvaluateMonthForm({ customerId, onDone }: { customerId: string; onDone(text: string, position: number): void }) {
  const { t } = useGradingT();
  const { api } = useSignedIn();
  const form = useRecordForm({}, { wording: RECORD_WORDING });
  async function submit() {
    const body = { month: form.value('month') };
    if (!form.check(EvaluationBody, body)) return;
    const answer = await form.send(() => api.post<CommandAnswer>(`/customers/${encodeURIComponent(customerId)}/evaluations`, body), () => '');
    if (!answer) return;
    const proposed = answer.events.some((e) => e.type === 'GradeMoveProposed');
    onDone(t(proposed ? 'evaluatedProposal' : answer.events.length === 0 ? 'evaluatedNothing' : 'evaluated', { month: body.month }), answer.position);
  }
  return (
    <RecordFormFrame title={t('evaluateTitle')} intro={t('evaluateIntro')} onSubmit={() => void submit()}>
      <RecordField form={form} name="month" label={t('month')} kind="month" narrow />
      <div className="toolbar"><button type="submit" className="button button-secondary" disabled={form.busy}>{t('evaluate')}</button></div>
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
