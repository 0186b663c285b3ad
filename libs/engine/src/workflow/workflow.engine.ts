import { type EventStore, WrongExpectedRevisionError } from '@crm/event-store';
import {
  type AnyCommand,
  type AnyDomainEvent,
  type AnyWorkflow,
  type Decision,
  decideOnWorkflow,
  DomainRuleViolation,
  NotPermitted,
  toWorkflowState,
  TransitionNotAllowed,
} from '@crm/workflow-kit';
import { gateSqliteStore } from '../projection/sqlite-write-gate';
import { assertKeyNotReused } from './idempotency';
import { assertExistence, assertMeta, priorResult } from './command-checks';
import type { CommandGuard } from './command-guard';
import { type CommandObserver, failed, outcomeOf, succeeded } from './command-outcome';
import type { CommandResult, LoadedWorkflow, ReplayPoint } from './command-result';
import { toNewEvents } from './event-envelope';
import { DEFAULT_STREAM_CACHE_EVENTS, DEFAULT_STREAM_CACHE_SIZE, StreamCache, type StreamCacheStats } from './stream-cache';
import { replayStored, streamIdOf, type StreamSnapshot } from './stream-replay';
import { timerEvents, timerIdOf } from './timer-events';
import { alreadyCompleted } from '../task/task-conflict';
import { onlyMachineWroteSince } from './machine-only-conflict';
import { checkTaskAssignee, type DelegationLookup } from '../task/task-assignee.guard';
import { taskEventsOfDecision } from '../task/task-append';
import type { TaskCalendar } from '../task/task-derivation';
import { taskFactsOf } from '../task/task-facts';

export interface ExecuteOptions {
  /** looks at the freshly read stream first; a result returned here is returned as is, nothing written */
  precheck?(stream: StreamSnapshot): CommandResult | undefined;
  /** engine events appended after the command's own events, in the same atomic append */
  extraEvents?(stream: StreamSnapshot): AnyDomainEvent[];
  /** timers the decision must not cancel (the timer being fired is fired, not cancelled) */
  keepTimerIds?: readonly string[];
  /** overrides `workflow.retryableOnConflict` for this call */
  retryOnConflict?: boolean;
}

export interface WorkflowEngineOptions {
  /** streams whose replayed state is kept between commands (LRU); 0 replays every stream from zero */
  streamCacheSize?: number;
  /** events the cached states may hold together (least recently used streams go first) */
  streamCacheEvents?: number;
  /** checks every command passes first, in order (command-guard.ts) */
  guards?: readonly CommandGuard[];
  /** human tasks: due and idle times on the official calendar, delegations for reassigned tasks (ADR 0015) */
  tasks?: { calendar?: TaskCalendar; delegations?: DelegationLookup };
  /** told how every `execute` ended (metrics, logs); every command path crosses it, HTTP or not */
  onCommand?: CommandObserver;
}

/** The tasks open in the stream; a workflow that declares none has none (no scan of a long stream). */
const openTasksOf = (workflow: AnyWorkflow, stream: StreamSnapshot) => (workflow.tasks?.length ? taskFactsOf(stream.events).open : new Map());

/** A command racing a busy stream (timers firing on a clock jump) is decided at most this many times. */
const CONFLICT_ATTEMPTS = 4;

const REFUSALS = [DomainRuleViolation, TransitionNotAllowed, NotPermitted];
const isRefusal = (error: unknown) => REFUSALS.some((kind) => error instanceof kind) && !(error instanceof DomainRuleViolation && (error.ruleId === 'SCHEMA' || error.ruleId === 'COMMAND'));

/**
 * The generic command handler: read the stream, replay it through the machine, decide, append
 * with the revision read. Every workflow runs through here; none has persistence code of its own.
 * Replayed states are cached per stream (stream-cache.ts), so a command replays only the events
 * appended since the engine last saw the stream; the store is still read on every command.
 */
export class WorkflowEngine {
  private readonly streams: StreamCache;
  private readonly guards: readonly CommandGuard[];
  private tasks: NonNullable<WorkflowEngineOptions['tasks']>;
  private readonly onCommand: CommandObserver;

  constructor(
    readonly store: EventStore,
    options: WorkflowEngineOptions = {},
  ) {
    this.guards = options.guards ?? [];
    this.tasks = options.tasks ?? {};
    this.onCommand = options.onCommand ?? (() => undefined);
    // same-process SQLite appends must queue behind read-model transactions (see sqlite-write-gate)
    gateSqliteStore(store);
    this.streams = new StreamCache(store, options.streamCacheSize ?? DEFAULT_STREAM_CACHE_SIZE, options.streamCacheEvents ?? DEFAULT_STREAM_CACHE_EVENTS);
  }

  /** The delegations read model lives in a module built after the engine; it hands its lookup in at start. */
  useTaskDelegations(delegations: DelegationLookup): void {
    this.tasks = { ...this.tasks, delegations };
  }

  cacheStats(): StreamCacheStats {
    return this.streams.stats();
  }

  async execute(workflow: AnyWorkflow, instanceId: string, command: AnyCommand, services: unknown, options: ExecuteOptions = {}): Promise<CommandResult> {
    const started = performance.now();
    try {
      const result = await this.executeOnce(workflow, instanceId, command, services, options);
      this.onCommand(outcomeOf(workflow, command, succeeded(result), started));
      return result;
    } catch (error) {
      this.onCommand(outcomeOf(workflow, command, failed(error), started));
      throw error;
    }
  }

  private async executeOnce(workflow: AnyWorkflow, instanceId: string, command: AnyCommand, services: unknown, options: ExecuteOptions): Promise<CommandResult> {
    assertMeta(command);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(workflow, instanceId, command, services, options);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        // the winner of the race may have been this very command, sent twice
        const replay = await this.replayOf(workflow, instanceId, command);
        if (replay) return replay;
        if (attempt >= CONFLICT_ATTEMPTS || !(await this.decideAgain(workflow, instanceId, command, options, error))) throw error;
      }
    }
  }

  /** Whether a lost race is decided again on the fresh stream; throws the 409 naming who when the step was completed meanwhile. */
  private async decideAgain(workflow: AnyWorkflow, instanceId: string, command: AnyCommand, options: ExecuteOptions, error: WrongExpectedRevisionError): Promise<boolean> {
    const retryable = options.retryOnConflict ?? workflow.retryableOnConflict?.includes(command.type) ?? false;
    if (retryable) return true;
    const fresh = await this.streams.read(workflow, instanceId);
    const completed = alreadyCompleted(workflow, fresh.events, command);
    if (completed) throw completed;
    return onlyMachineWroteSince(fresh.events, error.expected);
  }

  /**
   * Appends engine-only events (no decision), e.g. a timer firing the machine refused. `build` sees
   * the fresh stream and returns null to write nothing. Retried on conflict: nothing is decided.
   */
  async appendEngineEvents(
    workflow: AnyWorkflow,
    instanceId: string,
    command: AnyCommand,
    build: (stream: StreamSnapshot) => AnyDomainEvent[] | null,
    attempts = 5,
  ): Promise<CommandResult | null> {
    assertMeta(command);
    for (let attempt = 1; ; attempt++) {
      const stream = await this.streams.read(workflow, instanceId);
      const prior = priorResult(workflow, stream, command);
      if (prior) return prior;
      const events = stream.revision === null ? null : build(stream);
      if (!events || events.length === 0) return null;
      try {
        return await this.append(workflow, stream, command, events, stream.state);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= attempts) throw error;
      }
    }
  }

  /** The command guards alone, for a caller that must write elsewhere first (e.g. reserve a company) and may not if they refuse. */
  async authorize(workflow: AnyWorkflow, instanceId: string, command: AnyCommand): Promise<void> {
    await this.runGuards(workflow, command, await this.streams.read(workflow, instanceId));
  }

  private async runGuards(workflow: AnyWorkflow, command: AnyCommand, stream: StreamSnapshot): Promise<void> {
    for (const guard of this.guards) await guard(workflow, command, stream.state);
  }

  async load(workflow: AnyWorkflow, instanceId: string): Promise<LoadedWorkflow> {
    const { streamId, state, events } = await this.streams.read(workflow, instanceId);
    // the cached array is frozen; callers get their own array (the events in it stay frozen)
    return { streamId, state, events: events.slice() };
  }

  /** Replays the instance as it stood at a global position or an instant (audit, "what did they see"). */
  async stateAt(workflow: AnyWorkflow, instanceId: string, point: ReplayPoint): Promise<LoadedWorkflow> {
    const streamId = streamIdOf(workflow, instanceId);
    const all = await this.store.readStream(streamId);
    const until = 'atPosition' in point ? null : new Date(point.atInstant).getTime();
    const kept = all.filter((e) =>
      until === null ? e.position <= (point as { atPosition: number }).atPosition : Date.parse(e.metadata.occurredAt) <= until,
    );
    const { state, events } = replayStored(workflow, streamId, kept);
    return { streamId, state, events };
  }

  private async attempt(workflow: AnyWorkflow, instanceId: string, command: AnyCommand, services: unknown, options: ExecuteOptions): Promise<CommandResult> {
    const stream = await this.streams.read(workflow, instanceId);
    // authorise before anything else, a replay included: a key answers only a request still allowed
    await this.runGuards(workflow, command, stream);
    const prior = priorResult(workflow, stream, command);
    if (prior) return prior;
    const early = options.precheck?.(stream);
    if (early) return early;
    const onBehalfOf = await checkTaskAssignee(command, openTasksOf(workflow, stream), this.tasks.delegations);
    const decision = this.decided(workflow, stream, command, services);
    assertKeyNotReused(stream.events, command);
    const keep = new Set(options.keepTimerIds ?? []);
    const cancelled = decision.cancelled.filter((d) => !keep.has(timerIdOf(stream.streamId, d.key, new Date(d.dueAt).toISOString())));
    const events = [
      ...decision.events,
      ...timerEvents(workflow, stream.streamId, instanceId, decision.scheduled, cancelled),
      ...taskEventsOfDecision(workflow, stream, instanceId, command, decision, onBehalfOf, this.tasks.calendar),
      ...(options.extraEvents?.(stream) ?? []),
    ];
    const after = toWorkflowState<any>(decision.after, stream.revision);
    if (events.length === 0) {
      return { streamId: stream.streamId, revision: stream.revision, position: stream.events.at(-1)?.position ?? 0, state: after, events: [], replayed: false };
    }
    return this.append(workflow, stream, command, events, after);
  }

  /** Existence, then the decision; a refusal of a step someone already completed becomes TaskAlreadyCompleted (409 naming who). */
  private decided(workflow: AnyWorkflow, stream: StreamSnapshot, command: AnyCommand, services: unknown) {
    try {
      assertExistence(workflow, stream, command);
      return decideOnWorkflow(workflow, stream.snapshot, stream.revision, command, services);
    } catch (error) {
      throw (isRefusal(error) && alreadyCompleted(workflow, stream.events, command)) || error;
    }
  }

  /**
   * Everything a command would pass through, without writing: the guards, a reassigned task's
   * assignee, the decision and the machine. For "may this person complete this task now" (the
   * task list's property test, the detail view, a reassignment's eligibility check).
   */
  async dryRun(workflow: AnyWorkflow, instanceId: string, command: AnyCommand, services: unknown, options: { ignoreTaskAssignee?: boolean } = {}): Promise<Decision> {
    assertMeta(command);
    const stream = await this.streams.read(workflow, instanceId);
    await this.runGuards(workflow, command, stream);
    if (!options.ignoreTaskAssignee) await checkTaskAssignee(command, openTasksOf(workflow, stream), this.tasks.delegations);
    return this.decided(workflow, stream, command, services);
  }

  private async append(workflow: AnyWorkflow, stream: StreamSnapshot, command: AnyCommand, events: AnyDomainEvent[], after: CommandResult['state']): Promise<CommandResult> {
    const newEvents = toNewEvents(workflow, stream.streamId, command, events);
    const appended = await this.store.appendToStream(stream.streamId, newEvents, { expectedRevision: stream.revision ?? 'no_stream' });
    // positions, hashes and recordedAt are the store's to assign: its append result carries them, no read back
    const written = appended.events;
    this.streams.appended(workflow, stream, written);
    return {
      streamId: stream.streamId,
      revision: appended.nextExpectedRevision,
      position: appended.position,
      state: { ...after, revision: appended.nextExpectedRevision },
      events: written,
      replayed: false,
    };
  }

  private async replayOf(workflow: AnyWorkflow, instanceId: string, command: AnyCommand): Promise<CommandResult | null> {
    if (!command.meta.idempotencyKey) return null;
    return priorResult(workflow, await this.streams.read(workflow, instanceId), command);
  }
}
