import { startTestApi, type TestApi } from './support/test-api';

describe('API foundation on a real SQLite file over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('reports readiness including the event store', async () => {
    const res = await api.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body.checks.eventStore).toEqual({ status: 'up', engine: 'sqlite' });
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers 503 when the event store is gone', async () => {
    const original = api.store.ping.bind(api.store);
    api.store.ping = async () => false;
    try {
      const res = await api.request('GET', '/health');
      expect(res.status).toBe(503);
      expect(res.body.checks.eventStore.status).toBe('down');
    } finally {
      api.store.ping = original;
    }
  });

  it('serves its OpenAPI document listing its endpoints', async () => {
    const res = await api.request('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health', '/auth/token', '/auth/me']));
    const page = await api.request('GET', '/docs');
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('swagger');
  });

  it('signs in a seeded demo user and knows who the token belongs to', async () => {
    const token = await api.tokenFor('finance');
    const me = await api.request('GET', '/auth/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: 'finance', roles: ['finance_reviewer'] });
  });

  it('refuses requests without a token, with a forged token and with an expired token', async () => {
    expect((await api.request('GET', '/auth/me')).status).toBe(401);
    const token = await api.tokenFor('sales');
    const forged = `${token.split('.')[0]}.AAAA`;
    expect((await api.request('GET', '/auth/me', { token: forged })).status).toBe(401);
    api.clock.advance(2 * 3600 * 1000);
    const expired = await api.request('GET', '/auth/me', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.message).toBe('token expired');
  });

  it('does not tell which half of a failed sign-in was wrong', async () => {
    const wrongPassword = await api.request('POST', '/auth/token', { body: { username: 'sales', password: 'nope' } });
    const unknownUser = await api.request('POST', '/auth/token', { body: { username: 'nobody', password: 'nope' } });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body.message).toBe(unknownUser.body.message);
  });

  it('names the field and the rule of a bad body, and refuses unknown fields', async () => {
    const res = await api.request('POST', '/auth/token', { body: { username: 'sales', password: 'x', extra: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.rule).toBe('SCHEMA');
    expect(res.body.message).toContain('extra');
    const missing = await api.request('POST', '/auth/token', { body: { username: 'sales' } });
    expect(missing.status).toBe(400);
    expect(missing.body.field).toBe('password');
    const notJson = await api.request('POST', '/auth/token', { body: '{not json', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
  });
});
