import { chainHash, GENESIS_HASH, type StoredEvent } from '@crm/event-store';

export type ChainBreakReason =
  /** the stored hash is not what the event's content and its predecessor's hash give */
  | 'hash_mismatch'
  /** a stream does not start at revision 0, or revisions skip (a row was deleted) */
  | 'revision_gap'
  /** a revision repeats or goes backwards (rows reordered or duplicated) */
  | 'revision_out_of_order'
  /** revisions and global positions disagree on the order of a stream's events */
  | 'position_out_of_order';

export interface ChainBreak {
  streamId: string;
  revision: number;
  position: number;
  expectedHash: string;
  actualHash: string;
  reason: ChainBreakReason;
}

export interface StreamChainSummary {
  streamId: string;
  events: number;
  /** hash of the stream's last event as recomputed: an auditor keeps it to detect later truncation */
  headHash: string;
  ok: boolean;
}

export interface ChainVerification {
  ok: boolean;
  /** events whose hash was recomputed */
  checked: number;
  /** the break with the lowest global position over all streams */
  firstBreak?: ChainBreak;
  streams: StreamChainSummary[];
}

/**
 * Where a stream's chain is picked up when the events start after its revision 0 (an archived
 * year): the revision expected first and the hash of the event before it.
 */
export interface ChainAnchor {
  revision: number;
  previousHash: string;
}

interface StreamCursor {
  expectedRevision: number;
  previousHash: string;
  lastPosition: number;
  events: number;
  firstBreak: ChainBreak | null;
}

/**
 * Recomputes each stream's hash chain from the genesis hash, event by event, in the order the
 * events are pushed (a stream's events must come in revision order, as the store hands them out;
 * streams may interleave, as in the global order). Streams must be complete from revision 0,
 * or from their anchor when one is given. Memory is one cursor per stream, so `--all` can
 * stream the whole store through it.
 */
export class ChainVerifier {
  private readonly cursors = new Map<string, StreamCursor>();
  private checked = 0;

  constructor(private readonly anchors: ReadonlyMap<string, ChainAnchor> = new Map()) {}

  push(event: StoredEvent): void {
    const cursor = this.cursorOf(event.streamId);
    cursor.events += 1;
    if (cursor.firstBreak) return; // after a break the chain below it proves nothing more
    const reason = this.orderProblem(cursor, event);
    const expectedHash = chainHash(cursor.previousHash, event.streamId, event.revision, event);
    this.checked += 1;
    const broken = reason ?? (expectedHash === event.hash ? null : 'hash_mismatch');
    if (broken) {
      cursor.firstBreak = { streamId: event.streamId, revision: event.revision, position: event.position, expectedHash, actualHash: event.hash, reason: broken };
      return;
    }
    cursor.previousHash = expectedHash;
    cursor.expectedRevision = event.revision + 1;
    cursor.lastPosition = event.position;
  }

  result(): ChainVerification {
    const streams: StreamChainSummary[] = [];
    let firstBreak: ChainBreak | undefined;
    for (const [streamId, cursor] of this.cursors) {
      streams.push({ streamId, events: cursor.events, headHash: cursor.previousHash, ok: cursor.firstBreak === null });
      if (cursor.firstBreak && (!firstBreak || cursor.firstBreak.position < firstBreak.position)) firstBreak = cursor.firstBreak;
    }
    return { ok: firstBreak === undefined, checked: this.checked, ...(firstBreak ? { firstBreak } : {}), streams };
  }

  private cursorOf(streamId: string): StreamCursor {
    let cursor = this.cursors.get(streamId);
    if (!cursor) {
      const anchor = this.anchors.get(streamId) ?? { revision: 0, previousHash: GENESIS_HASH };
      cursor = { expectedRevision: anchor.revision, previousHash: anchor.previousHash, lastPosition: 0, events: 0, firstBreak: null };
      this.cursors.set(streamId, cursor);
    }
    return cursor;
  }

  private orderProblem(cursor: StreamCursor, event: StoredEvent): ChainBreakReason | null {
    if (event.revision > cursor.expectedRevision) return 'revision_gap';
    if (event.revision < cursor.expectedRevision) return 'revision_out_of_order';
    if (event.position <= cursor.lastPosition) return 'position_out_of_order';
    return null;
  }
}

/** Recomputes every chain in `events` and reports the first break (see ChainVerifier). */
export function verifyChain(events: readonly StoredEvent[]): ChainVerification {
  const verifier = new ChainVerifier();
  for (const event of events) verifier.push(event);
  return verifier.result();
}
