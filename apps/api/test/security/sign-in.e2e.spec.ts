import { startTestApi, type TestApi } from '../support/test-api';

describe('sign-in, sign-out and throttling (real HTTP, real SQLite)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const signIn = (username: string, password: string) => api.request('POST', '/auth/token', { body: { username, password } });

  it('POST /auth/logout revokes exactly the token used, not the user’s other tokens', async () => {
    const first = await api.tokenFor('finance2');
    const second = await api.tokenFor('finance2');
    const out = await api.request('POST', '/auth/logout', { token: first });
    expect(out.status).toBe(204);
    const refused = await api.request('GET', '/auth/me', { token: first });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ rule: 'AUTH', message: 'token revoked' });
    expect((await api.request('GET', '/auth/me', { token: second })).status).toBe(200);
    const [event] = await api.store.readStream('user-finance2', { direction: 'backwards', maxCount: 1 });
    expect(event).toMatchObject({ type: 'UserTokenRevoked', metadata: { actor: 'finance2' } });
  });

  it('an auditor may sign out (AUDITOR-READ-ONLY exempts the caller’s own session)', async () => {
    const token = await api.tokenFor('auditor');
    expect((await api.request('POST', '/auth/logout', { token })).status).toBe(204);
  });

  it('repeated failures for one username are refused with 429 and Retry-After, even with the right password, until the window passes', async () => {
    for (let i = 0; i < 5; i += 1) expect((await signIn('sales2', 'wrong')).status).toBe(401);
    const refused = await signIn('sales2', 'demo1234');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ rule: 'THROTTLED', statusCode: 429 });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    api.clock.advance(15 * 60 * 1000 + 1000);
    expect((await signIn('sales2', 'demo1234')).status).toBe(200);
  });

  it('unknown usernames are throttled like real ones, so a 429 does not reveal that an account exists', async () => {
    for (let i = 0; i < 5; i += 1) expect((await signIn('nobody-here', 'wrong')).status).toBe(401);
    expect((await signIn('nobody-here', 'wrong')).status).toBe(429);
    api.clock.advance(15 * 60 * 1000 + 1000);
  });

  it('one client trying many usernames is throttled by its address', async () => {
    const many = Array.from({ length: 30 }, (_, i) => `spray${i}`);
    for (const name of many) expect((await signIn(name, 'wrong')).status).toBe(401);
    const refused = await signIn('gm', 'demo1234');
    expect(refused.status).toBe(429);
    api.clock.advance(15 * 60 * 1000 + 1000);
    expect((await signIn('gm', 'demo1234')).status).toBe(200);
  }, 60_000);
});
