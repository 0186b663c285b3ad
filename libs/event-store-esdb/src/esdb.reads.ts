import {
  type AllStreamResolvedEvent,
  BACKWARDS,
  END,
  type EventStoreDBClient,
  FORWARDS,
  type Position,
  START,
  StreamNotFoundError,
} from '@eventstore/db-client';
import type { ReadAllOptions, ReadStreamOptions, StoredEvent } from '@crm/event-store';
import { isSystemEvent, toStoredEvent } from './esdb.events';
import { comparePositions, toEsdbPosition } from './esdb.positions';

/** $all interleaves system events ($stats, $metadata...) with ours; read in pages and drop them. */
const ALL_PAGE = 200;

/** One stream's events; a missing stream reads as empty (the client throws StreamNotFoundError). */
export async function readStreamEvents(
  client: EventStoreDBClient,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<StoredEvent[]> {
  const backwards = options.direction === 'backwards';
  const events: StoredEvent[] = [];
  try {
    const read = client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.from === undefined ? (backwards ? END : START) : BigInt(options.from),
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
    });
    for await (const resolved of read) {
      if (resolved.event) events.push(toStoredEvent(resolved.event, false));
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events;
}

/** Port semantics: events strictly after `fromPosition`, at most `maxCount`, system events excluded. */
export async function readAllEvents(client: EventStoreDBClient, options: ReadAllOptions = {}): Promise<StoredEvent[]> {
  const wanted = options.maxCount ?? Number.MAX_SAFE_INTEGER;
  const events: StoredEvent[] = [];
  // ESDB reads from a position inclusively: remember the last raw position seen and skip it
  let after: Position | null = options.fromPosition ? toEsdbPosition(options.fromPosition) : null;
  for (;;) {
    const page = await readAllPage(client, after ?? START, ALL_PAGE);
    const fresh = page.filter((r) => !after || comparePositions(r.position, after) > 0);
    for (const { event } of fresh) {
      if (event && !isSystemEvent(event)) events.push(toStoredEvent(event, true));
      if (events.length >= wanted) return events;
    }
    if (page.length < ALL_PAGE || fresh.length === 0) return events;
    after = fresh[fresh.length - 1].position;
  }
}

type PositionedEvent = { event: AllStreamResolvedEvent['event']; position: Position };

async function readAllPage(
  client: EventStoreDBClient,
  from: Position | typeof START,
  maxCount: number,
): Promise<PositionedEvent[]> {
  const page: PositionedEvent[] = [];
  for await (const resolved of client.readAll({ fromPosition: from, maxCount, direction: FORWARDS })) {
    if (resolved.event) page.push({ event: resolved.event, position: resolved.event.position });
  }
  return page;
}

/** The last non-system event's position, scanning $all backwards; 0 when there is none. */
export async function readHeadPosition(client: EventStoreDBClient): Promise<number> {
  let from: Position | typeof END = END;
  for (;;) {
    const page: AllStreamResolvedEvent[] = [];
    for await (const resolved of client.readAll({ fromPosition: from, maxCount: ALL_PAGE, direction: BACKWARDS })) {
      page.push(resolved);
    }
    const ours = page.find((r) => r.event && !isSystemEvent(r.event));
    if (ours?.event) return toStoredEvent(ours.event, true).position;
    const last = page[page.length - 1]?.event;
    if (page.length < ALL_PAGE || !last) return 0;
    // a backwards read from a position includes events before it: step to just before the last one
    from = last.position;
  }
}
