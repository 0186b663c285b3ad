import type { AnyStateMachine, StateValue } from 'xstate';
import type { ZodType } from 'zod';
import type { AnyCommand } from './command';
import type { CustomerRef } from './customer-ref';
import type { FileRef } from './file-ref';
import type { PersonRef } from './person-ref';
import type { AnyDomainEvent } from './domain-event';
import type { TaskDeclaration } from './task.declaration';
import type { WorkflowVocabulary } from './workflow.vocabulary';

/** A business deadline a workflow needs while it is in some state (architecture.md: durable timers). */
export interface DeadlineSpec {
  /** stable name within the workflow instance, e.g. 'sla-warning' */
  key: string;
  /** ISO 8601 instant at which it falls due */
  dueAt: string;
  /** the command the scheduler issues when it falls due (acting as the scheduler) */
  command: { type: string; data: Record<string, unknown> };
}

/** What deciders see: the machine's state after replaying the stream. */
export interface WorkflowState<TContext> {
  /** dotted state path, e.g. 'review.finance' */
  state: string;
  value: StateValue;
  context: TContext;
  done: boolean;
  /** last stream revision folded in; null for an instance that does not exist yet */
  revision: number | null;
}

/**
 * Everything the engine needs to run one workflow: the machine holds states, transitions and
 * guards; `decide` turns a command into events; the engine checks every produced event against
 * the machine (`snapshot.can`) before anything is appended, so no rule lives outside the machine.
 */
export interface WorkflowDefinition<
  TCommand extends AnyCommand = AnyCommand,
  TEvent extends AnyDomainEvent = AnyDomainEvent,
  TContext = unknown,
  TServices = unknown,
> {
  name: string;
  /** machine version recorded on every event; see docs/adr/0005-workflow-versioning.md */
  version: string;
  /** streams are named `${streamPrefix}-${id}` */
  streamPrefix: string;
  machine: AnyStateMachine;
  commandSchemas: { [K in TCommand['type']]: ZodType<Extract<TCommand, { type: K }>['data']> };
  eventSchemas: { [K in TEvent['type']]: ZodType<Extract<TEvent, { type: K }>['data']> };
  /** commands allowed on a stream that does not exist yet */
  creationCommands: readonly TCommand['type'][];
  /**
   * commands allowed whether or not the stream exists: a ledger that starts on first use and
   * lives on (the machine, from its initial state, decides what the first event may be)
   */
  openOrContinueCommands?: readonly TCommand['type'][];
  decide(command: TCommand, state: WorkflowState<TContext>, services: TServices): TEvent[];
  /** the customers a command concerns (R-KAM-2 ownership and existence are checked on them before deciding) */
  customersOf?(command: TCommand, state: WorkflowState<TContext>): CustomerRef[];
  /** the people a command names for a part (each must be active and hold one of the part's roles when it is decided) */
  peopleOf?(command: TCommand, state: WorkflowState<TContext>): PersonRef[];
  /** the files a command names (each must be in the blob store, with that size, when it is decided) */
  filesOf?(command: TCommand, state: WorkflowState<TContext>): FileRef[];
  /** deadlines active in a state; the engine schedules new ones and cancels vanished ones */
  deadlines?(state: WorkflowState<TContext>): DeadlineSpec[];
  /** its events' and states' names for people, in Chinese and English */
  vocabulary?: WorkflowVocabulary<TEvent['type']>;
  /** the human tasks its states open (docs/adr/0015-human-tasks.md); the engine derives the task facts */
  tasks?: readonly TaskDeclaration<TContext>[];
  /** commands that are safe to re-decide against fresher state after a concurrency conflict */
  retryableOnConflict?: readonly TCommand['type'][];
  /** current schema version per event type (default 1); older stored events go through `upcast` */
  eventSchemaVersions?: Partial<Record<TEvent['type'], number>>;
  upcast?(event: { type: string; data: unknown; schemaVersion: number }): AnyDomainEvent;
}

export type AnyWorkflow = WorkflowDefinition<any, any, any, any>;
