import { startTestApi, type TestApi } from '../support/test-api';
import { loadOperations, type Operation } from './support/openapi-operations';
import { RawConnection, requestHead } from './support/raw-http';

jest.setTimeout(120_000);
const MB = 1024 * 1024;

/**
 * A body is read only for a caller with a valid bearer token (or for a public route). Each probe
 * announces a large body, sends a few bytes of it and stalls: an answer can only come from a
 * check made before the body parser, which would otherwise wait for the rest of the body.
 */
describe('authenticate before reading a body (real HTTP, raw sockets)', () => {
  let api: TestApi;
  const sockets: RawConnection[] = [];
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await api.close();
  });

  /** Announces `length` bytes of body, sends `sent` of them and stalls. */
  const stalledUpload = async (method: string, path: string, headers: Record<string, string>, length: number, sent = 1024) => {
    const socket = await RawConnection.open(api.url);
    sockets.push(socket);
    socket.write(requestHead(method, path, { 'content-length': length, ...headers }));
    socket.write(Buffer.alloc(sent, 0x61));
    return socket;
  };

  it('a 20 MB CSV import without a token is answered 401 before its body is read, and the connection is closed', async () => {
    const socket = await stalledUpload('POST', '/pickups/import', { 'content-type': 'text/csv' }, 20 * MB, 64 * 1024);
    const reply = await socket.reply();
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', rule: 'AUTH', message: 'a bearer token is required' });
    expect(reply.body.requestId).toEqual(expect.any(String));
    expect(reply.text).toMatch(/\r\nconnection: close\r\n/i);
    await socket.closedByServer();
    // a client sending the whole file (fetch) sees the same answer, not a broken pipe
    const whole = await fetch(`${api.url}/pickups/import`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a'.repeat(20 * MB) });
    expect(whole.status).toBe(401);
    expect(await whole.json()).toMatchObject({ rule: 'AUTH' });
  });

  it('a 2 MB JSON write with a forged, a signed-out or no token is answered 401 with the reason before its body is read', async () => {
    const forged = `${Buffer.from('{"sub":"admin"}').toString('base64url')}.not-the-signature`;
    const signedOut = await api.tokenFor('manager');
    expect((await api.request('POST', '/auth/logout', { token: signedOut })).status).toBe(204);
    const cases: Array<[Record<string, string>, string]> = [
      [{}, 'a bearer token is required'],
      [{ authorization: `Bearer ${forged}` }, 'bad signature'],
      [{ authorization: `Bearer ${signedOut}` }, 'token revoked'],
    ];
    for (const [auth, message] of cases) {
      const socket = await stalledUpload('POST', '/complaints', { 'content-type': 'application/json', ...auth }, 2 * MB);
      expect((await socket.reply()).body).toMatchObject({ statusCode: 401, rule: 'AUTH', message });
    }
  });

  it('the refusal is in the caller’s language, and an unknown path is no way around it', async () => {
    const zh = await stalledUpload('PUT', '/no/such/route', { 'content-type': 'application/json', 'accept-language': 'zh-CN' }, MB);
    expect((await zh.reply()).body).toMatchObject({ statusCode: 401, rule: 'AUTH', message: '需要先登录（请求缺少 Bearer 令牌）' });
  });

  it('with a valid token the body is read and the request handled as before', async () => {
    const token = await api.tokenFor('manager');
    const res = await api.request('POST', '/complaints', { token, body: { customerId: 'cust-1' } });
    expect(res).toMatchObject({ status: 400, body: { rule: 'SCHEMA' } });
    const csv = await fetch(`${api.url}/pickups/import`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: 'x' });
    expect(csv.status).toBe(400);
    expect(await csv.json()).toMatchObject({ rule: 'IMPORT' });
  });

  describe('in step with @Public(), walking /openapi.json', () => {
    let operations: Operation[];
    beforeAll(async () => {
      operations = await loadOperations(api.url);
    });

    it('every route the service serves, but the docs, is in /openapi.json (the check reads its routes from there)', () => {
      const documented = new Set(operations.map((o) => `${o.method} ${o.path}`));
      const router = (api.app.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> } }).router;
      const served = router.stack.flatMap(({ route }) =>
        route ? Object.keys(route.methods).map((m) => `${m.toUpperCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`) : [],
      );
      const undocumented = served.filter((key) => !documented.has(key) && !/^GET \/(openapi\.json|docs)/.test(key));
      expect(undocumented).toEqual([]);
      expect(served.length).toBeGreaterThan(100);
    });

    it('every non-public operation refuses an unauthenticated body unread; every public one reads it', async () => {
      const verdicts = await Promise.all(
        operations.map(async (operation) => {
          const verdict = operation.declared.isPublic ? await publicAnswer(operation) : await unreadRefusal(operation);
          return verdict ? `${operation.key}: ${verdict}` : null;
        }),
      );
      expect(verdicts.filter(Boolean)).toEqual([]);
      expect(operations.filter((o) => o.declared.isPublic).map((o) => o.key)).toContain('POST /auth/token');
    });

    const unreadRefusal = async (operation: Operation): Promise<string | null> => {
      const socket = await stalledUpload(operation.method, operation.examplePath, { 'content-type': 'application/json' }, MB, 16);
      const reply = await socket.reply(5_000).catch(() => null);
      socket.destroy();
      if (!reply) return 'no answer before the body was sent';
      return reply.status === 401 && reply.body?.message === 'a bearer token is required' ? null : `answered ${reply.status} ${JSON.stringify(reply.body)}`;
    };

    const publicAnswer = async (operation: Operation): Promise<string | null> => {
      const socket = await RawConnection.open(api.url);
      sockets.push(socket);
      socket.write(requestHead(operation.method, operation.examplePath, { 'content-type': 'application/json', 'content-length': 2, connection: 'close' }));
      socket.write('{}');
      const reply = await socket.reply();
      return reply.status === 401 && reply.body?.message === 'a bearer token is required' ? 'refused although public' : null;
    };
  });
});
