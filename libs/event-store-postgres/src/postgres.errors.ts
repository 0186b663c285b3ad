import { EventStoreUnavailableError } from '@crm/event-store';

const UNAVAILABLE = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE',
  '08000', '08001', '08003', '08006', '57P01', '57P02', '57P03', '53300',
]);

/** Connection-level failures become the port's EventStoreUnavailableError (503); the rest pass through. */
export function mapPgError(error: unknown): unknown {
  const code = (error as { code?: string })?.code;
  const message = (error as Error)?.message ?? '';
  if ((code && UNAVAILABLE.has(code)) || /Connection terminated|timeout exceeded when trying to connect/i.test(message)) {
    return new EventStoreUnavailableError(`PostgreSQL event store unavailable: ${message}`, { cause: error });
  }
  return error;
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === constraint;
}
