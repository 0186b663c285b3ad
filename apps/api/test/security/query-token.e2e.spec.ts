import { SseClient } from '../complaints/sse-client';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * `?access_token=` exists for EventSource, which cannot send headers. A token in a URL lands in
 * browser history and proxy logs, so only the SSE endpoints (SLA alerts, my notifications) take it;
 * everywhere else it is ignored.
 */
describe('a token in the query counts only on the SSE streams (real HTTP)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const withQueryToken = (path: string, token: string) => `${path}?access_token=${encodeURIComponent(token)}`;

  it('a read with the token only in the query is refused 401', async () => {
    const token = await api.tokenFor('supervisor');
    const res = await api.request('GET', withQueryToken('/auth/me', token));
    expect(res).toMatchObject({ status: 401, body: { rule: 'AUTH', message: 'a bearer token is required' } });
    const board = await api.request('GET', withQueryToken('/sla/alerts', token));
    expect(board.status).toBe(401);
    const mine = await api.request('GET', withQueryToken('/me/notifications', token));
    expect(mine.status).toBe(401);
  });

  it('a write with the token only in the query is refused 401 and changes nothing', async () => {
    const token = await api.tokenFor('finance');
    const logout = await api.request('POST', withQueryToken('/auth/logout', token));
    expect(logout).toMatchObject({ status: 401, body: { rule: 'AUTH' } });
    expect((await api.request('GET', '/auth/me', { token })).status).toBe(200); // not signed out
    const admin = await api.tokenFor('admin');
    const create = await api.request('POST', withQueryToken('/users', admin), {
      body: { username: 'via-query', name: 'Query', roles: ['auditor'], password: 'long-enough' },
    });
    expect(create).toMatchObject({ status: 401, body: { rule: 'AUTH' } });
    expect((await api.request('GET', '/users/via-query', { token: admin })).status).toBe(404);
  });

  it('the SSE stream takes it, and the header still wins over it', async () => {
    const token = await api.tokenFor('supervisor');
    const stream = await SseClient.open(`${api.url}${withQueryToken('/sla/alerts/stream', token)}`);
    expect(stream.status).toBe(200);
    await stream.close();
    const forged = await SseClient.open(`${api.url}${withQueryToken('/sla/alerts/stream', token)}`, { authorization: 'Bearer forged.token' });
    expect(forged.status).toBe(401);
    const notifications = await SseClient.open(`${api.url}${withQueryToken('/me/notifications/stream', token)}`);
    expect(notifications.status).toBe(200);
    await notifications.close();
  });

  it('/openapi.json lists the query token on the two SSE streams and nowhere else', async () => {
    const response = await fetch(`${api.url}/openapi.json`);
    const document = (await response.json()) as { paths: Record<string, Record<string, { 'x-query-token'?: boolean }>> };
    const marked = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).filter(([, operation]) => operation['x-query-token'] === true).map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(marked.sort()).toEqual(['GET /me/notifications/stream', 'GET /sla/alerts/stream']);
  });
});
