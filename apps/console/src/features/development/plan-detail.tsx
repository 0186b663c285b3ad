import { useCallback, useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { hasAnyRole } from '../../auth/session';
import { CommandForm } from '../../components/command-form';
import { formatInstant, localInputNow } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { personLabel, useNames } from '../record-kit/names';
import { type Answer, labelFor, type MonthlyReport, type PlanDetail as Detail, type ProgressEntry, type Prospect, useDevelopmentT } from './development.messages';
import { PlanStateBadge } from './plans-card';
import { AssessmentForm } from './assessment-form';
import { PlanForm } from './plan-form';
import { MonthlyReportForm, ProgressForm, SubmitPlanCard } from './plan-reports';

/** R-DEV-2: the sales department's development specialists and the customer managers draft, revise, submit and report. */
const DRAFTERS = ['sales_reviewer', 'customer_manager'] as const;
/** R-DEV-3: the monthly completion report may go up while the plan runs and after its deadline. */
const REPORTING = new Set(['approved', 'concluded', 'assessment']);

/** '2026-Q4' → ['2026-10', '2026-11', '2026-12'] */
const monthsOf = (quarter: string) => {
  const [year, q] = quarter.split('-Q');
  return [1, 2, 3].map((i) => `${year}-${String((Number(q) - 1) * 3 + i).padStart(2, '0')}`);
};

/** R-DEV-2/R-DEV-3: one plan: content, approvals, the quarter's progress, and the decision its approver owes. */
export function PlanDetail({ id }: { id: string }) {
  const { t } = useDevelopmentT();
  const { t: gt, lang } = useI18n();
  const { api, session } = useSignedIn();
  const [monthly, setMonthly] = useState<MonthlyReport[]>([]);
  const [plan, setPlan] = useState<Detail | null>(null);
  const [progress, setProgress] = useState<ProgressEntry[]>([]);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async (minPosition?: number) => {
    try {
      const p = await api.get<Detail>(`/development-plans/${encodeURIComponent(id)}`);
      setPlan(p);
      setError(null);
      if (!p.content) return;
      const months = await Promise.all(
        monthsOf(p.content.quarter).map((month) =>
          api.get<{ reports: ProgressEntry[]; weeklySummaries: ProgressEntry[]; submitted: MonthlyReport | null }>(`/development-plans/${encodeURIComponent(id)}/monthly`, { month, minPosition })),
      );
      setProgress(months.flatMap((m) => [...m.weeklySummaries, ...m.reports]));
      setMonthly(months.flatMap((m) => (m.submitted ? [m.submitted] : [])));
    } catch (e) {
      setError(describeError(e, gt));
    }
  }, [api, id, gt]);
  useEffect(() => void load(), [load]);
  // the targets name prospects by id: the company's name is what the reader knows
  const [prospects, setProspects] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    api.get<{ items: Prospect[] }>('/prospects').then((page) => setProspects(new Map(page.items.map((p) => [p.prospectId, p.companyName]))), () => undefined);
  }, [api]);
  const prospectName = (id: string | undefined) => (id ? prospects.get(id) ?? t('prospect') : '—');
  const names = useNames([
    ...(plan?.authors ?? []), plan?.departmentHeadApproval?.by, plan?.meetingApproval?.by, ...progress.map((e) => e.reportedBy), ...monthly.map((m) => m.submittedBy),
    ...(plan?.content?.targets.map((x) => x.customerManagerId) ?? []), ...(plan?.assessed ?? []).flatMap((a) => [a.by, a.customerManagerId]),
  ]);
  const who = (username: string | null | undefined) => personLabel(names, username, lang);

  if (!plan?.content) return <ErrorAlert error={error} />;
  const c = plan.content;
  const path = `/development-plans/${encodeURIComponent(id)}`;
  const onDone = (result: unknown) => {
    const answer = result as Answer;
    setNotice(t('decided', { state: labelFor(t, 'state', answer.state ?? '') }));
    void load(answer.position);
  };
  const drafter = hasAnyRole(session.user, DRAFTERS);
  const afterWrite = (position: number) => { setNotice(null); void load(position); };
  const yetToAssess = (plan.assessment?.managers ?? []).map((m) => m.customerManagerId).filter((m) => !plan.assessed.some((a) => a.customerManagerId === m));
  const headDecides = plan.state === 'review.departmentHead' && hasAnyRole(session.user, ['supervisor']);
  const meetingDecides = plan.state === 'review.managersMeeting' && hasAnyRole(session.user, ['general_manager']);
  const reasonButtons = [
    { label: t('return'), tone: 'secondary' as const, uses: ['reason'], send: (body: Record<string, unknown>) => api.post(`${path}/return`, body) },
    { label: t('reject'), tone: 'danger' as const, uses: ['reason'], send: (body: Record<string, unknown>) => api.post(`${path}/reject`, body) },
  ];
  const reasonField = { name: 'reason', label: t('reason'), kind: 'textarea' as const };

  return (
    <article className="stack" aria-labelledby="plan-title" data-testid="plan-detail">
      <div className="card">
        <div className="card-header">
          <h2 id="plan-title">{t('plan')} · {c.quarter}</h2>
          <PlanStateBadge state={plan.state} />
        </div>
        {notice ? <p role="status" className="notice notice-success" data-testid="plan-notice">{notice}</p> : null}
        <dl className="kv kv-columns">
          <dt>{t('deadline')}</dt><dd>{formatInstant(c.deadline)}</dd>
          <dt>{t('budget')}</dt><dd>{c.budgetYuan.toLocaleString('zh-CN')}</dd>
          <dt>{t('drafter')}</dt><dd>{plan.authors.map(who).join('、')}</dd>
          <dt>{t('departmentHead')}</dt>
          <dd>{plan.departmentHeadApproval ? t('approvedBy', { by: who(plan.departmentHeadApproval.by), at: formatInstant(plan.departmentHeadApproval.at) }) : t('pending')}</dd>
          <dt>{t('managersMeeting')}</dt>
          <dd>
            {plan.meetingApproval
              ? `${t('approvedBy', { by: who(plan.meetingApproval.by), at: formatInstant(plan.meetingApproval.at) })}（${t('meetingHeld', { at: formatInstant(plan.meetingApproval.heldAt) })}）`
              : t('pending')}
          </dd>
        </dl>
      </div>

      {plan.state === 'draft' && drafter ? (
        <>
          <SubmitPlanCard planId={id} onDone={(position) => { setNotice(t('submittedNotice')); void load(position); }} />
          <section className="card" data-testid="plan-revise">
            <PlanForm key={plan.revision} plan={{ id, content: c }} onSent={(_, position) => afterWrite(position)} />
          </section>
        </>
      ) : null}
      {headDecides ? (
        <section className="card" aria-label={t('decideHeadTitle')}>
          <CommandForm
            title={t('decideHeadTitle')}
            fields={[{ name: 'comment', label: t('comment'), kind: 'textarea', optional: true }, reasonField]}
            buttons={[{ label: t('approve'), uses: ['comment'], send: (body) => api.post(`${path}/department-head/approve`, body) }, ...reasonButtons]}
            onDone={onDone}
          />
        </section>
      ) : null}
      {meetingDecides ? (
        <section className="card" aria-label={t('decideMeetingTitle')}>
          <CommandForm
            title={t('decideMeetingTitle')}
            fields={[
              { name: 'minutes', label: t('minutes'), kind: 'textarea' },
              { name: 'heldAt', label: t('heldAt'), kind: 'datetime', initial: localInputNow() },
              reasonField,
            ]}
            buttons={[{ label: t('recordMeeting'), uses: ['minutes', 'heldAt'], send: (body) => api.post(`${path}/managers-meeting/approve`, body) }, ...reasonButtons]}
            onDone={onDone}
          />
        </section>
      ) : null}

      <section className="card" aria-labelledby="targets-title">
        <h2 id="targets-title">{t('targetsTitle')}</h2>
        <table className="data-table" data-testid="plan-targets">
          <thead>
            <tr>
              <th scope="col">{t('prospect')}</th>
              <th scope="col">{t('goal')}</th>
              <th scope="col" className="num">{t('targetTonnes')}</th>
              <th scope="col">{t('manager')}</th>
              <th scope="col">{t('achieved')}</th>
            </tr>
          </thead>
          <tbody>
            {c.targets.map((target) => {
              const done = plan.achievedTargets.includes(target.targetId);
              return (
                <tr key={target.targetId}>
                  <td>{prospectName(target.prospectId)}</td>
                  <td>{target.goal}</td>
                  <td className="num">{target.targetTonnes ?? '—'}</td>
                  <td>{target.customerManagerId ? who(target.customerManagerId) : '—'}</td>
                  <td><span className={`badge ${done ? 'badge-success' : 'badge-muted'}`}>{done ? t('yes') : t('no')}</span></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      {c.supportRequested.length > 0 ? (
        <section className="card" aria-labelledby="support-title">
          <h2 id="support-title">{t('supportTitle')}</h2>
          <ul className="list-plain">
            {c.supportRequested.map((s, i) => <li key={i}><strong>{s.department}</strong>：{s.request}</li>)}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="progress-title">
        <h2 id="progress-title">{t('progressTitle')}</h2>
        {progress.length === 0 ? (
          <p className="empty">{t('progressEmpty')}</p>
        ) : (
          <table className="data-table" data-testid="plan-progress">
            <thead>
              <tr>
                <th scope="col">{t('period')}</th>
                <th scope="col">{t('prospect')}</th>
                <th scope="col">{t('summary')}</th>
                <th scope="col">{t('reportedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {progress.map((e) => (
                <tr key={e.entryId}>
                  <td className="nowrap">{e.kind === 'weekly' ? t('weekOf', { week: e.weekStarting ?? '' }) : t('monthOf', { month: e.month })}</td>
                  <td>{prospectName(c.targets.find((x) => x.targetId === e.targetId)?.prospectId)}</td>
                  <td>
                    {e.summary}
                    {e.achieved ? <> <span className="badge badge-success">{t('yes')}</span></> : null}
                    {e.problems ? <div className="muted small">{t('problems')}：{e.problems}</div> : null}
                  </td>
                  <td><div>{who(e.reportedBy)}</div><div className="muted small">{formatInstant(e.reportedAt)}</div></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {plan.state === 'approved' && drafter ? <ProgressForm planId={id} targets={c.targets} prospectName={prospectName} onDone={afterWrite} /> : null}

      <section className="card" aria-labelledby="monthly-title">
        <h2 id="monthly-title">{t('monthlyTitle')}</h2>
        {monthly.length === 0 ? <p className="empty">{t('monthlyEmpty')}</p> : (
          <table className="data-table" data-testid="plan-monthly-reports">
            <thead>
              <tr>
                <th scope="col">{t('month')}</th>
                <th scope="col">{t('monthlySummary')}</th>
                <th scope="col">{t('targetsAchievedN')}</th>
                <th scope="col">{t('submittedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {monthly.map((m) => (
                <tr key={m.month} data-month={m.month}>
                  <td className="nowrap">{m.month}</td>
                  <td>{m.summary}</td>
                  <td className="num">{t('achievedOf', { n: m.achieved.length, total: m.achieved.length + m.notAchieved.length })}</td>
                  <td><div>{who(m.submittedBy)}</div><div className="muted small">{formatInstant(m.submittedAt)}</div></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {REPORTING.has(plan.state) && drafter ? <MonthlyReportForm planId={id} onDone={afterWrite} /> : null}

      {plan.assessed.length > 0 ? (
        <section className="card" aria-labelledby="assessed-title">
          <h2 id="assessed-title">{t('assessedTitle')}</h2>
          <ul className="list-plain" data-testid="plan-assessed">
            {plan.assessed.map((a) => (
              <li key={a.customerManagerId}>
                {t('assessedLine', { manager: who(a.customerManagerId), result: labelFor(t, 'result', a.result), comment: a.comment, payout: a.payoutYuan === null ? t('noPayout') : t('payoutYuan', { n: a.payoutYuan.toLocaleString('zh-CN') }), by: who(a.by), at: formatInstant(a.at) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {plan.state === 'assessment' ? <AssessmentForm planId={id} managers={yetToAssess} onAssessed={(at) => void load(at)} /> : null}
    </article>
  );
}
