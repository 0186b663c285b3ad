import { SseClient } from '../complaints/sse-client';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);
const ZH = { 'accept-language': 'zh-CN,zh;q=0.9' };

/**
 * An open SLA alert stream outlives the guard's check at open time; each heartbeat re-checks its
 * token, and a stream whose token no longer holds gets a last StreamClosed event and is ended.
 */
describe('open alert streams end when their session does (real HTTP, real SQLite)', () => {
  let api: TestApi;
  const streams: SseClient[] = [];
  beforeAll(async () => {
    api = await startTestApi({ transport: { sseHeartbeatMs: 100 } });
  });
  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await api.close();
  });

  const open = async (token: string, headers: Record<string, string> = {}) => {
    const stream = await SseClient.open(`${api.url}/sla/alerts/stream?access_token=${encodeURIComponent(token)}`, headers);
    streams.push(stream);
    expect(stream.status).toBe(200);
    return stream;
  };
  const closedEvent = (stream: SseClient) => stream.next((e) => e.event === 'StreamClosed');
  const admin = async () => api.tokenFor('admin');

  it('a token still good keeps its stream through heartbeats', async () => {
    const stream = await open(await api.tokenFor('gm'));
    await stream.moreHeartbeats(3);
    expect(stream.events.filter((e) => e.event === 'StreamClosed')).toEqual([]);
  });

  it('signing out ends that stream, saying why; the same user’s other stream stays open', async () => {
    const signedOut = await api.tokenFor('supervisor');
    const other = await api.tokenFor('supervisor');
    const ending = await open(signedOut);
    const staying = await open(other);
    expect((await api.request('POST', '/auth/logout', { token: signedOut })).status).toBe(204);
    expect((await closedEvent(ending)).data).toMatchObject({ statusCode: 401, rule: 'AUTH', message: 'token revoked' });
    await ending.ended();
    await staying.moreHeartbeats(3);
    expect(staying.events).toEqual([]);
  });

  it('an administrator signing the user out everywhere ends all of the user’s streams', async () => {
    const first = await open(await api.tokenFor('supervisor'));
    const second = await open(await api.tokenFor('supervisor'));
    const revoked = await api.request('POST', '/users/supervisor/revoke-tokens', { token: await admin(), body: { reason: 'lost laptop' } });
    expect(revoked.status).toBe(200);
    for (const stream of [first, second]) {
      expect((await closedEvent(stream)).data).toMatchObject({ rule: 'AUTH', message: 'token revoked' });
      await stream.ended();
    }
  });

  it('disabling the user and taking their roles away end their streams', async () => {
    const auditor = await open(await api.tokenFor('auditor'));
    const gm = await open(await api.tokenFor('gm'));
    const token = await admin();
    expect((await api.request('POST', '/users/auditor/disable', { token, body: { reason: 'left the company' } })).status).toBe(200);
    expect((await api.request('PUT', '/users/gm/roles', { token, body: { roles: ['customer_manager'] } })).status).toBe(200);
    for (const stream of [auditor, gm]) {
      expect((await closedEvent(stream)).data).toMatchObject({ statusCode: 401, rule: 'AUTH' });
      await stream.ended();
    }
  });

  it('a token expiring on the service clock ends the stream, with the reason in the client’s language', async () => {
    const stream = await open(await api.tokenFor('supervisor'), ZH);
    api.clock.advance(3600 * 1000 + 1000);
    expect((await closedEvent(stream)).data).toMatchObject({ statusCode: 401, rule: 'AUTH', message: '登录已过期，请重新登录' });
    await stream.ended();
  });

  it('a stream that was ended is refused on reconnect with the same token', async () => {
    const token = await api.tokenFor('supervisor');
    await open(token);
    expect((await api.request('POST', '/auth/logout', { token })).status).toBe(204);
    const again = await SseClient.open(`${api.url}/sla/alerts/stream?access_token=${encodeURIComponent(token)}`);
    streams.push(again);
    expect(again.status).toBe(401);
    expect(again.refusal).toMatchObject({ rule: 'AUTH', message: 'token revoked' });
  });
});
