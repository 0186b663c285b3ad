import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { named, type Person, roleWord } from '../users/person-label';
import { useDirectory } from '../users/use-directory';
import { taskTitle } from '../inbox/task-titles';
import { ReassignForm } from './reassign-form';
import { type OpenTask, useReassignT } from './reassignment.messages';

/** Every open task with its holder by name; one row at a time opens the reassignment form. */
export function OpenTasks() {
  const { t } = useReassignT();
  const { t: gt, lang } = useI18n();
  const { api } = useSignedIn();
  const [page, setPage] = useState<{ items: OpenTask[]; people: Record<string, Person> } | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const { users } = useDirectory(undefined);

  useEffect(() => {
    api.get<{ items: OpenTask[]; people: Record<string, Person> }>('/tasks/open', { limit: 200 }).then((p) => { setPage(p); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, version, gt]);

  if (error) return <ErrorAlert error={error} />;
  if (!page) return <p className="muted">{t('loading')}</p>;
  const join = (list: string[]) => list.map((r) => roleWord(r, lang)).join(lang === 'en' ? ', ' : '、');
  return (
    <section className="card card-flush" aria-labelledby="open-tasks-total">
      <div className="card-header"><h2 id="open-tasks-total" className="section-title">{t('total', { n: page.items.length })}</h2></div>
      {done ? <p className="alert alert-success" role="status" style={{ margin: 16 }}>{done}</p> : null}
      {page.items.length === 0 ? <p className="empty">{t('none')}</p> : (
        <table className="data-table" data-testid="open-tasks">
          <thead><tr><th scope="col">{t('task')}</th><th scope="col">{t('customer')}</th><th scope="col">{t('roles')}</th><th scope="col">{t('assignee')}</th><th scope="col">{t('due')}</th><th scope="col"><span className="visually-hidden">{t('reassign')}</span></th></tr></thead>
          <tbody>
            {page.items.map((task) => (
              <tr key={task.taskId} data-task={task.taskId}>
                <td>
                  {taskTitle(task, lang)}
                  {open === task.taskId ? (
                    <ReassignForm task={task} people={users ?? []} onCancel={() => setOpen(null)}
                      onDone={(note) => { setOpen(null); setDone(note); setVersion((v) => v + 1); }} />
                  ) : null}
                </td>
                <td>{task.subject.name ?? '—'}</td>
                <td>{join(task.roles)}</td>
                <td>{task.assignee ? named(page.people, task.assignee, lang, t('unknownPerson')) : t('byRole')}</td>
                <td className="nowrap">{task.dueAt ? formatInstant(task.dueAt) : t('noDue')}{task.overdue ? <> <span className="badge badge-danger">{t('overdue')}</span></> : null}</td>
                <td>{open === task.taskId ? null : <button type="button" className="button button-ghost button-small" onClick={() => { setOpen(task.taskId); setDone(null); }}>{t('reassign')}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
