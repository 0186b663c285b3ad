import type { TaskDeclaration, TaskHolders, TaskLink, TaskReminderPolicy, TaskSubject } from './task.declaration';
import type { AnyWorkflow, WorkflowState } from './workflow.definition';

/** One task the state has open, as its declaration computes it. */
export interface DeclaredTask {
  taskType: string;
  key: string;
  title: string;
  step: string;
  holders: TaskHolders;
  delegable: boolean;
  commands: readonly string[];
  dueWorkingDays: number | null;
  dueAt: string | null;
  remindAt: string | null;
  reminders: TaskReminderPolicy;
  subject: TaskSubject;
  link: TaskLink;
}

const inState = (state: string, declared: string): boolean => state === declared || state.startsWith(`${declared}.`);

export function isOpenIn(declaration: TaskDeclaration, state: WorkflowState<unknown>): boolean {
  if (state.done) return false;
  // a parallel machine's name lists its regions comma-separated
  const active = state.state.split(',');
  if (!declaration.states.some((s) => active.some((a) => inState(a, s)))) return false;
  return declaration.openWhen ? declaration.openWhen(state) : true;
}

/** The tasks the workflow declares open in `state`: pure, the same in the engine, the graph test and the console. */
export function declaredTasks(workflow: AnyWorkflow, state: WorkflowState<unknown>, instanceId: string): DeclaredTask[] {
  return (workflow.tasks ?? [])
    .filter((d) => isOpenIn(d, state))
    .flatMap((d) => (d.keysOf?.(state) ?? ['']).map((key) => ({ d, key })))
    .map(({ d, key }) => ({
      taskType: d.type,
      key,
      title: d.title,
      step: d.step,
      holders: d.holders(state, key),
      delegable: d.delegable,
      commands: d.commands,
      dueWorkingDays: d.dueWorkingDays,
      dueAt: d.dueAtOf?.(state, key) ?? null,
      remindAt: d.remindAtOf?.(state, key) ?? null,
      reminders: d.reminders,
      subject: d.subject(state, instanceId),
      link: d.link(instanceId, state),
    }));
}

export function taskDeclaration(workflow: AnyWorkflow, taskType: string): TaskDeclaration | undefined {
  return workflow.tasks?.find((d) => d.type === taskType);
}
