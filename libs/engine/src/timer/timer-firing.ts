import { WrongExpectedRevisionError } from '@crm/event-store';
import { type AnyCommand, DomainRuleViolation, NotPermitted, SCHEDULER_ACTOR, TransitionNotAllowed } from '@crm/workflow-kit';
import type { CommandResult } from '../workflow/command-result';
import type { StreamSnapshot } from '../workflow/stream-replay';
import { type TimerFiredData, timerStatusInStream } from '../workflow/timer-events';
import type { WorkflowEngine } from '../workflow/workflow.engine';
import type { WorkflowRegistry } from '../workflow/workflow.registry';
import { fireTaskTimer, isTaskTimer } from '../task/task-timer-firing';

export interface DueTimer {
  timerId: string;
  workflow: string;
  instanceId: string;
  key: string;
  dueAt: string;
  command: { type: string; data: Record<string, unknown> };
}

/** executed / refused wrote a TimerFired; already-fired and cancelled wrote nothing. */
export type FireOutcome = 'executed' | 'refused' | 'already-fired' | 'cancelled';

export interface TimerFiring {
  timer: DueTimer;
  outcome: FireOutcome;
  firedAt: string;
  lateMs: number;
  late: boolean;
  position: number;
  reason?: string;
}

const REFUSALS = [DomainRuleViolation, TransitionNotAllowed, NotPermitted];

/**
 * Fires one timer as its workflow's command, acting as the scheduler, with the timer id as the
 * idempotency key: the command's events and TimerFired go in ONE append, so a timer fired twice
 * (crash, two schedulers) has effect once. The stream, not the read model, decides whether the
 * timer is still live. A command the machine refuses is recorded as fired with outcome
 * 'refused', so it is never retried forever.
 */
export async function fireTimer(engine: WorkflowEngine, registry: WorkflowRegistry, timer: DueTimer, firedAt: Date, lateAfterMs: number): Promise<TimerFiring> {
  if (isTaskTimer(timer)) return fireTaskTimer(engine, registry, timer, firedAt, lateAfterMs);
  const { workflow, services } = registry.get(timer.workflow);
  const now = firedAt.toISOString();
  const lateMs = Math.max(0, firedAt.getTime() - Date.parse(timer.dueAt));
  const fired: TimerFiredData = { timerId: timer.timerId, key: timer.key, dueAt: timer.dueAt, firedAt: now, lateMs, late: lateMs > lateAfterMs, outcome: 'executed' };
  const report = (outcome: FireOutcome, position: number, reason?: string): TimerFiring => ({ timer, outcome, firedAt: now, lateMs, late: fired.late, position, ...(reason ? { reason } : {}) });
  const command: AnyCommand = {
    type: timer.command.type,
    data: timer.command.data,
    meta: { actor: SCHEDULER_ACTOR, now, idempotencyKey: timer.timerId, correlationId: timer.timerId, causationId: timer.timerId },
  };
  let skipped: FireOutcome | null = null;
  const precheck = (stream: StreamSnapshot): CommandResult | undefined => {
    const status = timerStatusInStream(stream.events, timer.timerId);
    if (status === 'scheduled') return undefined;
    skipped = status === 'fired' ? 'already-fired' : 'cancelled';
    return { streamId: stream.streamId, revision: stream.revision, position: stream.events.at(-1)?.position ?? 0, state: stream.state, events: [], replayed: true };
  };
  try {
    const result = await executeWithRetries(() =>
      engine.execute(workflow, timer.instanceId, command, services, {
        precheck,
        extraEvents: () => [{ type: 'TimerFired', data: fired }],
        keepTimerIds: [timer.timerId],
        retryOnConflict: true,
      }),
    );
    return report(skipped ?? (result.replayed ? 'already-fired' : 'executed'), result.position);
  } catch (error) {
    if (!REFUSALS.some((kind) => error instanceof kind)) throw error;
    const reason = (error as Error).message;
    const refused: TimerFiredData = { ...fired, outcome: 'refused', reason };
    const result = await engine.appendEngineEvents(workflow, timer.instanceId, command, (stream) =>
      timerStatusInStream(stream.events, timer.timerId) === 'scheduled' ? [{ type: 'TimerFired', data: refused }] : null,
    );
    if (!result) return report('cancelled', 0);
    return report(result.replayed ? 'already-fired' : 'refused', result.position, reason);
  }
}

/** A busy stream may keep moving under a timer; the stream re-check makes every retry safe. */
async function executeWithRetries(run: () => Promise<CommandResult>, attempts = 4): Promise<CommandResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= attempts) throw error;
    }
  }
}
