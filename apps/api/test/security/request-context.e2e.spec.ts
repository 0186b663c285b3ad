import { join } from 'node:path';
import { captureLogLines, type LogLine } from '../support/log-lines';
import { startTestApi, type TestApi } from '../support/test-api';
import { startReplica, type AppReplica } from './support/start-app';

jest.setTimeout(60_000);

describe('request ids in every log line (AsyncLocalStorage request context), as JSON', () => {
  let api: TestApi;
  let loud: AppReplica;
  let logs: ReturnType<typeof captureLogLines>;
  const linesOf = (requestId: string): LogLine[] => logs.lines().filter((l) => l.requestId === requestId);

  beforeAll(async () => {
    api = await startTestApi();
    logs = captureLogLines();
    loud = await startReplica(join(api.dataDir, 'crm.db'), api.clock, { quiet: false, logDestination: logs.stream });
  });
  afterAll(async () => {
    await loud.close();
    await api.close();
  });

  it('the access log line of a request with a parsed body carries its id, route and status, and never the query string', async () => {
    await fetch(`${loud.url}/auth/token?access_token=secret-in-query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-log-1' },
      body: JSON.stringify({ username: 'nobody', password: 'x' }),
    });
    expect(linesOf('trace-log-1').find((l) => l.context === 'http')).toMatchObject({ method: 'POST', route: '/auth/token', path: '/auth/token', status: 401, actor: null });
    expect(logs.raw.join('\n')).not.toContain('secret-in-query');
  });

  it('an unexpected error is logged with its stack and the request id the 500 answer names', async () => {
    // the user directory answers from memory (ADR 0031): a complaint's stream is read from the store on each request
    const original = loud.store.readStream.bind(loud.store);
    loud.store.readStream = async () => {
      throw new Error('disk on fire');
    };
    try {
      const token = await api.tokenFor('sales');
      const res = await fetch(`${loud.url}/complaints/cmp-trace-500`, { method: 'GET', headers: { authorization: `Bearer ${token}`, 'x-request-id': 'trace-500' } });
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ requestId: 'trace-500' });
      const error = linesOf('trace-500').find((l) => String(l.msg).includes('disk on fire'));
      expect(error).toMatchObject({ level: 50, method: 'GET', path: '/complaints/cmp-trace-500', err: { message: 'disk on fire', stack: expect.stringContaining('Error: disk on fire') } });
    } finally {
      loud.store.readStream = original;
    }
  });
});
