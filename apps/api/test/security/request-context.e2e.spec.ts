import { join } from 'node:path';
import { startTestApi, type TestApi } from '../support/test-api';
import { startReplica, type AppReplica } from './support/start-app';

jest.setTimeout(60_000);

describe('request ids in every log line (AsyncLocalStorage request context)', () => {
  let api: TestApi;
  let loud: AppReplica;
  let lines: string[];
  let restore: () => void;

  beforeAll(async () => {
    api = await startTestApi();
    const boot = jest.spyOn(process.stdout, 'write').mockImplementation(() => true); // route mapping chatter
    try {
      loud = await startReplica(join(api.dataDir, 'crm.db'), api.clock, { quiet: false });
    } finally {
      boot.mockRestore();
    }
  });
  beforeEach(() => {
    lines = [];
    const spies = [jest.spyOn(process.stdout, 'write'), jest.spyOn(process.stderr, 'write')].map((spy) =>
      spy.mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true)),
    );
    restore = () => spies.forEach((spy) => spy.mockRestore());
  });
  afterEach(() => restore());
  afterAll(async () => {
    await loud.close();
    await api.close();
  });

  it('the access log line of a request with a parsed body carries its id, and never the query string', async () => {
    await fetch(`${loud.url}/auth/token?access_token=secret-in-query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-log-1' },
      body: JSON.stringify({ username: 'nobody', password: 'x' }),
    });
    const line = lines.find((l) => l.includes('POST /auth/token'));
    expect(line).toContain('[req trace-log-1]');
    expect(lines.join('')).not.toContain('secret-in-query');
  });

  it('an unexpected error is logged with the request id the 500 answer names', async () => {
    const original = loud.store.streamRevision.bind(loud.store);
    loud.store.streamRevision = async () => {
      throw new Error('disk on fire');
    };
    try {
      const token = await api.tokenFor('sales');
      const res = await fetch(`${loud.url}/auth/me`, { method: 'GET', headers: { authorization: `Bearer ${token}`, 'x-request-id': 'trace-500' } });
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ requestId: 'trace-500' });
      expect(lines.find((l) => l.includes('disk on fire'))).toContain('[req trace-500]');
    } finally {
      loud.store.streamRevision = original;
    }
  });
});
