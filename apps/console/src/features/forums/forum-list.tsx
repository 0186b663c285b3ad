import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { featurePath } from '../feature-catalogue';
import { useMyTasks } from '../record-kit/my-tasks';
import type { ForumsList } from './forum-view';
import { useForumsT } from './forums.messages';

const TASKS = ['customer-forum.approve-plan', 'customer-forum.revise-plan', 'customer-forum.file-minutes'] as const;

/** What is waiting for the viewer (plans to approve or revise, minutes to file), each year's status, and the forums held. */
export function ForumList({ minPosition }: { minPosition?: number }) {
  const { t } = useForumsT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const { tasks } = useMyTasks(TASKS, minPosition);
  const [list, setList] = useState<ForumsList | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  useEffect(() => {
    api.get<ForumsList>('/customer-forums', { minPosition }).then((l) => { setList(l); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, gt, minPosition]);

  return (
    <>
      <section className="card" aria-labelledby="forum-tasks-title">
        <h2 id="forum-tasks-title">{t('myTasks')}</h2>
        {tasks.length === 0 ? <p className="empty">{t('myTasksNone')}</p> : (
          <ul className="record-list" data-testid="forum-tasks">
            {tasks.map((task) => (
              <li key={task.taskId}><a href={`#${featurePath('forums', task.instanceId)}`}>{t(`task.${task.type}` as 'task.customer-forum.approve-plan')}</a></li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="forum-held-title">
        <h2 id="forum-held-title">{t('held')}</h2>
        <ErrorAlert error={error} />
        {list ? <p className="muted">{t('years')}：{list.years.map((y) => `${y.year} ${t(`year.${y.status}` as 'year.held')}`).join('；')}</p> : null}
        {list && list.forums.length === 0 ? <p className="empty">{t('heldNone')}</p> : null}
        {list && list.forums.length > 0 ? (
          <ul className="record-list" data-testid="forums-held">
            {list.forums.map((f) => (
              <li key={f.forumId}><a href={`#${featurePath('forums', f.forumId)}`}>{f.title}</a> <span className="muted">{f.heldOn} · {t('attendeesN', { n: f.attendees })}</span></li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
