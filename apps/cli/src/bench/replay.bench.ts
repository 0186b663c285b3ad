/**
 * `npm run bench -- replay`: how a busy customer's stream costs to replay, and what one command on
 * it costs. Replay should be linear in events (a per-event copy of the pickups made it quadratic),
 * and a command should not replay the whole stream when the engine already holds its state.
 * Sizes: BENCH_REPLAY_SIZES (default 2500,5000,10000); commands per size: BENCH_REPLAY_COMMANDS.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customerWorkflow, DEFAULT_CUSTOMER_SERVICES, NO_PREPAYMENT } from '@crm/customers';
import { WorkflowEngine } from '@crm/engine';
import type { NewEvent } from '@crm/event-store';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { type Actor, type AnyDomainEvent, replayEvents } from '@crm/workflow-kit';

const SIZES = (process.env.BENCH_REPLAY_SIZES ?? '2500,5000,10000').split(',').map(Number);
const COMMANDS = Number(process.env.BENCH_REPLAY_COMMANDS ?? 20);
const START = Date.parse('2022-01-03T01:00:00.000Z');
const HOUR = 3_600_000;
const MANAGER: Actor = { id: 'mgr-li', roles: ['customer_manager'] };

function opened(customerId: string): AnyDomainEvent {
  return {
    type: 'CustomerArchiveOpened',
    data: {
      customerId, applicationId: `app-${customerId}`, name: '宁波甬兴塑业有限公司', identifiers: {}, invoicing: {}, contacts: [], productLine: 'polyolefin',
      class: { salesObject: 'distributor', salesForm: 'planned' }, grade: 'ordinary', customerManagerId: 'mgr-li', region: '华东',
      documents: [{ documentId: 'doc-1', kind: 'business_licence', number: 'BL-1', validFrom: '2021-01-01', validUntil: '2031-12-31', warnAt: '2031-12-01T00:00:00.000Z' }],
      admission: null, openedBy: 'system:onboarding', openedAt: new Date(START).toISOString(), notify: [],
    },
  };
}

/** The archive opened, then one pickup an hour (so they spread over many months). */
function pickupStream(customerId: string, pickups: number): AnyDomainEvent[] {
  const events = [opened(customerId)];
  for (let i = 1; i <= pickups; i++) {
    const at = new Date(START + i * HOUR).toISOString();
    events.push({ type: 'PickupRecorded', data: { pickupId: `${customerId}-p-${i}`, date: at.slice(0, 10), product: 'HDPE 5000S', tonnes: 12.5, warehouse: '镇海库', recordedBy: 'mgr-li', recordedAt: at } });
  }
  return events;
}

const stored = (e: AnyDomainEvent, at: string): NewEvent => ({
  id: randomUUID(), type: e.type, data: e.data as never, metadata: { actor: 'mgr-li', correlationId: randomUUID(), causationId: null, occurredAt: at, schemaVersion: 1, machineVersion: '1' },
});

function timeMs(op: () => unknown): number {
  const t = process.hrtime.bigint();
  op();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

interface Line { what: string; events: number; ms: number; per: string }

function machineReplay(size: number): Line {
  const events = pickupStream('bench-r', size);
  const runs = [0, 1, 2].map(() => timeMs(() => replayEvents(customerWorkflow, events)));
  const ms = median(runs);
  return { what: 'machine replay from zero (median of 3)', events: events.length, ms, per: `${((ms * 1000) / events.length).toFixed(1)} µs/event` };
}

/** RecordPickup commands on a customer whose stream already holds `size` pickups (SQLite file store). */
async function commands(size: number, makeEngine: (store: SqliteEventStore) => WorkflowEngine, label: string): Promise<Line> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-replay-'));
  const store = SqliteEventStore.open(join(dir, 'bench.db'));
  try {
    const events = pickupStream('bench-c', size);
    for (let i = 0; i < events.length; i += 500) {
      await store.appendToStream('customer-bench-c', events.slice(i, i + 500).map((e, k) => stored(e, new Date(START + (i + k) * HOUR).toISOString())));
    }
    const engine = makeEngine(store);
    const now = new Date(START + (size + 10) * HOUR).toISOString();
    const run = (k: number) =>
      engine.execute(customerWorkflow, 'bench-c', { type: 'RecordPickup', data: { pickupId: `cmd-${k}`, date: now.slice(0, 10), product: 'HDPE 5000S', tonnes: 1, warehouse: '镇海库' }, meta: { actor: MANAGER, now } }, { ...DEFAULT_CUSTOMER_SERVICES, prepayment: NO_PREPAYMENT });
    await run(-1); // the first command of a process replays the whole stream either way
    const times: number[] = [];
    for (let k = 0; k < COMMANDS; k++) {
      const t = process.hrtime.bigint();
      await run(k);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const ms = median(times);
    return { what: `RecordPickup, ${label} (median of ${COMMANDS})`, events: events.length, ms, per: `${ms.toFixed(2)} ms/command` };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function print(lines: Line[]): void {
  const rows = lines.map((l) => [l.what, String(l.events), l.ms.toFixed(1), l.per]);
  const header = ['what', 'events in stream', 'ms', 'per'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
}

export async function run(): Promise<void> {
  console.log(`replay: customer streams of ${SIZES.join(' / ')} pickups`);
  const lines: Line[] = [];
  replayEvents(customerWorkflow, pickupStream('warm-up', 2_000)); // JIT, so the first size is not penalised
  for (const size of SIZES) lines.push(machineReplay(size));
  for (const size of SIZES) {
    lines.push(await commands(size, (store) => new WorkflowEngine(store, { streamCacheSize: 0 }), 'engine without stream cache'));
    lines.push(await commands(size, (store) => new WorkflowEngine(store), 'engine with stream cache'));
  }
  print(lines);
}
