import type { StoredEvent } from '@crm/event-store';
import { type AnyCommand, DomainRuleViolation } from '@crm/workflow-kit';

/**
 * An idempotency key means something only together with who sent it and for which command: the
 * same string sent by another user, or for another command, is a different request. Keys are
 * therefore scoped by (actor, command type) in both places they act: the ids of the events a key
 * writes (so an earlier request can never pre-claim the ids a timer or a reactor will write and
 * make the store acknowledge the engine's append as a duplicate), and the replay lookup (so a key
 * only ever answers the request that wrote it). Engine actors (scheduler, reactors) are `system`
 * actors whose ids no person can hold, so their keys live in a space no client reaches.
 */
export function scopedKey(command: AnyCommand): string | undefined {
  const key = command.meta.idempotencyKey;
  return key ? JSON.stringify([command.meta.actor.id, command.type, key]) : undefined;
}

/** Events written by exactly this request: same key, same actor, same command type. */
export function eventsOfRequest(events: readonly StoredEvent[], command: AnyCommand): StoredEvent[] {
  const key = command.meta.idempotencyKey;
  if (!key) return [];
  return events.filter((e) => e.metadata.idempotencyKey === key && e.metadata.actor === command.meta.actor.id && sameCommandType(e, command));
}

/**
 * A person's key already used in this stream by another request (another actor or another command)
 * is refused with 422 naming the key, rather than answered with someone else's result or silently
 * executed. Called after the decision, so a caller without permission hears that first. A system
 * actor's key is never refused: whatever a client wrote cannot block a timer or a reactor.
 */
export function assertKeyNotReused(events: readonly StoredEvent[], command: AnyCommand): void {
  const key = command.meta.idempotencyKey;
  if (!key || command.meta.actor.system) return;
  if (!events.some((e) => e.metadata.idempotencyKey === key)) return;
  throw new DomainRuleViolation(
    'IDEMPOTENCY-KEY',
    `Idempotency-Key "${key}" was already used on this resource by another request; send a new key for a new request`,
    'Idempotency-Key',
  );
}

// events written before command types were recorded match any type
const sameCommandType = (event: StoredEvent, command: AnyCommand): boolean =>
  event.metadata.commandType === undefined || event.metadata.commandType === command.type;
