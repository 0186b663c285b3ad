import type { Position } from '@eventstore/db-client';

/**
 * The port's global position is the event's log position in EventStoreDB's transaction file.
 * Every event appended over gRPC is its own implicit commit, so its commit and prepare positions
 * are equal (the server's AllReader reports the event's log position for both), unique, and
 * increase in $all order. Positions are byte offsets, not dense counters: consumers must only
 * compare them, never count with them. A legacy explicit transaction (TCP client) gives several
 * events one commit position; such events cannot be mapped onto one number and are refused.
 */
export function toPortPosition(position: Position | undefined, what: string, fromAll: boolean): number {
  if (!position || position.prepare <= 0n) {
    throw new Error(`${what}: EventStoreDB returned no position (server older than 22.6?)`);
  }
  // stream reads may report the batch's transaction start as commit; the prepare is the event's own
  if (fromAll && position.commit !== position.prepare) {
    throw new Error(
      `${what}: commit position ${position.commit} differs from prepare position ${position.prepare} ` +
        '(written by an explicit transaction): it cannot be mapped onto the port position',
    );
  }
  if (position.prepare > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`${what}: log position ${position.prepare} exceeds 2^53 and cannot be a port position`);
  }
  return Number(position.prepare);
}

/** The ESDB read position at which an exclusive port checkpoint's successors start (inclusive). */
export function toEsdbPosition(portPosition: number): Position {
  const at = BigInt(portPosition);
  return { commit: at, prepare: at };
}

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}
