import type { AddressInfo } from 'node:net';
import { loadConfig } from '@crm/config';
import type { EventStore } from '@crm/event-store';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/app.factory';
import { openEventStore } from '../../src/infrastructure/open-event-store';
import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi, type TestEngine } from '../support/test-api';

jest.setTimeout(60_000);

interface Replica {
  url: string;
  app: INestApplication;
  store: EventStore;
  close(): Promise<void>;
}

/** A second API process-equivalent on the same store (SQLite file or PostgreSQL database): its own connection, caches and change feed. */
async function replicaOf(api: TestApi): Promise<Replica> {
  const store = await openEventStore(loadConfig({ EVENT_STORE: api.eventStore }).eventStore);
  const app = await createApp({ store, clock: api.clock, authSecret: 'test-secret', tokenTtlSeconds: 3600, seedDemoUsers: false, quiet: true });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, app, store, close: async () => { await app.close(); await store.close(); } };
}

const me = (url: string, token: string) => fetch(`${url}/auth/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
const post = (url: string, path: string, token: string, body: unknown) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status);

/** Asks until the answer is `status`: the other replica learns of the commit through its change feed (NOTIFY, or SQLite's poll), not on a timer of the test's. */
async function until<T>(status: T, ask: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 10_000;
  let last = await ask();
  while (last !== status && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    last = await ask();
  }
  return last;
}

const YEAR_2028 = {
  year: 2028,
  source: 'test notice for 2028 (not official)',
  holidays: [{ name: "New Year's Day", nameZh: '元旦', from: '2028-01-01', to: '2028-01-03' }],
  makeUpWorkdays: [],
};

describeEachEngine('ADR 0031: the user and calendar caches of two replicas on one store', (engine: TestEngine) => {
  let a: TestApi;
  let b: Replica;
  beforeAll(async () => {
    a = await startTestApi({ engine });
    b = await replicaOf(a);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('serves a signed-in user from memory: no read of the user stream per request', async () => {
    const token = await a.tokenFor('sales');
    expect(await me(b.url, token)).toBe(200);
    const reads = [jest.spyOn(b.store, 'readStream'), jest.spyOn(b.store, 'streamRevision')];
    try {
      for (let i = 0; i < 5; i++) expect(await me(b.url, token)).toBe(200);
      const userReads = reads.flatMap((r) => r.mock.calls).filter(([stream]) => String(stream).startsWith('user-'));
      expect(userReads).toEqual([]);
    } finally {
      reads.forEach((r) => r.mockRestore());
    }
  });

  it('a user disabled through replica A is refused by replica B, which had them cached as active', async () => {
    const token = await a.tokenFor('finance');
    expect(await me(b.url, token)).toBe(200);
    const admin = await a.tokenFor('admin');
    expect(await post(a.url, '/users/finance/disable', admin, { reason: 'left the company' })).toBe(200);
    expect(await until(401, () => me(b.url, token))).toBe(401);
    expect(await me(a.url, token)).toBe(401);
  });

  it('R-CMP-4: a calendar year published through replica A is used by replica B, which had the calendar cached', async () => {
    const provisional = () =>
      fetch(`${b.url}/calendar/deadline?from=2028-01-04T09:00:00%2B08:00&workingDays=1`).then(async (r) => ((await r.json()) as { provisional: boolean }).provisional);
    expect(await provisional()).toBe(true);
    const admin = await a.tokenFor('admin');
    const published = await fetch(`${a.url}/calendar/years/2028`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify(YEAR_2028) });
    expect(published.status).toBe(200);
    expect(await until(false, provisional)).toBe(false);
  });

  it('a user disabled through replica B is refused by B on its very next request, and by A', async () => {
    const token = await a.tokenFor('gm');
    expect(await me(a.url, token)).toBe(200);
    expect(await me(b.url, token)).toBe(200);
    const admin = await a.tokenFor('admin');
    expect(await post(b.url, '/users/gm/disable', admin, { reason: 'left the company' })).toBe(200);
    // the local commit signals the feed before the response is written
    expect(await me(b.url, token)).toBe(401);
    expect(await until(401, () => me(a.url, token))).toBe(401);
  });
});
