import { SCHEDULER_ACTOR, type AnyCommand, type DomainEvent } from '@crm/workflow-kit';
import type { DueTimer, TimerFiring } from '../timer/timer-firing';
import type { StreamSnapshot } from '../workflow/stream-replay';
import { type TimerFiredData, timerStatusInStream } from '../workflow/timer-events';
import type { WorkflowEngine } from '../workflow/workflow.engine';
import type { WorkflowRegistry } from '../workflow/workflow.registry';
import { ESCALATE_TASK, REMIND_TASK } from './task-derivation';
import { type OpenTaskFact, taskFactsOf } from './task-facts';
import type { TaskReminded } from './task.events';

export const isTaskTimer = (timer: DueTimer): boolean => timer.command.type === REMIND_TASK || timer.command.type === ESCALATE_TASK;

/** Whom a reminder or an escalation tells: the holder (a named person, else the role group), or the leader the policy names. */
export function taskNotice(fact: OpenTaskFact, escalating: boolean): TaskReminded {
  const holder = fact.assignee ? { notifyUsers: [fact.assignee], notify: [] as string[] } : { notifyUsers: [], notify: [...fact.roles] };
  const to = escalating ? { notifyUsers: [], notify: [fact.policy.escalateTo ?? 'general_manager'] } : holder;
  return {
    taskId: fact.taskId, taskType: fact.taskType, workflow: fact.workflow, instanceId: fact.instanceId, step: fact.step, title: fact.title,
    subject: fact.subject, dueAt: fact.dueAt, link: fact.link.console, ...to, policyVersion: fact.policy.version,
  };
}

/**
 * A task's idle timer fires as engine events only (TaskReminded / TaskEscalated with TimerFired, in
 * one append, keyed by the timer id): nothing is decided, so no workflow handles reminders itself.
 */
export async function fireTaskTimer(engine: WorkflowEngine, registry: WorkflowRegistry, timer: DueTimer, firedAt: Date, lateAfterMs: number): Promise<TimerFiring> {
  const { workflow } = registry.get(timer.workflow);
  const now = firedAt.toISOString();
  const lateMs = Math.max(0, firedAt.getTime() - Date.parse(timer.dueAt));
  const fired: TimerFiredData = { timerId: timer.timerId, key: timer.key, dueAt: timer.dueAt, firedAt: now, lateMs, late: lateMs > lateAfterMs, outcome: 'executed' };
  const command: AnyCommand = {
    type: timer.command.type, data: timer.command.data,
    meta: { actor: SCHEDULER_ACTOR, now, idempotencyKey: timer.timerId, correlationId: timer.timerId, causationId: timer.timerId },
  };
  let outcome: TimerFiring['outcome'] = 'executed';
  const build = (stream: StreamSnapshot): DomainEvent<string, any>[] | null => {
    if (timerStatusInStream(stream.events, timer.timerId) !== 'scheduled') return null;
    const fact = taskFactsOf(stream.events).open.get(String(timer.command.data.taskId));
    if (!fact) {
      outcome = 'refused';
      return [{ type: 'TimerFired', data: { ...fired, outcome: 'refused', reason: 'the task is closed' } }];
    }
    const type = timer.command.type === ESCALATE_TASK ? 'TaskEscalated' : 'TaskReminded';
    return [{ type, data: taskNotice(fact, type === 'TaskEscalated') }, { type: 'TimerFired', data: fired }];
  };
  const result = await engine.appendEngineEvents(workflow, timer.instanceId, command, build);
  const base = { timer, firedAt: now, lateMs, late: fired.late };
  if (!result) return { ...base, outcome: 'cancelled', position: 0 };
  return { ...base, outcome: result.replayed ? 'already-fired' : outcome, position: result.position };
}
