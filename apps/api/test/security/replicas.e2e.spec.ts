import { join } from 'node:path';
import { startTestApi, type TestApi } from '../support/test-api';
import { startReplica, type AppReplica } from './support/start-app';

jest.setTimeout(60_000);

/**
 * Two API instances over one store, each with its own user cache: a revocation made through
 * one must be honoured by the other on its very next request (the guard compares the user
 * stream's revision with its cache on every request).
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
  const post = (url: string, path: string, token: string, body: unknown) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('a token revoked through replica B is refused by replica A, which had it cached as valid', async () => {
    const token = await a.tokenFor('finance');
    expect((await me(a.url, token)).status).toBe(200); // A now caches finance's state
    expect((await me(b.url, token)).status).toBe(200); // B accepts A's token (shared secret)
    const admin = await a.tokenFor('admin');
    expect((await post(b.url, '/users/finance/revoke-tokens', admin, { reason: 'suspected leak' })).status).toBe(200);
    expect((await me(a.url, token)).status).toBe(401);
  });

  it('a sign-out on replica A is honoured by replica B', async () => {
    const token = await a.tokenFor('gm');
    expect((await me(b.url, token)).status).toBe(200);
    expect((await post(a.url, '/auth/logout', token, {})).status).toBe(204);
    expect((await me(b.url, token)).status).toBe(401);
  });
});
