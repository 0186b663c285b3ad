import type { ExpectedRevision, StoredEvent } from '@crm/event-store';

/** Timers, reactors and the scheduler act as `system:*` actors (SCHEDULER_ACTOR and its kin). */
const isMachineWritten = (event: StoredEvent) => event.metadata.actor.startsWith('system:');

/**
 * A person's command lost its race only to the engine's own bookkeeping (a timer's grading, a
 * reminder, a task the machine opened): no other person decided anything meanwhile, so deciding
 * again on the fresh stream is what they meant, and every rule is checked again there. A race with
 * another person stays a conflict (409): their view of the step was stale.
 */
export function onlyMachineWroteSince(fresh: readonly StoredEvent[], expected: ExpectedRevision): boolean {
  if (typeof expected !== 'number') return false;
  const since = fresh.filter((e) => e.revision > expected);
  return since.length > 0 && since.every(isMachineWritten);
}
