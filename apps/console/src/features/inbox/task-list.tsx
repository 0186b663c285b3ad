import type { Role } from '@crm/workflow-kit';
import { formatHours } from '../../format/duration';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { taskTitle } from './task-titles';
import { useTasksT } from './tasks.messages';

export interface TaskItem {
  taskId: string;
  type: string;
  title: string;
  step: string;
  workflow: string;
  instanceId: string;
  subject: { customerId: string | null; name: string | null };
  assignee: string | null;
  onBehalfOf: string | null;
  openedAt: string;
  dueAt: string | null;
  overdue: boolean;
  waitingWorkingHours: number;
  leftWorkingHours: number | null;
  link: { console: string; api: string };
}

export type People = Record<string, { name: string; roles: Role[] }>;

/** 姓名（角色）, as people are shown everywhere in the console; the id when the person is unknown. */
export function usePersonLabel(people: People): (id: string) => string {
  const { t, lang } = useI18n();
  return (id) => {
    const person = people[id];
    if (!person) return id;
    const roles = person.roles.map((r) => t(`role.${r}`)).join(lang === 'en' ? ', ' : '、');
    return lang === 'en' ? `${person.name} (${roles})` : `${person.name}（${roles}）`;
  };
}

/** The console route of a task's workflow page: the API gives '/#/…', the router wants '#/…'. */
export const taskHref = (task: TaskItem) => task.link.console.replace(/^\/?#?/, '#');

function TaskDue({ task }: { task: TaskItem }) {
  const { t, lang } = useTasksT();
  if (!task.dueAt) return <span className="muted">{t('noDue')}</span>;
  return (
    <>
      <div className={task.overdue ? 'waiting-long' : ''}>{task.overdue ? t('overdue') : t('hours', { n: formatHours(task.leftWorkingHours ?? 0, lang) })}</div>
      <div className="muted small">{t('due', { at: formatInstant(task.dueAt) })}</div>
    </>
  );
}

/** One row per task, whatever its workflow; onboarding's open in place (the decision form), others on their page. */
export function TaskList({ items, people, onOpenApplication }: { items: TaskItem[]; people: People; onOpenApplication(id: string): void }) {
  const { t, lang } = useTasksT();
  const person = usePersonLabel(people);
  return (
    <div className="card card-flush">
      <table className="data-table" data-testid="inbox-table">
        <thead>
          <tr>
            <th scope="col">{t('task')}</th>
            <th scope="col">{t('subject')}</th>
            <th scope="col">{t('waiting')}</th>
            <th scope="col">{t('left')}</th>
            <th scope="col"><span className="visually-hidden">{t('open')}</span></th>
          </tr>
        </thead>
        <tbody>
          {items.map((task) => {
            const application = task.workflow === 'onboarding' && task.link.console.includes('/inbox/') ? task.instanceId : undefined;
            return (
              <tr key={task.taskId} data-task-type={task.type}>
                <td>
                  <span className="badge badge-primary">{taskTitle(task, lang)}</span>
                  {task.onBehalfOf ? <div className="muted small" data-testid="task-on-behalf-of">{t('onBehalfOf', { name: person(task.onBehalfOf) })}</div> : null}
                  {task.assignee && !task.onBehalfOf ? <div className="muted small">{t('assignedToMe')}</div> : null}
                </td>
                <td>
                  <div>{task.subject.name ?? task.subject.customerId ?? '—'}</div>
                </td>
                <td>
                  <div>{t('hours', { n: formatHours(task.waitingWorkingHours, lang) })}</div>
                  <div className="muted small">{t('since', { at: formatInstant(task.openedAt) })}</div>
                </td>
                <td><TaskDue task={task} /></td>
                <td className="num">
                  <a
                    className="button button-secondary button-small"
                    href={taskHref(task)}
                    data-application={application}
                    data-task={task.taskId}
                    onClick={application ? (e) => { e.preventDefault(); onOpenApplication(application); } : undefined}
                    aria-label={`${t('open')} ${taskTitle(task, lang)} ${task.subject.name ?? ''}`}
                  >
                    {t('open')}
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
