import type { StoredEvent } from '@crm/event-store';
import type { TaskCompleted, TaskOpened, TaskReassigned, TaskUpdated } from './task.events';

/** An open task as the stream's task facts leave it. */
export interface OpenTaskFact extends TaskOpened {
  /** set by an administrator's TaskReassigned (the engine enforces it; a workflow's own assignee lives in its context) */
  engineAssignee: string | null;
}

export interface ClosedTaskFact {
  opened: TaskOpened;
  completed: TaskCompleted | null;
  closedAt: string;
  position: number;
}

/** Folds a stream's task facts: the tasks still open, and the closed ones (latest last). */
export function taskFactsOf(events: readonly StoredEvent[]): { open: Map<string, OpenTaskFact>; closed: ClosedTaskFact[] } {
  const open = new Map<string, OpenTaskFact>();
  const closed: ClosedTaskFact[] = [];
  for (const event of events) {
    const data = event.data as Record<string, any>;
    if (event.type === 'TaskOpened') open.set(data.taskId, { ...(data as TaskOpened), engineAssignee: null });
    const fact = open.get(data.taskId);
    if (!fact) continue;
    if (event.type === 'TaskUpdated') {
      const u = data as TaskUpdated;
      open.set(u.taskId, { ...fact, roles: u.roles, assignee: u.assignee, excluded: u.excluded, dueAt: u.dueAt });
    } else if (event.type === 'TaskReassigned') {
      const r = data as TaskReassigned;
      open.set(r.taskId, { ...fact, assignee: r.to, engineAssignee: r.to });
    } else if (event.type === 'TaskCompleted' || event.type === 'TaskCancelled') {
      open.delete(data.taskId);
      closed.push({ opened: fact, completed: event.type === 'TaskCompleted' ? (data as TaskCompleted) : null, closedAt: data.at, position: event.position });
    }
  }
  return { open, closed };
}
