import { useCallback, useEffect, useState } from 'react';
import { useSignedIn } from '../../auth/session.context';

export interface MyTask { taskId: string; type: string; title: string; instanceId: string; commands: string[]; dueAt: string | null; openedAt: string }

/**
 * The viewer's open tasks of some types (GET /tasks): a decision form shows only where the step is
 * the viewer's to decide, as the task list (guards, separation of duties, delegations) has it.
 */
export function useMyTasks(types: readonly string[], minPosition?: number): { tasks: MyTask[]; reload(): void; loaded: boolean } {
  const { api } = useSignedIn();
  const [tasks, setTasks] = useState<MyTask[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [tick, setTick] = useState(0);
  const key = types.join(',');
  useEffect(() => {
    let live = true;
    Promise.all(key.split(',').map((type) => api.get<{ items: MyTask[] }>('/tasks', { type, limit: 200, minPosition })))
      .then((pages) => { if (live) { setTasks(pages.flatMap((p) => p.items)); setLoaded(true); } }, () => live && setLoaded(true));
    return () => { live = false; };
  }, [api, key, minPosition, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { tasks, reload, loaded };
}

/** Whether the viewer holds an open task on this instance that takes `command`. */
export const mayDecide = (tasks: readonly MyTask[], instanceId: string, command: string): boolean =>
  tasks.some((t) => t.instanceId === instanceId && t.commands.includes(command));
