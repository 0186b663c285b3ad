import { startTestApi, type TestApi } from '../support/test-api';
import { loadOperations } from './support/openapi-operations';

jest.setTimeout(60_000);

describe('AUDITOR-READ-ONLY: auditors read everything and change nothing', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('an auditor-only caller is refused every non-GET operation (bar @AuditorAllowed ones) before anything is read or written', async () => {
    const token = await api.tokenFor('auditor');
    const writes = (await loadOperations(api.url)).filter((o) => o.method !== 'GET' && !o.declared.isPublic && !o.declared.auditorAllowed);
    expect(writes.length).toBeGreaterThan(10);
    const head = await api.store.headPosition();
    for (const operation of writes) {
      const res = await api.request(operation.method, operation.examplePath, { token, body: {} });
      expect({ op: operation.key, status: res.status, rule: res.body?.rule }).toEqual({ op: operation.key, status: 403, rule: 'AUDITOR-READ-ONLY' });
    }
    expect(await api.store.headPosition()).toBe(head);
  });

  it('someone holding auditor and another role is judged by the endpoint’s roles as usual', async () => {
    const admin = await api.tokenFor('admin');
    const created = await api.request('POST', '/users', { token: admin, body: { username: 'auditsales', name: 'both', roles: ['auditor', 'administrator'], password: 'long-enough' } });
    expect(created.status).toBe(201);
    const token = (await api.request('POST', '/auth/token', { body: { username: 'auditsales', password: 'long-enough' } })).body.accessToken;
    const res = await api.request('POST', '/users', { token, body: {} });
    expect(res).toMatchObject({ status: 400, body: { rule: 'SCHEMA' } });
  });

  it('an auditor reads (GET) and may sign out and change their own password', async () => {
    const token = await api.tokenFor('auditor');
    expect((await api.request('GET', '/users', { token })).status).toBe(200);
    expect((await api.request('POST', '/users/me/password', { token, body: {} })).body.rule).toBe('SCHEMA');
    expect((await api.request('POST', '/auth/logout', { token })).status).toBe(204);
  });
});
