import type { ReadModelDb } from '@crm/engine';
import { type KyselyPlugin, type RootOperationNode, SelectQueryNode, TableNode } from 'kysely';
import { fireDueTimers, recordAndClassify } from '../complaints/complaint-support';
import { SseClient } from '../complaints/sse-client';
import { READ_MODEL_DB } from '../../src/read-models/read-model.tokens';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);
const POLL_MS = 50;
const MINUTE = 60_000;
const USERS = ['supervisor', 'gm', 'auditor'];

/**
 * Holds back the results of every read of `sla_alerts` until released, and counts how many are
 * waiting. One poller for all streams waits on its one read; a poller per stream would have one
 * read waiting per stream. No timing is measured: the count of reads held at once is the proof.
 */
function holdAlertReads(readModels: ReadModelDb) {
  const original = readModels.db;
  let release: () => void = () => undefined;
  let released = new Promise<void>((resolve) => (release = resolve));
  const state = { waiting: 0, most: 0 };
  const isAlertRead = (node: RootOperationNode) =>
    SelectQueryNode.is(node) && (node.from?.froms ?? []).some((from) => TableNode.is(from) && from.table.identifier.name === 'sla_alerts');
  const held = new WeakSet<object>();
  const plugin: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      if (isAlertRead(node)) held.add(queryId);
      return node;
    },
    transformResult: async ({ result, queryId }) => {
      if (!held.has(queryId)) return result;
      state.waiting += 1;
      state.most = Math.max(state.most, state.waiting);
      await released;
      state.waiting -= 1;
      return result;
    },
  };
  (readModels as { db: unknown }).db = original.withPlugin(plugin);
  return {
    state,
    stop() {
      (readModels as { db: unknown }).db = original;
      release();
      released = Promise.resolve();
    },
  };
}

const until = async (condition: () => boolean, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('one alert poller for every open stream (real HTTP, real SQLite)', () => {
  let api: TestApi;
  const streams: SseClient[] = [];
  beforeAll(async () => {
    api = await startTestApi({ start: '2026-09-30T02:00:00.000Z', transport: { ssePollMs: POLL_MS, sseHeartbeatMs: 10 * 60_000 } });
  });
  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await api.close();
  });

  const openAll = async () => {
    for (const user of USERS) {
      for (let copy = 0; copy < 2; copy += 1) {
        const token = await api.tokenFor(user);
        const stream = await SseClient.open(`${api.url}/sla/alerts/stream?access_token=${encodeURIComponent(token)}`);
        expect(stream.status).toBe(200);
        streams.push(stream);
      }
    }
  };

  it('six open streams wait on one read of the alerts at a time, and one alert reaches all six', async () => {
    const { id } = await recordAndClassify(api, await api.tokenFor('manager'), '2026-09-30T10:00:00+08:00', 'major');
    const detail = await api.request('GET', `/complaints/${id}`, { token: await api.tokenFor('supervisor') });
    const warnAt = Date.parse(detail.body.sla.warnAt);
    api.clock.set(new Date(warnAt - MINUTE)); // tokens signed from here on are still good at the warning

    const hold = holdAlertReads(api.app.get<ReadModelDb>(READ_MODEL_DB));
    try {
      await openAll();
      await until(() => hold.state.waiting >= 1, 'a read of the alerts started');
      // twenty intervals in which a poller per stream would have started five more reads
      await new Promise((resolve) => setTimeout(resolve, 20 * POLL_MS));
      expect(hold.state).toEqual({ waiting: 1, most: 1 });
    } finally {
      hold.stop();
    }

    api.clock.set(new Date(warnAt + MINUTE));
    await fireDueTimers(api);
    const received = await Promise.all(streams.map((s) => s.next((e) => e.event === 'ComplaintSlaWarned')));
    expect(new Set(received.map((e) => e.id)).size).toBe(1);
    expect(received[0].data).toMatchObject({ kind: 'warning', complaintId: id });
  });

  it('a client resuming from an older Last-Event-ID is sent its backlog, read for it alone before it joins the shared poller', async () => {
    const first = streams[0].events.find((e) => e.event === 'ComplaintSlaWarned');
    const token = await api.tokenFor('supervisor');
    const resumed = await SseClient.open(`${api.url}/sla/alerts/stream?access_token=${encodeURIComponent(token)}`, { 'last-event-id': String(Number(first?.id) - 1) });
    streams.push(resumed);
    expect((await resumed.next((e) => e.event === 'ComplaintSlaWarned')).id).toBe(first?.id);
  });
});
