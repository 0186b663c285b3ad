import type { Role } from './actor';
import type { WorkflowState } from './workflow.definition';

/** Who may complete a task as the state stands: the machine's guards, restated as data the list can filter on. */
export interface TaskHolders {
  /** acting in one of these roles */
  roles: readonly Role[];
  /** a named person (reassigned reviewer, the returned application's applicant); null: anyone holding a role */
  assignee: string | null;
  /** people the guards refuse whatever their role (self-approval, segregation of duties, the requester of an extension) */
  excluded: readonly string[];
}

/** After N working days idle the holder is reminded, after M the leader is told (issue 15); versioned so in-flight tasks keep theirs. */
export interface TaskReminderPolicy {
  version: string;
  remindAfterWorkingDays: number | null;
  escalateAfterWorkingDays: number | null;
  /** the holder's leader: the role group told at escalation */
  escalateTo: Role | null;
}

export interface TaskSubject {
  customerId: string | null;
  /** the customer's or company's name when the stream knows it (the list looks it up otherwise) */
  name: string | null;
}

export interface TaskLink {
  /** console route, e.g. '/#/applications/app-1' */
  console: string;
  /** the workflow resource in the API, e.g. '/applications/app-1' */
  api: string;
}

/**
 * A human task a workflow opens while it waits on a person (Camunda's user task): declared beside
 * the machine, in the workflow definition; the engine derives TaskOpened / TaskCompleted /
 * TaskCancelled from it (docs/adr/0015-human-tasks.md). No workflow writes task code.
 */
export interface TaskDeclaration<TContext = any> {
  /** unique system-wide, `<workflow>.<step>` */
  type: string;
  /** Chinese, as people read it: 开户申请待财务审核 */
  title: string;
  step: string;
  /** the dotted states (or a parent of them) in which the task is open */
  states: readonly string[];
  /** a further condition on the context, for tasks that are not a state of their own (a pending extension) */
  openWhen?(state: WorkflowState<TContext>): boolean;
  /** one key per task of this type open at once (one per expiring document); default [''] */
  keysOf?(state: WorkflowState<TContext>): string[];
  holders(state: WorkflowState<TContext>, key: string): TaskHolders;
  /** whether a holder may let a colleague of the same role act for them (delegation) */
  delegable: boolean;
  /** whether a command's data aims at this task (onboarding's decisions name their step); default: every one of `commands` does */
  targets?(data: Record<string, unknown>): boolean;
  /** the commands that complete it; the first is the one the task list promises the guards accept */
  commands: readonly [string, ...string[]];
  /** due in working days on the official calendar from opening; null: no due time */
  dueWorkingDays: number | null;
  /** a due instant the workflow already keeps (a complaint's SLA deadline); wins over `dueWorkingDays` */
  dueAtOf?(state: WorkflowState<TContext>, key: string): string | null;
  reminders: TaskReminderPolicy;
  /** a reminder instant the workflow already keeps (onboarding's reminderDueAt); wins over `remindAfterWorkingDays` */
  remindAtOf?(state: WorkflowState<TContext>, key: string): string | null;
  subject(state: WorkflowState<TContext>, instanceId: string): TaskSubject;
  link(instanceId: string, state: WorkflowState<TContext>): TaskLink;
  /**
   * A command an administrator's reassignment is carried out by (the workflow keeps its own
   * assignee, as onboarding's ReassignStep); without it the engine records TaskReassigned itself.
   */
  reassignCommand?(state: WorkflowState<TContext>, to: string, reason: string | null): { type: string; data: Record<string, unknown> };
  /**
   * Data for each completing command that a dry run may decide with (a property test, the detail
   * view's "what you may send now"); the console's form is derived from the command's schema.
   */
  sampleData?(commandType: string, state: WorkflowState<TContext>, actorId: string, key: string): Record<string, unknown> | null;
}
