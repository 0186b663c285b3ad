import { DEFAULT_QUESTIONNAIRE, OpenSurveyCampaign } from '@crm/relationship';
import { useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { removeRow } from '../customers/records/line-rows';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { numberOf } from '../customers/records/record-roles';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import { linesOf } from './survey-view';
import { useSurveysT } from './surveys.messages';
import { RECORD_WORDING } from '../customers/records/field-issues';

const FIELDS = ['questionId', 'text', 'scale.kind', 'scale.min', 'scale.max', 'scale.options'] as const;

/** The default questionnaire as the form's starting values, so the common case is one click. */
function initialValues(year: number): Record<string, string> {
  const values: Record<string, string> = { year: String(year), title: `${year} 年度客户满意度调查` };
  DEFAULT_QUESTIONNAIRE.forEach((q, i) => {
    values[`questionnaire.${i}.questionId`] = q.questionId;
    values[`questionnaire.${i}.text`] = q.text;
    values[`questionnaire.${i}.scale.kind`] = q.scale.kind;
    if (q.scale.kind === 'score') { values[`questionnaire.${i}.scale.min`] = String(q.scale.min); values[`questionnaire.${i}.scale.max`] = String(q.scale.max); }
  });
  return values;
}

/** `满意=100` per line → options; a line without `=` is left for the schema to refuse (no score). */
const optionsOf = (text: string) => linesOf(text).map((line) => {
  const at = line.lastIndexOf('=');
  return at < 0 ? { label: line, score: undefined } : { label: line.slice(0, at).trim(), score: numberOf(line.slice(at + 1)) };
});

/** R-SURV-1 (可编制客户满意度调查问卷): the year's campaign with its questionnaire as data. */
export function OpenSurveyForm({ year, onOpened }: { year: number; onOpened(position: number): void }) {
  const { t } = useSurveysT();
  const { api } = useSignedIn();
  const form = useRecordForm(initialValues(year), { wording: RECORD_WORDING });
  const [count, setCount] = useState(DEFAULT_QUESTIONNAIRE.length);
  const v = (i: number, f: string) => form.value(`questionnaire.${i}.${f}`);

  async function submit() {
    const questionnaire = Array.from({ length: count }, (_, i) => ({
      questionId: v(i, 'questionId').trim(), text: v(i, 'text'),
      scale: v(i, 'scale.kind') === 'labels' ? { kind: 'labels', options: optionsOf(v(i, 'scale.options')) } : { kind: 'score', min: numberOf(v(i, 'scale.min')), max: numberOf(v(i, 'scale.max')) },
    }));
    const body = { year: numberOf(form.value('year')), title: form.value('title'), questionnaire };
    if (!form.check(OpenSurveyCampaign.strict(), body)) return;
    const answer = await form.send(() => api.post<CommandAnswer>('/satisfaction-surveys', body), () => t('opened', { year: String(body.year) }));
    if (answer) onOpened(answer.position);
  }
  // a refusal deeper than a field (an option's label) shows under the options of its question
  const deeper = (i: number) => Object.entries(form.errors).find(([k]) => k.startsWith(`questionnaire.${i}.scale.options.`))?.[1];

  return (
    <RecordFormFrame title={t('openTitle')} intro={t('openIntro')} onSubmit={() => void submit()}>
      <div className="form-row">
        <RecordField form={form} name="year" label={t('year')} kind="number" narrow />
        <RecordField form={form} name="title" label={t('title')} />
      </div>
      {form.errors.questionnaire ? <p className="field-error">{form.errors.questionnaire}</p> : null}
      {Array.from({ length: count }, (_, i) => (
        <fieldset key={i} className="stack" data-testid="survey-question">
          <legend>{t('questionN', { n: i + 1 })}</legend>
          <div className="form-row">
            <RecordField form={form} name={`questionnaire.${i}.questionId`} label={t('questionId')} hint={t('questionIdHint')} narrow />
            <RecordField form={form} name={`questionnaire.${i}.text`} label={t('questionText')} />
            <RecordField form={form} name={`questionnaire.${i}.scale.kind`} label={t('scaleKind')} kind="select" options={[{ value: 'score', label: t('scale.score') }, { value: 'labels', label: t('scale.labels') }]} narrow />
          </div>
          {v(i, 'scale.kind') === 'labels' ? (
            <>
              <RecordField form={form} name={`questionnaire.${i}.scale.options`} label={t('options')} kind="textarea" hint={t('optionsHint')} />
              {deeper(i) ? <p className="field-error">{deeper(i)}</p> : null}
            </>
          ) : (
            <div className="form-row">
              <RecordField form={form} name={`questionnaire.${i}.scale.min`} label={t('min')} kind="number" narrow />
              <RecordField form={form} name={`questionnaire.${i}.scale.max`} label={t('max')} kind="number" narrow />
            </div>
          )}
          {count > 1 ? <button type="button" className="button button-ghost" onClick={() => { removeRow('questionnaire', i, count, FIELDS, form); setCount(count - 1); }}>{t('removeQuestion', { n: i + 1 })}</button> : null}
        </fieldset>
      ))}
      <div className="toolbar">
        <button type="button" className="button button-secondary" onClick={() => { form.set(`questionnaire.${count}.scale.kind`, 'score'); setCount(count + 1); }}>{t('addQuestion')}</button>
        <button type="submit" className="button button-primary" disabled={form.busy}>{t('open')}</button>
      </div>
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
