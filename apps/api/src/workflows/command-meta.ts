import type { Actor, CommandMeta } from '@crm/workflow-kit';
import { z } from 'zod';
import type { Clock } from '../infrastructure/clock';

const IdempotencyKey = z.string().regex(/^[A-Za-z0-9._:-]{8,128}$/);

/**
 * Command metadata from the HTTP request: who, when (the injected clock), the caller's
 * `Idempotency-Key` (a retried request returns the first result and writes nothing) and the
 * request id as correlation id.
 */
export function commandMetaFrom(
  request: { id?: string; headers: Record<string, string | string[] | undefined> },
  actor: Actor,
  clock: Clock,
): CommandMeta {
  const header = request.headers['idempotency-key'];
  const key = typeof header === 'string' && IdempotencyKey.safeParse(header).success ? header : undefined;
  return { actor, now: clock.now().toISOString(), idempotencyKey: key, correlationId: request.id };
}
