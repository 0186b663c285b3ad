import { ErrorType, MaxAppendSizeExceededError } from '@eventstore/db-client';
import { EventStoreUnavailableError, InvalidAppendError } from '@crm/event-store';

/** gRPC status codes that mean "the engine cannot be reached now" (UNAVAILABLE, DEADLINE_EXCEEDED). */
const UNAVAILABLE_CODES = new Set([14, 4]);
const UNAVAILABLE_TYPES = new Set<string>([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
]);

/**
 * Maps what the client throws onto the port's errors. With no server the client rejects with a
 * plain Error whose `code` is 14, not its own UnavailableError class: match the code too.
 */
export function mapEsdbError(error: unknown): unknown {
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidAppendError('events', `the batch exceeds EventStoreDB's maximum append size (${error.maxAppendSize} bytes)`);
  }
  const e = error as { code?: unknown; type?: unknown; message?: string };
  if ((typeof e?.code === 'number' && UNAVAILABLE_CODES.has(e.code)) || (typeof e?.type === 'string' && UNAVAILABLE_TYPES.has(e.type))) {
    return new EventStoreUnavailableError(`EventStoreDB unavailable: ${e.message ?? String(error)}`, { cause: error });
  }
  return error;
}
