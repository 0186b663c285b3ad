/** A read-your-writes wait ran out: the API answers 503 (or serves the result flagged stale). */
export class ProjectionLagError extends Error {
  override readonly name = 'ProjectionLagError';
  constructor(
    readonly projection: string,
    readonly wanted: number,
    readonly reached: number,
    readonly timeoutMs: number,
  ) {
    super(`projection ${projection} is at position ${reached}, not ${wanted}, after ${timeoutMs} ms`);
  }
}

export class UnknownProjectionError extends Error {
  override readonly name = 'UnknownProjectionError';
  constructor(readonly projection: string) {
    super(`no projection named "${projection}"`);
  }
}
