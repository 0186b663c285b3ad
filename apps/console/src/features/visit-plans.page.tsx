import { useCallback, useEffect, useId, useState } from 'react';
import { describeError, type ErrorDescription } from '../api/describe-error';
import { ApiError } from '../api/problem';
import { hasAnyRole } from '../auth/session';
import { useSignedIn } from '../auth/session.context';
import { useI18n } from '../i18n/i18n.context';
import { taskTitle } from './inbox/task-titles';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeading } from '../shell/page-heading';
import { featurePath } from './feature-catalogue';
import type { FeaturePageProps } from './feature-pages';
import { useMyTasks } from './record-kit/my-tasks';
import { PlanItemsForm } from './visit-plans/plan-items-form';
import { PlanView } from './visit-plans/plan-view';
import { useVisitPlansT, type VisitPlanView } from './visit-plans/visit-plans.messages';
import '../components/components.css';
import '../components/onboarding.css';
import './record-kit/record-kit.css';

const beijingYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4));

/** 走访计划 (R-VISIT-1): `#/visit-plans` — my plan of a year, and the plans waiting for my approval; `#/visit-plans/<id>` — one plan. */
export default function VisitPlansPage({ segments }: FeaturePageProps) {
  const { t } = useVisitPlansT();
  const { t: gt, lang } = useI18n();
  const { api, session } = useSignedIn();
  const yearId = useId();
  const isManager = hasAnyRole(session.user, ['customer_manager']);
  const [year, setYear] = useState(beijingYear);
  const [position, setPosition] = useState<number | undefined>();
  const [plan, setPlan] = useState<VisitPlanView | null | undefined>();
  const [error, setError] = useState<ErrorDescription | null>(null);
  const { tasks } = useMyTasks(['visit-plan.approve'], position);
  const planId = segments[0] ?? (isManager ? `${session.user.id}.${year}` : null);

  const load = useCallback(async () => {
    if (!planId) return;
    try { setPlan(await api.get<VisitPlanView>(`/visit-plans/${encodeURIComponent(planId)}`)); setError(null); } catch (e) {
      if (e instanceof ApiError && e.status === 404) { setPlan(null); setError(null); } else setError(describeError(e, gt));
    }
  }, [api, gt, planId]);
  useEffect(() => void load(), [load, position]);

  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.visit-plans.title')}</PageHeading>
      {segments[0] ? <p><a href={`#${featurePath('visit-plans')}`}>{t('back')}</a></p> : null}
      {!segments[0] && isManager ? (
        <div className="field field-narrow">
          <label htmlFor={yearId}>{t('year')}</label>
          <input id={yearId} type="number" min={2000} max={2099} value={year} onChange={(e) => { const y = Number(e.target.value); if (y >= 2000 && y <= 2099) setYear(y); }} />
        </div>
      ) : null}
      <ErrorAlert error={error} />
      {plan ? <PlanView plan={plan} mine={plan.managerId === session.user.id} tasks={tasks} onChanged={setPosition} /> : null}
      {plan === null && isManager && !segments[0] ? (
        <section className="card"><p className="empty">{t('none')}</p><PlanItemsForm key={year} year={year} plan={null} onSaved={setPosition} /></section>
      ) : null}
      {!segments[0] && hasAnyRole(session.user, ['sales_reviewer']) ? (
        <section className="card" aria-labelledby="visit-plans-todo">
          <h2 id="visit-plans-todo">{t('toApprove')}</h2>
          {tasks.length === 0 ? <p className="empty">{t('toApproveNone')}</p> : (
            <ul className="record-list" data-testid="visit-plan-tasks">
              {tasks.map((task) => <li key={task.taskId}><a href={`#${featurePath('visit-plans', task.instanceId)}`}>{taskTitle(task, lang)}</a></li>)}
            </ul>
          )}
        </section>
      ) : null}
    </section>
  );
}
