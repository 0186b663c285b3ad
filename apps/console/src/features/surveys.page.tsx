import { ApproveImprovementPlan, IssueSurveyReport, ReturnImprovementPlan, ReviewSurveyReport, SubmitImprovementPlan } from '@crm/relationship';
import { useCallback, useEffect, useId, useState } from 'react';
import { describeError, type ErrorDescription } from '../api/describe-error';
import { ApiError } from '../api/problem';
import { hasAnyRole } from '../auth/session';
import { useSignedIn } from '../auth/session.context';
import { formatInstant } from '../format/shanghai-time';
import { useI18n } from '../i18n/i18n.context';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeading } from '../shell/page-heading';
import type { FeaturePageProps } from './feature-pages';
import { CommandCard } from './record-kit/command-card';
import type { CommandAnswer } from './record-kit/use-record-form';
import { mayDecide, useMyTasks } from './record-kit/my-tasks';
import { customerLabel, personLabel, useNames } from './record-kit/names';
import { OpenSurveyForm } from './surveys/open-survey-form';
import { ResponseForm } from './surveys/response-form';
import { SurveyReport } from './surveys/survey-report';
import { SurveyResponses } from './surveys/survey-responses';
import { linesOf, type SurveyView } from './surveys/survey-view';
import { useSurveysT } from './surveys/surveys.messages';
import '../components/components.css';
import '../components/onboarding.css';
import './record-kit/record-kit.css';

const TASKS = ['satisfaction-survey.review-report', 'satisfaction-survey.approve-plan'] as const;
const beijingYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4));

/** 满意度调查 (R-SURV-1): the year's campaign — questionnaire, responses, report and its review, the improvement plan. */
export default function SurveysPage({ segments }: FeaturePageProps) {
  const { t, lang } = useSurveysT();
  const { t: gt } = useI18n();
  const { api, session } = useSignedIn();
  const yearId = useId();
  const [year, setYear] = useState(() => Number(segments[0]) || beijingYear());
  const [survey, setSurvey] = useState<SurveyView | null | undefined>();
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [position, setPosition] = useState<number | undefined>();
  const [formKey, setFormKey] = useState(0);
  const isSales = hasAnyRole(session.user, ['sales_reviewer']);
  const { tasks } = useMyTasks(TASKS, position);
  const names = useNames(
    [survey?.campaign?.by, survey?.report?.by, survey?.review?.by, survey?.improvementPlan?.by, survey?.decision?.by, ...(survey?.responses.map((r) => r.by) ?? [])],
    survey?.responses.map((r) => r.customerId) ?? [],
  );

  const load = useCallback(async () => {
    try {
      setSurvey(await api.get<SurveyView>(`/satisfaction-surveys/${year}`));
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) { setSurvey(null); setError(null); } else setError(describeError(e, gt));
    }
  }, [api, gt, year]);
  useEffect(() => void load(), [load, position]);
  const done = (at: number) => { setPosition(at); setFormKey((k) => k + 1); };
  const instance = String(year);
  const state = survey?.state;

  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.surveys.title')}</PageHeading>
      <div className="field field-narrow">
        <label htmlFor={yearId}>{t('year')}</label>
        <input id={yearId} type="number" min={2000} max={2099} value={year} onChange={(e) => { const y = Number(e.target.value); if (y >= 2000 && y <= 2099) setYear(y); }} />
      </div>
      <ErrorAlert error={error} />
      {survey === null ? <p className="empty">{t('none')}</p> : null}
      {survey === null && isSales ? <section className="card"><OpenSurveyForm key={`o${year}`} year={year} onOpened={done} /></section> : null}
      {survey ? (
        <>
          <section className="card" aria-labelledby="survey-title" data-testid="survey">
            <div className="card-header">
              <h2 id="survey-title">{survey.campaign?.title}</h2>
              <span className="badge badge-primary" data-state={survey.state}>{t(`state.${survey.state}` as 'state.collecting')}</span>
            </div>
            <h3>{t('questionnaire')}</h3>
            <ol data-testid="survey-questionnaire">
              {survey.questionnaire.map((q) => (
                <li key={q.questionId}>{q.text}<span className="muted">（{q.scale.kind === 'score' ? t('scaleOf.score', { min: q.scale.min, max: q.scale.max }) : q.scale.options.map((o) => `${o.label}=${o.score}`).join('、')}）</span></li>
              ))}
            </ol>
            {state === 'collecting' && isSales ? <ResponseForm key={`r${formKey}`} year={year} questionnaire={survey.questionnaire} customerName={(id) => customerLabel(names, id, lang)} onRecorded={setPosition} /> : null}
          </section>
          <SurveyResponses survey={survey} names={names} lang={lang} t={t} />
          {state === 'collecting' && isSales ? (
            <section className="card">
              <CommandCard key={`i${formKey}`} title={t('reportTitle')} fields={[{ name: 'summary', label: t('summary'), kind: 'textarea' }]} body={(v) => ({ summary: v('summary') })}
                schema={IssueSurveyReport.strict()} call={(b) => api.post<CommandAnswer>(`/satisfaction-surveys/${year}/report`, b)} submitLabel={t('issue')} success={t('issued')} onDone={done} />
            </section>
          ) : null}
          <SurveyReport survey={survey} names={names} lang={lang} t={t} />
          {state === 'reportInReview' && !mayDecide(tasks, instance, 'ReviewSurveyReport') ? <p className="hint">{t('waitingReview')}</p> : null}
          {state === 'reportInReview' && mayDecide(tasks, instance, 'ReviewSurveyReport') ? (
            <section className="card">
              <CommandCard key={`v${formKey}`} title={t('reviewTitle')} fields={[{ name: 'comment', label: t('reviewComment'), kind: 'textarea' }]} body={(v) => ({ comment: v('comment').trim() || undefined })}
                schema={ReviewSurveyReport.strict()} call={(b) => api.post<CommandAnswer>(`/satisfaction-surveys/${year}/report/review`, b)} submitLabel={t('review')} success={t('reviewed')} onDone={done} />
            </section>
          ) : null}
          {improvementPlan(survey)}
        </>
      ) : null}
    </section>
  );

  /** a render helper, not a component: a component declared here would remount (and lose typed text) on every render */
  function improvementPlan(survey: SurveyView) {
    const plan = survey.improvementPlan;
    const returned = survey.decision?.type === 'ImprovementPlanReturned' && survey.state === 'reported';
    const mayPlan = isSales && survey.state === 'reported';
    const decide = survey.state === 'planSubmitted' && mayDecide(tasks, instance, 'ApproveImprovementPlan');
    if (!plan && !mayPlan) return null;
    const sep = lang === 'en' ? ': ' : '：';
    return (
      <section className="card" aria-labelledby="survey-plan-title" data-testid="survey-plan">
        <h2 id="survey-plan-title">{t('planTitle')}</h2>
        {plan ? (
          <>
            <p className="muted">{t('planBy', { n: plan.planNo, by: personLabel(names, plan.by, lang), at: formatInstant(plan.at) })}</p>
            <ul>{plan.measures.map((m, i) => <li key={i}>{m}</li>)}</ul>
          </>
        ) : null}
        {survey.decision ? (
          <p className={returned ? 'notice notice-warning' : 'notice notice-success'}>
            {t('decision', { by: personLabel(names, survey.decision.by, lang), at: formatInstant(survey.decision.at), what: t(`decision.${survey.decision.type}`), text: survey.decision.reason ? `${sep}${survey.decision.reason}` : survey.decision.comment ? `${sep}${survey.decision.comment}` : '' })}
          </p>
        ) : null}
        {mayPlan ? (
          <CommandCard key={`p${formKey}`} title={t('submitPlan')} fields={[{ name: 'measures', label: t('measures'), kind: 'textarea' }]} body={(v) => ({ measures: linesOf(v('measures')) })}
            schema={SubmitImprovementPlan.strict()} call={(b) => api.post<CommandAnswer>(`/satisfaction-surveys/${year}/improvement-plan`, b)} submitLabel={t('submitPlan')} success={t('planSubmitted')} onDone={done} />
        ) : null}
        {decide ? (
          <>
            <CommandCard key={`a${formKey}`} title={t('approve')} fields={[{ name: 'comment', label: t('approveComment') }]} body={(v) => ({ comment: v('comment').trim() || undefined })}
              schema={ApproveImprovementPlan.strict()} call={(b) => api.post<CommandAnswer>(`/satisfaction-surveys/${year}/improvement-plan/approve`, b)} submitLabel={t('approve')} success={t('approved')} onDone={done} />
            <CommandCard key={`b${formKey}`} title={t('return')} fields={[{ name: 'reason', label: t('returnReason'), kind: 'textarea' }]} body={(v) => ({ reason: v('reason') })}
              schema={ReturnImprovementPlan.strict()} call={(b) => api.post<CommandAnswer>(`/satisfaction-surveys/${year}/improvement-plan/return`, b)} submitLabel={t('return')} success={t('returned')}
              confirm={{ question: t('returnConfirm'), label: t('returnConfirmButton') }} onDone={done} />
          </>
        ) : null}
      </section>
    );
  }
}
