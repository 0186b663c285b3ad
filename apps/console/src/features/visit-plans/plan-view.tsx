import { ApproveVisitPlan, ReturnVisitPlan, SubmitVisitPlan } from '@crm/relationship';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { CommandCard } from '../record-kit/command-card';
import { mayDecide, type MyTask } from '../record-kit/my-tasks';
import { customerLabel, personLabel, useNames } from '../record-kit/names';
import type { CommandAnswer } from '../record-kit/use-record-form';
import { PlanItemsForm } from './plan-items-form';
import { useVisitPlansT, type VisitPlanView } from './visit-plans.messages';

/** One plan: its items by company and month, its decisions; the owner revises and submits a draft, the sales department head decides a submitted one. */
export function PlanView({ plan, mine, tasks, onChanged }: { plan: VisitPlanView; mine: boolean; tasks: MyTask[]; onChanged(position: number): void }) {
  const { t, lang } = useVisitPlansT();
  const { api } = useSignedIn();
  const names = useNames([plan.managerId, ...plan.decisions.map((d) => d.by)], plan.items.map((i) => i.customerId));
  const path = `/visit-plans/${encodeURIComponent(plan.planId)}`;
  return (
    <section className="card" aria-labelledby="visit-plan-title" data-testid="visit-plan">
      <div className="card-header">
        <h2 id="visit-plan-title">{t('planOf', { manager: personLabel(names, plan.managerId, lang), year: plan.year })}</h2>
        <span className="badge badge-primary" data-state={plan.state}>{t(`state.${plan.state}`)}</span>
      </div>
      <div className="table-wrap">
        <table className="data-table" data-testid="visit-plan-items">
          <caption className="visually-hidden">{t('items')}</caption>
          <thead><tr><th scope="col">{t('customer')}</th><th scope="col">{t('month')}</th></tr></thead>
          <tbody>{plan.items.map((i) => <tr key={i.itemId}><td>{customerLabel(names, i.customerId, lang)}</td><td>{t('monthOf', { n: i.month })}</td></tr>)}</tbody>
        </table>
      </div>
      {plan.decisions.length > 0 ? (
        <ul data-testid="visit-plan-decisions">
          {plan.decisions.map((d, i) => <li key={i}>{t('decision', { by: personLabel(names, d.by, lang), at: formatInstant(d.at), what: t(`decision.${d.type}`), text: d.reason ? `：${d.reason}` : d.comment ? `：${d.comment}` : '' })}</li>)}
        </ul>
      ) : null}
      {mine && plan.state === 'drafting' ? (
        <>
          <PlanItemsForm key={plan.items.map((i) => `${i.customerId}${i.month}`).join()} year={plan.year} plan={plan} onSaved={onChanged} />
          <CommandCard title={t('submit')} fields={[]} body={() => ({})} schema={SubmitVisitPlan.strict()} call={(body) => api.post<CommandAnswer>(`${path}/submit`, body)} submitLabel={t('submit')} success={t('submitted')} onDone={onChanged} />
        </>
      ) : null}
      {plan.state === 'submitted' && mayDecide(tasks, plan.planId, 'ApproveVisitPlan') ? (
        <>
          <CommandCard title={t('approve')} fields={[{ name: 'comment', label: t('comment') }]} body={(v) => ({ comment: v('comment').trim() || undefined })} schema={ApproveVisitPlan.strict()} call={(body) => api.post<CommandAnswer>(`${path}/approve`, body)} submitLabel={t('approve')} success={t('approved')} onDone={onChanged} />
          <CommandCard title={t('return')} fields={[{ name: 'reason', label: t('returnReason'), kind: 'textarea' }]} body={(v) => ({ reason: v('reason') })} schema={ReturnVisitPlan.strict()} call={(body) => api.post<CommandAnswer>(`${path}/return`, body)} submitLabel={t('return')} success={t('returned')}
            confirm={{ question: t('returnConfirm'), label: t('returnConfirmButton') }} onDone={onChanged} />
        </>
      ) : null}
    </section>
  );
}
