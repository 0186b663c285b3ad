import { join } from 'node:path';
import { startTestApi, type TestApi } from '../support/test-api';
import { startReplica, type AppReplica } from './support/start-app';

jest.setTimeout(60_000);

/**
 * Two API instances over one store, each with its own user cache: a revocation made through
 * one is honoured by the other as soon as its change feed has seen the commit (ADR 0031: on one
 * SQLite file, within the feed's poll; the test asks until then), and by the one that made it at once.
 */
describe('token revocation across replicas sharing one store', () => {
  let a: TestApi;
  let b: AppReplica;
  beforeAll(async () => {
    a = await startTestApi();
    b = await startReplica(join(a.dataDir, 'crm.db'), a.clock);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const me = (url: string, token: string) => fetch(`${url}/auth/me`, { headers: { authorization: `Bearer ${token}` } });
  /** the other replica's answer once it refuses, or its last answer after a generous bound */
  const refusedBy = async (url: string, token: string) => {
    const deadline = Date.now() + 10_000;
    let status = (await me(url, token)).status;
    while (status !== 401 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = (await me(url, token)).status;
    }
    return status;
  };
  const post = (url: string, path: string, token: string, body: unknown) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('a token revoked through replica B is refused by replica A, which had it cached as valid', async () => {
    const token = await a.tokenFor('finance');
    expect((await me(a.url, token)).status).toBe(200); // A now caches finance's state
    expect((await me(b.url, token)).status).toBe(200); // B accepts A's token (shared secret)
    const admin = await a.tokenFor('admin');
    expect((await post(b.url, '/users/finance/revoke-tokens', admin, { reason: 'suspected leak' })).status).toBe(200);
    expect((await me(b.url, token)).status).toBe(401);
    expect(await refusedBy(a.url, token)).toBe(401);
  });

  it('a sign-out on replica A is honoured by replica B', async () => {
    const token = await a.tokenFor('gm');
    expect((await me(b.url, token)).status).toBe(200);
    expect((await post(a.url, '/auth/logout', token, {})).status).toBe(204);
    expect(await refusedBy(b.url, token)).toBe(401);
  });
});
