import { RecordSurveyResponse, scoreAnswer, type Questionnaire } from '@crm/relationship';
import { useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { numberOf } from '../customers/records/record-roles';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import { useRecordsT } from '../customers/records/records.messages';
import { useCustomerOptions } from '../record-kit/customer-options';
import { randomId } from '../record-kit/random-id';
import { useSurveysT } from './surveys.messages';
import { RECORD_WORDING } from '../customers/records/field-issues';

const CHANNELS = ['phone', 'mail', 'fax', 'face_to_face'] as const;

/** R-SURV-1: one customer's answers by question — a score on a score question, an option on a labelled one. */
export function ResponseForm({ year, questionnaire, customerName, onRecorded }: { year: number; questionnaire: Questionnaire; customerName(id: string): string; onRecorded(position: number): void }) {
  const { t } = useSurveysT();
  const { t: rt } = useRecordsT();
  const { api } = useSignedIn();
  const form = useRecordForm({ channel: 'phone' }, { wording: RECORD_WORDING });
  const customers = useCustomerOptions(t('chooseCustomer'));
  const [responseId, setResponseId] = useState(() => randomId('resp'));

  async function submit() {
    const answers: Record<string, number | string> = {};
    for (const q of questionnaire) {
      const raw = form.value(`answers.${q.questionId}`).trim();
      if (raw) answers[q.questionId] = q.scale.kind === 'score' ? (numberOf(raw) as number) : raw;
    }
    const body = { responseId, customerId: form.value('customerId'), channel: form.value('channel'), respondedOn: form.value('respondedOn'), answers, comments: form.value('comments').trim() || undefined };
    if (!form.check(RecordSurveyResponse.strict(), body, offScale(answers))) return;
    const answer = await form.send(() => api.post<CommandAnswer>(`/satisfaction-surveys/${year}/responses`, body), () => t('recorded', { customer: customerName(body.customerId) }), { reset: true });
    if (answer) { setResponseId(randomId('resp')); onRecorded(answer.position); }
  }

  /** R-SURV-1: each answer on its question's scale, as the decider (scoreAnswer) will check it */
  function offScale(answers: Record<string, number | string>): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const q of questionnaire) {
      const given = answers[q.questionId];
      if (given === undefined || typeof scoreAnswer(q, given) !== 'string') continue;
      errors[`answers.${q.questionId}`] = q.scale.kind === 'score'
        ? (typeof given === 'number' && given > q.scale.max ? rt('issue.atMost', { max: q.scale.max }) : typeof given === 'number' && given < q.scale.min ? rt('issue.atLeast', { min: q.scale.min }) : rt('issue.integer'))
        : rt('issue.invalid');
    }
    return errors;
  }

  return (
    <RecordFormFrame title={t('recordTitle')} onSubmit={() => void submit()}>
      <div className="form-row">
        <RecordField form={form} name="customerId" label={t('customer')} kind="select" options={customers} />
        <RecordField form={form} name="channel" label={t('channel')} kind="select" options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} narrow />
        <RecordField form={form} name="respondedOn" label={t('respondedOn')} kind="date" narrow />
      </div>
      <div className="form-row">
        {questionnaire.map((q) => q.scale.kind === 'score'
          ? <RecordField key={q.questionId} form={form} name={`answers.${q.questionId}`} label={q.text} kind="number" hint={t('scaleOf.score', { min: q.scale.min, max: q.scale.max })} />
          : <RecordField key={q.questionId} form={form} name={`answers.${q.questionId}`} label={q.text} kind="select" options={[{ value: '', label: t('choose') }, ...q.scale.options.map((o) => ({ value: o.label, label: o.label }))]} />)}
      </div>
      {form.errors.answers ? <p className="field-error">{form.errors.answers}</p> : null}
      <RecordField form={form} name="comments" label={t('comments')} kind="textarea" />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('record')}</button></div>
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
