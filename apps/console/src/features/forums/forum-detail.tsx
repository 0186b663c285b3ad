import { ApproveForumPlan, ReturnForumPlan } from '@crm/relationship';
import { useCallback, useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { featurePath } from '../feature-catalogue';
import { CommandCard } from '../record-kit/command-card';
import { mayDecide, useMyTasks } from '../record-kit/my-tasks';
import { personLabel, useNames } from '../record-kit/names';
import type { CommandAnswer } from '../record-kit/use-record-form';
import { ForumPlanForm } from './forum-plan-form';
import type { ForumView } from './forum-view';
import { departmentLabel, useForumsT } from './forums.messages';
import { MinutesForm } from './minutes-form';

const TASKS = ['customer-forum.approve-plan', 'customer-forum.revise-plan', 'customer-forum.file-minutes'] as const;

/** One forum: its plan in force, the leader's decisions, the minutes; the form of whichever step is the viewer's. */
export function ForumDetail({ forumId, since }: { forumId: string; since?: number }) {
  const { t, lang } = useForumsT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const [forum, setForum] = useState<ForumView | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [position, setPosition] = useState<number | undefined>(since);
  // the step's form goes away once its command is stored: the page says what was done
  const [notice, setNotice] = useState<string | null>(null);
  const done = (what: string) => (at: number) => { setNotice(what); setPosition(at); };
  const { tasks } = useMyTasks(TASKS, position);
  const names = useNames([forum?.plan?.by, forum?.minutes?.by, ...(forum?.decisions.map((d) => d.by) ?? [])]);

  const load = useCallback(async () => {
    try { setForum(await api.get<ForumView>(`/customer-forums/${encodeURIComponent(forumId)}`)); setError(null); } catch (e) { setError(describeError(e, gt)); }
  }, [api, gt, forumId]);
  useEffect(() => void load(), [load, position]);

  const may = (command: string) => mayDecide(tasks, forumId, command);
  const plan = forum?.plan;
  return (
    <article className="stack" data-testid="forum-detail">
      <p><a href={`#${featurePath('forums')}`}>{t('back')}</a></p>
      <ErrorAlert error={error} />
      {forum && plan ? (
        <section className="card" aria-labelledby="forum-plan-title">
          <div className="card-header">
            <h2 id="forum-plan-title">{plan.title}</h2>
            <span className="badge badge-primary" data-state={forum.state}>{t(`state.${forum.state}` as 'state.filed')}</span>
          </div>
          {notice ? <p role="status" className="notice notice-success" data-testid="forum-notice">{notice}</p> : null}
          <h3>{t('plan', { n: plan.planNo })}</h3>
          <p className="muted">{t('submittedBy', { by: personLabel(names, plan.by, lang), at: formatInstant(plan.at) })}</p>
          <dl className="kv">
            <dt>{t('plannedOn')}</dt><dd>{plan.plannedOn}</dd>
            {plan.venue ? <><dt>{t('view.venue')}</dt><dd>{plan.venue}</dd></> : null}
            <dt>{t('invitees')}</dt><dd>{plan.invitees.map((p) => `${p.name}（${p.organisation}）`).join('、')}</dd>
            <dt>{t('view.agenda')}</dt><dd><ol>{plan.agenda.map((a, i) => <li key={i}>{a}</li>)}</ol></dd>
            <dt>{t('view.budget')}</dt><dd>{t('budgetYuan', { n: plan.budgetYuan.toLocaleString('zh-CN') })}</dd>
          </dl>
          {forum.decisions.length > 0 ? (
            <>
              <h3>{t('decisions')}</h3>
              <ul data-testid="forum-decisions">
                {forum.decisions.map((d, i) => (
                  <li key={i}>{t('decisionLine', { by: personLabel(names, d.by, lang), at: formatInstant(d.at), what: t(`decision.${d.type}`), n: d.planNo, text: d.reason ? `：${d.reason}` : d.comment ? `：${d.comment}` : '' })}</li>
                ))}
              </ul>
            </>
          ) : null}
          {forum.state === 'planSubmitted' && !may('ApproveForumPlan') ? <p className="hint">{t('waitingLeader')}</p> : null}
        </section>
      ) : null}
      {forum?.state === 'planSubmitted' && may('ApproveForumPlan') ? (
        <section className="card" aria-label={t('approveTitle')}>
          <CommandCard title={t('approve')} fields={[{ name: 'comment', label: t('comment') }]} body={(v) => ({ comment: v('comment').trim() || undefined })}
            schema={ApproveForumPlan.strict()} call={(body) => api.post<CommandAnswer>(`/customer-forums/${encodeURIComponent(forumId)}/approve`, body)} submitLabel={t('approve')} success={null} onDone={done(t('approved'))} />
          <CommandCard title={t('return')} fields={[{ name: 'reason', label: t('returnReason'), kind: 'textarea' }]} body={(v) => ({ reason: v('reason') })}
            schema={ReturnForumPlan.strict()} call={(body) => api.post<CommandAnswer>(`/customer-forums/${encodeURIComponent(forumId)}/return`, body)} submitLabel={t('return')} success={null}
            confirm={{ question: t('returnConfirm'), label: t('returnConfirmButton') }} onDone={done(t('returned'))} />
        </section>
      ) : null}
      {forum?.state === 'planReturned' && plan && may('ReviseForumPlan') ? (
        <section className="card"><ForumPlanForm returned={{ forumId, plan }} onSent={(_, at) => done(t('resubmitted'))(at)} /></section>
      ) : null}
      {forum?.state === 'planApproved' && may('FileForumMinutes') ? <section className="card"><MinutesForm forumId={forumId} onFiled={done(t('filed'))} /></section> : null}
      {forum?.minutes ? (
        <section className="card" aria-labelledby="forum-minutes-title" data-testid="forum-minutes">
          <h2 id="forum-minutes-title">{t('minutesTitle')}</h2>
          <p className="muted">{t('filedBy', { by: personLabel(names, forum.minutes.by, lang), at: formatInstant(forum.minutes.at) })}</p>
          <dl className="kv">
            <dt>{t('heldOn')}</dt><dd>{forum.minutes.heldOn}</dd>
            <dt>{t('attendees')}</dt><dd>{forum.minutes.attendees.map((p) => `${p.name}（${p.organisation}）`).join('、')}</dd>
            {forum.minutes.topics.length > 0 ? <><dt>{t('view.topics')}</dt><dd>{forum.minutes.topics.join('；')}</dd></> : null}
          </dl>
          <p className="prewrap">{forum.minutes.minutes}</p>
          {forum.minutes.followUps.length > 0 ? (
            <>
              <h3>{t('followUps')}</h3>
              <ul data-testid="forum-follow-ups">
                {forum.minutes.followUps.map((f, i) => <li key={i}>{t('followUpLine', { action: f.action, department: departmentLabel(t, f.department), due: f.dueOn ? t('dueBy', { date: f.dueOn }) : '' })}</li>)}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
