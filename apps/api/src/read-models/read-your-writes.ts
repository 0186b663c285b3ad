import { ServiceUnavailableException } from '@nestjs/common';
import type { ProjectionRunner } from '@crm/engine';
import { z } from 'zod';

/** `?minPosition=` on a query: the position a command response returned. */
export const MinPosition = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional();

/**
 * Read-your-writes: a query that names the position of the caller's last command waits (bounded)
 * until its projections have applied it, then answers; past the bound it answers 503 naming the lag.
 */
export async function waitForProjections(
  runner: ProjectionRunner,
  names: readonly string[],
  minPosition: number | undefined,
  timeoutMs = 3000,
): Promise<void> {
  if (!minPosition) return;
  try {
    await Promise.all(names.map((name) => runner.waitForPosition(name, minPosition, timeoutMs)));
  } catch (error) {
    throw new ServiceUnavailableException({
      statusCode: 503,
      error: 'Service Unavailable',
      message: `read model not yet at position ${minPosition}: ${(error as Error).message}; retry shortly`,
      rule: 'STALE',
    });
  }
}
