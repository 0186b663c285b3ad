import { upcastEvent } from '@crm/engine';
import type { JsonObject, StoredEvent } from '@crm/event-store';
import { applyEvent, type AnyWorkflow, initialSnapshot, stateName, type Wording } from '@crm/workflow-kit';
import type { AnyMachineSnapshot } from 'xstate';
import { type ContextChange, contextDiff } from './context-diff';
import { eventWording, stateWording } from './event-wording';
import type { WorkflowLookup } from './workflow-lookup';

export interface StateSummary {
  workflow: string | null;
  /** dotted machine state, e.g. `open.active`; null for a stream no workflow owns */
  state: string | null;
  /** the state's name for people, null where the workflow gives none */
  label: Wording | null;
  done: boolean;
}

export interface HistoryEntry {
  position: number;
  streamId: string;
  revision: number;
  type: string;
  /** the event's name for people (the workflow's vocabulary) */
  title: Wording;
  actor: string;
  occurredAt: string;
  recordedAt: string;
  data: JsonObject;
  stateBefore: StateSummary;
  stateAfter: StateSummary;
  /** what the event changed in the machine's context */
  changes: ContextChange[];
  /** present when the event was brought in by an import (a migration): the file and its row */
  importedFrom?: JsonObject;
}

export interface HistoryFilter {
  types?: readonly string[];
  actor?: string;
  /** occurredAt bounds, inclusive */
  from?: string;
  to?: string;
}

export interface HistoryPage {
  /** entries matching the filter, over the whole history */
  total: number;
  offset: number;
  entries: HistoryEntry[];
  nextOffset: number | null;
}

interface StreamCursor {
  workflow: AnyWorkflow | undefined;
  snapshot: AnyMachineSnapshot | null;
}

/**
 * The customer's events in global order, each with its stream's machine state before and after
 * it. One snapshot per stream is carried forward, so the whole history costs one machine
 * transition per event (never a replay per entry). `events` must hold complete streams in global
 * order; the filter selects entries but every event is replayed (state depends on all of them).
 */
export function customerHistory(
  events: readonly StoredEvent[],
  lookup: WorkflowLookup,
  filter: HistoryFilter = {},
  page: { offset?: number; limit?: number } = {},
): HistoryPage {
  const offset = page.offset ?? 0;
  const limit = page.limit ?? Number.MAX_SAFE_INTEGER;
  const cursors = new Map<string, StreamCursor>();
  const matches = matcher(filter);
  const entries: HistoryEntry[] = [];
  let total = 0;
  for (const event of events) {
    const cursor = cursorOf(cursors, event.streamId, lookup);
    const before = cursor.snapshot;
    const after = cursor.workflow && before ? applyEvent(cursor.workflow, before, upcastEvent(cursor.workflow, event)) : before;
    cursor.snapshot = after;
    if (!matches(event)) continue;
    total += 1;
    if (total > offset && entries.length < limit) entries.push(entryOf(event, cursor.workflow, before, after));
  }
  return { total, offset, entries, nextOffset: offset + entries.length < total ? offset + entries.length : null };
}

function cursorOf(cursors: Map<string, StreamCursor>, streamId: string, lookup: WorkflowLookup): StreamCursor {
  let cursor = cursors.get(streamId);
  if (!cursor) {
    const workflow = lookup(streamId);
    cursor = { workflow, snapshot: workflow ? initialSnapshot(workflow) : null };
    cursors.set(streamId, cursor);
  }
  return cursor;
}

function matcher(filter: HistoryFilter): (event: StoredEvent) => boolean {
  const types = filter.types && filter.types.length > 0 ? new Set(filter.types) : null;
  const from = filter.from ? Date.parse(filter.from) : -Infinity;
  const to = filter.to ? Date.parse(filter.to) : Infinity;
  return (event) => {
    if (types && !types.has(event.type)) return false;
    if (filter.actor && event.metadata.actor !== filter.actor) return false;
    const at = Date.parse(event.metadata.occurredAt);
    return at >= from && at <= to;
  };
}

function entryOf(event: StoredEvent, workflow: AnyWorkflow | undefined, before: AnyMachineSnapshot | null, after: AnyMachineSnapshot | null): HistoryEntry {
  return {
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    title: eventWording(event.type, workflow),
    actor: event.metadata.actor,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.recordedAt,
    data: event.data,
    stateBefore: summary(workflow, before),
    stateAfter: summary(workflow, after),
    changes: before && after && before !== after ? contextDiff(before.context, after.context) : [],
    ...importOf(event),
  };
}

const importOf = (event: StoredEvent): { importedFrom?: JsonObject } => {
  const origin = event.metadata.importedFrom;
  return origin && typeof origin === 'object' && !Array.isArray(origin) ? { importedFrom: origin } : {};
};

function summary(workflow: AnyWorkflow | undefined, snapshot: AnyMachineSnapshot | null): StateSummary {
  if (!workflow || !snapshot) return { workflow: workflow?.name ?? null, state: null, label: null, done: false };
  const state = stateName(snapshot.value);
  return { workflow: workflow.name, state, label: stateWording(workflow, state), done: snapshot.status === 'done' };
}
