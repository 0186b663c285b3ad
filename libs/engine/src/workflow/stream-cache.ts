import type { EventStore, StoredEvent } from '@crm/event-store';
import type { AnyWorkflow } from '@crm/workflow-kit';
import { continueReplay, needsUpcast, replayStored, streamIdOf, type StreamSnapshot } from './stream-replay';

export const DEFAULT_STREAM_CACHE_SIZE = 2_000;
/**
 * Events held by all cached states together. A stream count alone does not bound memory: a busy
 * customer's archive holds thousands of pickups, and 2,000 of them would be gigabytes.
 */
export const DEFAULT_STREAM_CACHE_EVENTS = 100_000;

export interface StreamCacheStats {
  entries: number;
  /** events held by the cached states together */
  events: number;
  /** reads that replayed only the events after a cached revision */
  hits: number;
  /** reads of a stream not cached: replayed from zero */
  misses: number;
  /** cached states thrown away on a surprise, then replayed from zero */
  invalidated: number;
}

interface Entry {
  workflow: AnyWorkflow;
  version: string;
  stream: StreamSnapshot;
}

/**
 * Replayed stream states kept between commands, so a command on a long stream replays only what
 * was appended since (ADR 0005: keyed by stream, revision and machine version). A cached state
 * is only ever a starting point: every read still goes to the store, from the cached revision on,
 * so another process's appends are seen. Only states actually read from the store or written to
 * it are kept; anything unexpected (the cached last event gone or different, a revision gap,
 * another machine version, an event that needs upcasting, another definition of the workflow)
 * drops the entry and replays from zero. Least recently used streams are evicted past `capacity`.
 * Cached states are handed to deciders, prechecks and callers of `load` and to the next command:
 * whatever is kept is frozen first (context, state value, events and their data), so code that
 * mutates a state in place fails loudly instead of changing what a later command decides on.
 */
export class StreamCache {
  private readonly entries = new Map<string, Entry>();
  private readonly counts = { hits: 0, misses: 0, invalidated: 0 };
  private heldEvents = 0;

  constructor(
    private readonly store: EventStore,
    readonly capacity = DEFAULT_STREAM_CACHE_SIZE,
    readonly maxEvents = DEFAULT_STREAM_CACHE_EVENTS,
  ) {}

  async read(workflow: AnyWorkflow, instanceId: string): Promise<StreamSnapshot> {
    const streamId = streamIdOf(workflow, instanceId);
    const cached = this.lookup(streamId, workflow);
    if (cached) {
      // from the cached revision itself: its event must still be there, unchanged
      const tail = await this.store.readStream(streamId, { from: cached.revision ?? 0 });
      if (continues(workflow, cached, tail)) {
        this.counts.hits++;
        return this.keep(workflow, continueReplay(workflow, cached, tail.slice(1)));
      }
      this.drop(streamId);
    } else {
      this.counts.misses++;
    }
    return this.keep(workflow, replayStored(workflow, streamId, await this.store.readStream(streamId)));
  }

  /** After our own append: the state decided on plus the events the store now holds after it. */
  appended(workflow: AnyWorkflow, before: StreamSnapshot, written: StoredEvent[]): void {
    const anchor = before.events.at(-1);
    if (sameWriter(workflow, before.revision, written) && (before.revision === null || anchor?.revision === before.revision)) {
      this.keep(workflow, continueReplay(workflow, before, written));
    } else {
      this.drop(before.streamId);
    }
  }

  stats(): StreamCacheStats {
    return { entries: this.entries.size, events: this.heldEvents, ...this.counts };
  }

  private lookup(streamId: string, workflow: AnyWorkflow): StreamSnapshot | undefined {
    const entry = this.entries.get(streamId);
    if (!entry) return undefined;
    if (entry.workflow !== workflow || entry.version !== workflow.version) {
      this.drop(streamId);
      return undefined;
    }
    this.entries.delete(streamId); // most recently used goes last (held events unchanged)
    this.entries.set(streamId, entry);
    return entry.stream;
  }

  private keep(workflow: AnyWorkflow, stream: StreamSnapshot): StreamSnapshot {
    if (this.capacity <= 0 || stream.revision === null) return stream;
    if (stream.events.length > this.maxEvents) {
      this.remove(stream.streamId); // larger than the whole budget: replayed each time, never kept
      return stream;
    }
    freezeState(stream);
    const current = this.entries.get(stream.streamId);
    // two reads of one stream may finish out of order: never go back to an older revision
    if (current && current.workflow === workflow && (current.stream.revision ?? -1) > stream.revision) return stream;
    this.remove(stream.streamId);
    this.entries.set(stream.streamId, { workflow, version: workflow.version, stream });
    this.heldEvents += stream.events.length;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity && this.heldEvents <= this.maxEvents) break;
      this.remove(oldest);
    }
    return stream;
  }

  private drop(streamId: string): void {
    if (this.remove(streamId)) this.counts.invalidated++;
  }

  private remove(streamId: string): boolean {
    const entry = this.entries.get(streamId);
    if (!entry) return false;
    this.heldEvents -= entry.stream.events.length;
    return this.entries.delete(streamId);
  }
}

/** The tail read from the cached revision starts with the very event cached last, then follows on. */
function continues(workflow: AnyWorkflow, cached: StreamSnapshot, tail: StoredEvent[]): boolean {
  const last = cached.events.at(-1);
  const [first, ...rest] = tail;
  if (!last || !first || first.revision !== cached.revision || first.id !== last.id || first.hash !== last.hash) return false;
  return sameWriter(workflow, cached.revision, rest);
}

/** Consecutive revisions after `revision`, each written by this machine version in the current shape. */
function sameWriter(workflow: AnyWorkflow, revision: number | null, events: StoredEvent[]): boolean {
  const start = revision === null ? 0 : revision + 1;
  return events.every(
    (e, i) => e.revision === start + i && (e.metadata.machineVersion === undefined || e.metadata.machineVersion === workflow.version) && !needsUpcast(workflow, e),
  );
}

function freezeState(stream: StreamSnapshot): void {
  deepFreeze(stream.snapshot.context);
  deepFreeze(stream.snapshot.value);
  deepFreeze(stream.state);
  deepFreeze(stream.events);
}

/**
 * Stops at anything already frozen: a context shares every unchanged part (persistent-map nodes,
 * earlier events) with the state cached before it, so only what the new events created is walked.
 */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<string | symbol, unknown>)[key]);
}
