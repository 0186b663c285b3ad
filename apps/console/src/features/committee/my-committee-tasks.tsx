import { featurePath } from '../feature-catalogue';
import { useMyTasks } from '../record-kit/my-tasks';
import { useCommitteeT } from './committee.messages';

const TASKS = ['committee-proposal.vote', 'committee-proposal.policy-vote', 'committee-proposal.group-decision'] as const;

/** The viewer's open committee steps (a vote owed, the group's answer to record), each linking to its proposal. */
export function MyCommitteeTasks({ minPosition }: { minPosition?: number }) {
  const { t } = useCommitteeT();
  const { tasks } = useMyTasks(TASKS, minPosition);
  return (
    <section className="card" aria-labelledby="committee-tasks-title">
      <h2 id="committee-tasks-title">{t('myTasks')}</h2>
      {tasks.length === 0 ? <p className="empty">{t('myTasksNone')}</p> : (
        <ul className="record-list" data-testid="committee-tasks">
          {tasks.map((task) => (
            <li key={task.taskId}><a href={`#${featurePath('committee', 'proposals', task.instanceId)}`}>{t(`task.${task.type}` as 'task.committee-proposal.vote')}</a></li>
          ))}
        </ul>
      )}
    </section>
  );
}
