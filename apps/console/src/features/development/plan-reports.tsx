import { RecordDevelopmentProgress, SubmitMonthlyDevelopmentReport, SubmitDevelopmentPlan } from '@crm/development';
import { useSignedIn } from '../../auth/session.context';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { CommandCard } from '../record-kit/command-card';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import type { PlanTarget } from './development.messages';
import { useDevelopmentT } from './development.messages';
import { PLAN_WORDING } from './plan-wording';

const ProgressBody = RecordDevelopmentProgress.omit({ entryId: true }).strict();
const optional = (raw: string) => (raw.trim() === '' ? undefined : raw);

/** R-DEV-2: the draft goes to the department head (企业发展部主任) once it is complete. */
export function SubmitPlanCard({ planId, onDone }: { planId: string; onDone(position: number): void }) {
  const { t } = useDevelopmentT();
  const { api } = useSignedIn();
  return (
    <section className="card" data-testid="plan-submit">
      <CommandCard title={t('submitTitle')} intro={t('submitIntro')} fields={[]} body={() => ({})} schema={SubmitDevelopmentPlan.strict()}
        call={(body) => api.post<CommandAnswer>(`/development-plans/${encodeURIComponent(planId)}/submit`, body)}
        submitLabel={t('submit')} success={null} onDone={onDone} />
    </section>
  );
}

/** R-DEV-3: one progress entry against one target, in the week's summary (named by its Monday) or the month's report. */
export function ProgressForm({ planId, targets, prospectName, onDone }: { planId: string; targets: PlanTarget[]; prospectName(id: string): string; onDone(position: number): void }) {
  const { t } = useDevelopmentT();
  const { api } = useSignedIn();
  const form = useRecordForm({ targetId: targets[0]?.targetId ?? '', 'period.kind': 'weekly', achieved: 'no' }, { wording: PLAN_WORDING });
  const weekly = form.value('period.kind') === 'weekly';

  async function submit() {
    const period = weekly ? { kind: 'weekly', weekStarting: form.value('period.weekStarting') } : { kind: 'monthly', month: form.value('period.month') };
    const body = {
      targetId: form.value('targetId'), period, summary: form.value('summary'), achieved: form.value('achieved') === 'yes',
      problems: optional(form.value('problems')), supportNeeded: optional(form.value('supportNeeded')),
    };
    if (!form.check(ProgressBody, body)) return;
    const answer = await form.send(() => api.post<CommandAnswer>(`/development-plans/${encodeURIComponent(planId)}/progress`, body), () => t('progressRecorded'), { reset: true });
    if (answer) {
      form.setValues({ targetId: body.targetId, 'period.kind': period.kind, achieved: 'no' });
      onDone(answer.position);
    }
  }

  return (
    <section className="card" data-testid="plan-progress-form">
      <RecordFormFrame title={t('progressFormTitle')} intro={t('progressFormIntro')} onSubmit={() => void submit()}>
        <div className="form-row">
          <RecordField form={form} name="targetId" label={t('target')} kind="select" options={targets.map((x) => ({ value: x.targetId, label: `${prospectName(x.prospectId)}：${x.goal}` }))} />
          <RecordField form={form} name="period.kind" label={t('periodKind')} kind="select" narrow
            options={[{ value: 'weekly', label: t('kind.weekly') }, { value: 'monthly', label: t('kind.monthly') }]} />
          {weekly
            ? <RecordField form={form} name="period.weekStarting" label={t('weekStarting')} kind="date" narrow />
            : <RecordField form={form} name="period.month" label={t('month')} kind="month" narrow />}
        </div>
        <RecordField form={form} name="summary" label={t('summary')} kind="textarea" />
        <RecordField form={form} name="achieved" label={t('targetMet')} kind="select" narrow options={[{ value: 'no', label: t('targetMet.no') }, { value: 'yes', label: t('targetMet.yes') }]} />
        <RecordField form={form} name="problems" label={t('problemsOptional')} kind="textarea" />
        <RecordField form={form} name="supportNeeded" label={t('supportNeededOptional')} kind="textarea" />
        <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('recordProgress')}</button></div>
        <FormOutcome form={form} />
      </RecordFormFrame>
    </section>
  );
}

/** R-DEV-3 提交月度完成情况上报部门经理、总经理: once per month, once the month has begun. */
export function MonthlyReportForm({ planId, onDone }: { planId: string; onDone(position: number): void }) {
  const { t } = useDevelopmentT();
  const { api } = useSignedIn();
  return (
    <section className="card" data-testid="plan-monthly-form">
      <CommandCard title={t('monthlyFormTitle')} intro={t('monthlyFormIntro')}
        fields={[{ name: 'month', label: t('month'), kind: 'month', narrow: true }, { name: 'summary', label: t('monthlySummary'), kind: 'textarea' }]}
        body={(v) => ({ month: v('month'), summary: v('summary') })} schema={SubmitMonthlyDevelopmentReport.strict()} wording={PLAN_WORDING}
        call={(body) => api.post<CommandAnswer>(`/development-plans/${encodeURIComponent(planId)}/monthly-report`, body)}
        submitLabel={t('submitMonthly')} success={t('monthlySubmitted')} onDone={onDone} />
    </section>
  );
}
