import { SseClient } from '../complaints/sse-client';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

/**
 * The notification stream keeps the SLA stream's rules (one hub, ADR 0010/0016): a cap per user,
 * and each heartbeat re-checks the token, ending a signed-out stream with StreamClosed saying why.
 */
describe('my notification stream: caps and token re-checks (real HTTP, real SQLite)', () => {
  let api: TestApi;
  const streams: SseClient[] = [];
  beforeAll(async () => {
    api = await startTestApi({ transport: { sseHeartbeatMs: 100, sseMaxStreamsPerUser: 2 } });
  });
  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await api.close();
  });
  const open = async (token: string) => {
    const stream = await SseClient.open(`${api.url}/me/notifications/stream?access_token=${encodeURIComponent(token)}`);
    streams.push(stream);
    return stream;
  };

  it('a third stream of one user is refused 429 SSE-STREAMS-PER-USER; another user still gets one', async () => {
    const token = await api.tokenFor('finance');
    expect([(await open(token)).status, (await open(token)).status]).toEqual([200, 200]);
    const third = await open(token);
    expect([third.status, third.refusal?.rule]).toEqual([429, 'SSE-STREAMS-PER-USER']);
    expect(third.refusal.message).toContain('notification streams');
    expect((await open(await api.tokenFor('gm'))).status).toBe(200);
  });

  it('signing out ends the stream at the next heartbeat, saying why', async () => {
    const token = await api.tokenFor('supervisor');
    const stream = await open(token);
    expect(stream.status).toBe(200);
    expect((await api.request('POST', '/auth/logout', { token })).status).toBe(204);
    expect((await stream.next((e) => e.event === 'StreamClosed')).data).toMatchObject({ statusCode: 401, rule: 'AUTH', message: 'token revoked' });
    await stream.ended();
  });
});
