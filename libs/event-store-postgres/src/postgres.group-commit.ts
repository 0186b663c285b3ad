import type { Pool } from 'pg';
import {
  type AppendResult,
  checkExpectedRevision,
  EventStoreUnavailableError,
  type ExpectedRevision,
  idempotencyVerdict,
  type NewEvent,
} from '@crm/event-store';
import { mapPgError } from './postgres.errors';
import { type AppendState, type GroupRow, groupQuery, toAppendState } from './postgres.rows';

interface Pending {
  streamId: string;
  events: readonly NewEvent[];
  expected: ExpectedRevision;
  attempts: number;
  /** sent as a group of its own (after its group failed as a whole) */
  alone: boolean;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** a group of this size is one statement of a few hundred kB at most */
const MAX_GROUP = 64;
/** groups in flight at once: their WAL flushes overlap (PostgreSQL's own group commit), each holds one pooled connection */
const MAX_IN_FLIGHT = 3;
/** a writer keeps losing the race only under extreme contention on one stream with expectedRevision any */
const MAX_STALE_RETRIES = 100;
const HEADS_KEPT = 10_000;

/**
 * Client-side group commit (ADR 0022): appends waiting while MAX_IN_FLIGHT groups are in flight go
 * out together as one es_append_group call — one round trip, one transaction, one WAL flush. A lone
 * append is sent on the next tick, without a timer. Each member keeps its own checks: a member
 * answered 'stale' is decided on the state that came back (conflict, duplicate, or retried with the
 * real head), alone; if the statement fails as a whole, nothing committed and each member is sent
 * again in a group of its own, so only the guilty one fails. A stream is in at most one group in
 * flight, so members never wait on each other. Stream heads (revision and hash) seen by appends and
 * reads are kept, so an append at the revision just read needs no head read: one round trip.
 */
export class PgGroupCommit {
  private queue: Pending[] = [];
  private readonly busy = new Set<string>();
  private inFlight = 0;
  private scheduled = false;
  /** null: the stream did not exist when last seen */
  private readonly heads = new Map<string, AppendState['last']>();

  constructor(
    private readonly pool: Pool,
    private readonly clock: () => Date,
    private readonly committed: () => void,
    private readonly isClosed: () => boolean,
  ) {}

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ streamId, events, expected, attempts: 0, alone: false, resolve, reject });
      this.schedule();
    });
  }

  /** a head seen by a read: the next append at that revision chains from it without asking */
  saw(streamId: string, revision: number, hash: string): void {
    const known = this.heads.get(streamId);
    if (!known || known.revision < revision) this.remember(streamId, { revision, hash });
  }

  private remember(streamId: string, head: AppendState['last']): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > HEADS_KEPT) this.heads.delete(this.heads.keys().next().value as string);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    process.nextTick(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT) {
      const group = this.nextGroup();
      if (group.length === 0) return;
      this.inFlight++;
      group.forEach((p) => this.busy.add(p.streamId));
      void this.send(group).finally(() => {
        this.inFlight--;
        group.forEach((p) => this.busy.delete(p.streamId));
        this.schedule();
      });
    }
  }

  /** the oldest appends on streams not in flight, one per stream (later ones wait their turn, in order) */
  private nextGroup(): Pending[] {
    const group: Pending[] = [];
    const taken = new Set<string>();
    const rest: Pending[] = [];
    for (const p of this.queue) {
      const free = !this.busy.has(p.streamId) && !taken.has(p.streamId);
      const fits = group.length < MAX_GROUP && !(p.alone && group.length > 0) && !group[0]?.alone;
      if (free && fits) group.push(p);
      else rest.push(p);
      taken.add(p.streamId);
    }
    this.queue = rest;
    return group;
  }

  private async send(group: Pending[]): Promise<void> {
    if (this.isClosed()) return group.forEach((p) => p.reject(new EventStoreUnavailableError('the PostgreSQL event store is closed')));
    const members = group.map((p) => ({ streamId: p.streamId, events: p.events, last: this.chainFrom(p) }));
    const call = groupQuery(members, this.clock().toISOString());
    let rows: GroupRow[];
    try {
      rows = (await this.pool.query<GroupRow>(call.query)).rows;
    } catch (raw) {
      const error = mapPgError(raw);
      // unavailable: the outcome may be unknown, callers retry with their idempotency; otherwise nothing committed
      if (group.length === 1 || error instanceof EventStoreUnavailableError) return group.forEach((p) => p.reject(error));
      group.forEach((p) => (p.alone = true));
      this.queue.unshift(...group);
      return;
    }
    const retry: Pending[] = [];
    group.forEach((p, i) => {
      const mine = rows.filter((r) => r.idx === i);
      if (mine[0]?.status === 'ok') {
        this.remember(p.streamId, { revision: Number(mine[0].revision), hash: call.lastHashes[i] });
        p.resolve({ nextExpectedRevision: Number(mine[0].revision), position: Number(mine[0].position) });
      } else if (this.decide(p, toAppendState(mine))) retry.push(p);
    });
    if (rows.some((r) => r.status === 'ok')) this.committed();
    this.queue.unshift(...retry);
  }

  /** the head to chain from: the expected one when known here, undefined to have the engine answer with its head */
  private chainFrom(p: Pending): AppendState['last'] | undefined {
    if (p.expected === 'no_stream') return null;
    if (!this.heads.has(p.streamId)) return undefined;
    const known = this.heads.get(p.streamId) ?? null;
    if (typeof p.expected === 'number') return known?.revision === p.expected ? known : undefined;
    // stream_exists is checked here, on the head that came back: never chain it from "no stream"
    return p.expected === 'stream_exists' && !known ? undefined : known;
  }

  /** a stale member: answered (duplicate), refused (conflict), or true to try again with the head that came back */
  private decide(p: Pending, state: AppendState): boolean {
    try {
      const actual = state.last?.revision ?? null;
      this.remember(p.streamId, state.last);
      const verdict = idempotencyVerdict(p.streamId, p.events, state.stored, p.expected, actual);
      if (verdict.kind === 'duplicate') {
        p.resolve({ nextExpectedRevision: verdict.last.revision, position: verdict.last.position });
        return false;
      }
      checkExpectedRevision(p.streamId, p.expected, actual);
      if (++p.attempts < MAX_STALE_RETRIES) return true;
      p.reject(new EventStoreUnavailableError(`stream ${p.streamId}: gave up after ${MAX_STALE_RETRIES} contended attempts`));
    } catch (error) {
      p.reject(error);
    }
    return false;
  }
}
