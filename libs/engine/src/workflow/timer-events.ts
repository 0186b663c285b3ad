import type { StoredEvent } from '@crm/event-store';
import type { AnyWorkflow, DeadlineSpec, DomainEvent } from '@crm/workflow-kit';
import { uuidV5 } from './uuid-v5';

/** Engine events written into the workflow's own stream; the machine never sees them. */
export interface TimerScheduledData {
  timerId: string;
  key: string;
  dueAt: string;
  workflow: string;
  instanceId: string;
  command: { type: string; data: Record<string, unknown> };
}
export type TimerCancelledData = TimerScheduledData;
export type TimerOutcome = 'executed' | 'refused';
export interface TimerFiredData {
  timerId: string;
  key: string;
  dueAt: string;
  firedAt: string;
  lateMs: number;
  late: boolean;
  outcome: TimerOutcome;
  /** why the workflow refused the command (state moved on, rule failed) */
  reason?: string;
}

/** Same stream, key and due instant → same timer, whichever process or retry computes it. */
export function timerIdOf(streamId: string, key: string, dueAt: string): string {
  return uuidV5(`timer:${streamId}:${key}:${dueAt}`);
}

export function timerEvents(
  workflow: AnyWorkflow,
  streamId: string,
  instanceId: string,
  scheduled: DeadlineSpec[],
  cancelled: DeadlineSpec[],
): DomainEvent<string, any>[] {
  const data = (d: DeadlineSpec): TimerScheduledData => {
    const dueAt = normalizeInstant(d.dueAt, `${workflow.name} deadline ${d.key}`);
    return {
      timerId: timerIdOf(streamId, d.key, dueAt),
      key: d.key,
      dueAt,
      workflow: workflow.name,
      instanceId,
      command: { type: d.command.type, data: d.command.data },
    };
  };
  return [
    ...cancelled.map((d) => ({ type: 'TimerCancelled', data: data(d) })),
    ...scheduled.map((d) => ({ type: 'TimerScheduled', data: data(d) })),
  ];
}

export type TimerStatusInStream = 'unknown' | 'scheduled' | 'cancelled' | 'fired';

/** The stream is the authority on whether a timer may still fire (the read model may lag). */
export function timerStatusInStream(events: readonly StoredEvent[], timerId: string): TimerStatusInStream {
  let status: TimerStatusInStream = 'unknown';
  for (const event of events) {
    if (event.data.timerId !== timerId) continue;
    if (event.type === 'TimerScheduled' && status !== 'fired') status = 'scheduled';
    if (event.type === 'TimerCancelled' && status !== 'fired') status = 'cancelled';
    if (event.type === 'TimerFired') status = 'fired';
  }
  return status;
}

/** One spelling per instant, so '...Z' and '....000Z' cannot become two timers. */
export function normalizeInstant(value: string, what: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`${what}: "${value}" is not an ISO 8601 instant`);
  return new Date(ms).toISOString();
}
