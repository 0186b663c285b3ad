import type { ExpectedRevision } from './event-store.port';

/** The port's own concurrency error; adapters map their engine's error onto it. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** last revision actually in the stream, null when it does not exist */
    readonly actual: number | null,
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${actual === null ? 'no stream' : actual}`);
  }
}

/** An append that breaks the port's rules (empty batch, bad id, non-JSON data...). Maps to 400. */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

/** The engine cannot be reached. Maps to 503. */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
}
