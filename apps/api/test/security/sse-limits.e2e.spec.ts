import { SseClient } from '../complaints/sse-client';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);
const ZH = { 'accept-language': 'zh-CN' };

/** SSE_MAX_STREAMS_PER_USER and SSE_MAX_STREAMS: a stream holds a connection for hours, so both are capped. */
describe('caps on open alert streams (real HTTP, real SQLite)', () => {
  let api: TestApi;
  const streams: SseClient[] = [];
  beforeAll(async () => {
    api = await startTestApi({ transport: { sseMaxStreamsPerUser: 2, sseMaxStreams: 3 } });
  });
  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await api.close();
  });

  const open = async (token: string, headers: Record<string, string> = {}) => {
    const stream = await SseClient.open(`${api.url}/sla/alerts/stream`, { authorization: `Bearer ${token}`, ...headers });
    streams.push(stream);
    return stream;
  };

  /** A closed stream frees its place once the server has seen the close: try until it has. */
  const openOnceFreed = async (token: string) => {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const stream = await open(token);
      if (stream.status === 200) return stream;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the place of the closed stream was never freed');
  };

  it('a user’s next stream past the per-user cap is refused with 429 naming the limit; closing one frees a place', async () => {
    const supervisor = await api.tokenFor('supervisor');
    const [first, second] = [await open(supervisor), await open(supervisor)];
    expect([first.status, second.status]).toEqual([200, 200]);
    const refused = await open(supervisor);
    expect(refused.status).toBe(429);
    expect(refused.refusal).toMatchObject({ statusCode: 429, error: 'Too Many Requests', rule: 'SSE-STREAMS-PER-USER', limit: 2 });
    expect(refused.refusal.message).toMatch(/at most 2 open alert streams per user/);
    const zh = await open(supervisor, ZH);
    expect(zh.refusal.message).toBe('实时提醒连接过多：每个用户最多同时打开 2 个，请先关闭一个');
    await first.close();
    expect((await openOnceFreed(supervisor)).status).toBe(200);
  });

  it('past the overall cap the next stream is refused with 503 naming the limit, whoever asks', async () => {
    const gm = await api.tokenFor('gm');
    expect((await open(gm)).status).toBe(200); // 3 open now: two of the supervisor’s, this one
    const refused = await open(await api.tokenFor('auditor'));
    expect(refused.status).toBe(503);
    expect(refused.refusal).toMatchObject({ statusCode: 503, rule: 'SSE-STREAMS', limit: 3 });
    const zh = await open(gm, ZH);
    expect(zh.refusal).toMatchObject({ rule: 'SSE-STREAMS', message: '实时提醒连接已达服务上限（3 个），请稍后重试' });
  });
});
