import { request as httpRequest } from 'node:http';
import type { StoredEvent } from '@crm/event-store';
import { signInStreamId } from '../../src/auth/sign-in.events';
import { DEMO_PASSWORD } from '../../src/auth/demo-users';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * POST /auth/token from a chosen loopback address (127.0.0.2, 127.0.0.3 …), so the service sees
 * several clients over real HTTP without trusting any forwarded-for header.
 */
function signInFrom(api: TestApi, client: string, username: string, password: string): Promise<{ status: number; body: any; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${api.url}/auth/token`, { method: 'POST', localAddress: client, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), retryAfter: res.headers['retry-after'] }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ username, password }));
  });
}

describe('sign-in, sign-out and the progressive delay (real HTTP, real SQLite)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

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

  const from = (client: string, username: string, password = 'wrong-guess-xyz') => signInFrom(api, client, username, password);
  const signInEvents = async (): Promise<StoredEvent[]> => api.store.readStream(signInStreamId(api.clock.now()));

  it('THROTTLED: after 3 failures of one username from one client that pair waits 1 s, then 2 s, doubling; the right password after the wait passes', async () => {
    for (let i = 0; i < 3; i += 1) expect((await from('127.0.0.1', 'sales2')).status).toBe(401);
    const first = await from('127.0.0.1', 'sales2', DEMO_PASSWORD);
    expect([first.status, first.retryAfter, first.body]).toEqual([429, '1', expect.objectContaining({ rule: 'THROTTLED', statusCode: 429, retryAfterSeconds: 1 })]);
    api.clock.advance(1000);
    expect((await from('127.0.0.1', 'sales2')).status).toBe(401);
    expect((await from('127.0.0.1', 'sales2', DEMO_PASSWORD)).retryAfter).toBe('2');
    api.clock.advance(2000);
    expect((await from('127.0.0.1', 'sales2', DEMO_PASSWORD)).status).toBe(200);
    expect((await from('127.0.0.1', 'sales2')).status).toBe(401); // a success starts the pair afresh
  });

  it('THROTTLED: no lockout — a correct password from a client without failures passes at once, however often gm failed from elsewhere', async () => {
    for (const client of ['127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6', '127.0.0.7']) {
      for (let i = 0; i < 3; i += 1) expect((await from(client, 'gm')).status).toBe(401);
      expect((await from(client, 'gm', DEMO_PASSWORD)).status).toBe(429);
    }
    expect((await from('127.0.0.8', 'gm', DEMO_PASSWORD)).status).toBe(200);
  });

  it('THROTTLED: unknown usernames are delayed exactly like real ones, so a 429 does not reveal that an account exists', async () => {
    for (let i = 0; i < 3; i += 1) expect((await from('127.0.0.9', 'nobody-here')).status).toBe(401);
    const refused = await from('127.0.0.9', 'nobody-here');
    expect([refused.status, refused.retryAfter]).toEqual([429, '1']);
  });

  it('THROTTLED: one client failing 30 times, whatever the usernames, is refused for every username until the window passes', async () => {
    for (let i = 0; i < 30; i += 1) expect((await from('127.0.0.10', `spray${i}`)).status).toBe(401);
    const refused = await from('127.0.0.10', 'admin', DEMO_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(800);
    expect((await from('127.0.0.11', 'admin', DEMO_PASSWORD)).status).toBe(200);
    api.clock.advance(15 * 60 * 1000 + 1000);
    expect((await from('127.0.0.10', 'admin', DEMO_PASSWORD)).status).toBe(200);
  }, 60_000);

  it('failed and throttled sign-ins are their own events with the username and client, one SignInThrottled per stretch, never the password', async () => {
    for (let i = 0; i < 3; i += 1) await from('127.0.0.12', 'finance');
    for (let i = 0; i < 3; i += 1) expect((await from('127.0.0.12', 'finance')).status).toBe(429);
    const mine = (await signInEvents()).filter((e) => (e.data as { client: string }).client === '127.0.0.12');
    expect(mine.map((e) => [e.type, e.data])).toEqual([
      ['SignInFailed', { username: 'finance', client: '127.0.0.12', recentFailures: 1 }],
      ['SignInFailed', { username: 'finance', client: '127.0.0.12', recentFailures: 2 }],
      ['SignInFailed', { username: 'finance', client: '127.0.0.12', recentFailures: 3 }],
      ['SignInThrottled', { username: 'finance', client: '127.0.0.12', limit: 'pair', retryAfterSeconds: 1 }],
    ]);
    expect(mine[0].metadata).toMatchObject({ actor: 'system:sign-in' });
    expect(JSON.stringify(await signInEvents())).not.toContain('wrong-guess-xyz');
    expect((await api.store.readStream('user-finance')).map((e) => e.type)).toEqual(['UserRegistered']);
  });
});
