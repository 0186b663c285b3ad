import { Writable } from 'node:stream';
import { DEMO_PASSWORD } from '../../src/auth/demo-users';
import { createRootLogger } from '../../src/logging/root.logger';
import { captureLogLines } from '../support/log-lines';
import { onboardingCallers } from '../support/onboarding.actors';
import { applicationForm } from '../support/onboarding.forms';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

const SCRAPE_TOKEN = 'scrape-token-for-the-log-test-0123456789abcdef';
const NEW_PASSWORD = 'a-brand-new-secret-5kq9';
const WRONG_PASSWORD = 'not-the-password-x7w3';

describe('structured logs: one JSON object per line, never a secret', () => {
  let api: TestApi;
  let logs: ReturnType<typeof captureLogLines>;
  beforeAll(async () => {
    logs = captureLogLines();
    api = await startTestApi({ start: '2026-03-02T02:00:00.000Z', env: { METRICS_TOKEN: SCRAPE_TOKEN, LOG_LEVEL: 'debug' }, logDestination: logs.stream });
  });
  afterAll(() => api?.close());

  it('a sign-in with a password, requests with its Bearer token, a password change and a scrape leave neither secret in any line', async () => {
    const signedIn = await api.request('POST', '/auth/token', { body: { username: 'finance2', password: DEMO_PASSWORD }, headers: { 'x-request-id': 'log-sign-in' } });
    expect(signedIn.status).toBe(200);
    const token = signedIn.body.accessToken as string;
    expect((await api.request('POST', '/auth/token', { body: { username: 'finance2', password: WRONG_PASSWORD } })).status).toBe(401);
    expect((await api.request('GET', '/auth/me', { token, headers: { 'x-request-id': 'log-me' } })).status).toBe(200);
    const changed = await api.request('POST', '/users/me/password', { token, body: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(changed.status).toBeLessThan(300);
    expect((await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${SCRAPE_TOKEN}` } })).status).toBe(200);

    const lines = logs.lines(); // throws on a line that is not JSON
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of [DEMO_PASSWORD, WRONG_PASSWORD, NEW_PASSWORD, token, SCRAPE_TOKEN, 'Bearer ']) {
      expect(logs.raw.filter((line) => line.includes(secret))).toEqual([]);
    }
    expect(lines.find((l) => l.requestId === 'log-sign-in' && l.context === 'http')).toMatchObject({ route: '/auth/token', status: 200, durationMs: expect.any(Number) });
    expect(lines.find((l) => l.requestId === 'log-me' && l.context === 'http')).toMatchObject({ method: 'GET', route: '/auth/me', status: 200, actor: 'finance2' });
  });

  it('a refused command is logged with its command type, rule id and the request id; Nest’s own lines are JSON too', async () => {
    const as = await onboardingCallers(api);
    expect((await as('manager', 'POST', '/applications', { applicationId: 'log-1', form: applicationForm(81) })).status).toBe(201);
    expect((await as('manager', 'POST', '/applications/log-1/submit')).status).toBe(200);
    expect((await as('sales', 'POST', '/applications/log-1/steps/sales/approve', {})).status).toBe(200);
    const refused = await as('finance', 'POST', '/applications/log-1/steps/finance/approve', { comment: 'ok' }, { 'x-request-id': 'log-refused' });
    expect(refused.status).toBe(422);

    const lines = logs.lines();
    expect(lines.find((l) => l.requestId === 'log-refused' && l.context === 'commands')).toMatchObject({
      level: 30, msg: 'command refused', workflow: 'onboarding', command: 'ApproveStep', result: 'refused', rule: 'R-ONB-3',
    });
    expect(lines.find((l) => l.requestId === 'log-refused' && l.context === 'http')).toMatchObject({ status: 422, route: '/applications/{id}/steps/{step}/approve', actor: 'finance' });
    // start-up lines logged by Nest itself (module and route mapping) came through pino
    expect(lines.some((l) => l.context === 'RoutesResolver' || l.context === 'RouterExplorer')).toBe(true);
  });
});

describe('the root logger redacts secrets an object might carry (LOG_LEVEL honoured)', () => {
  it('authorization headers, passwords and tokens one level down are censored; debug is dropped at info', () => {
    const raw: string[] = [];
    const destination = new Writable({ write: (chunk, _e, done) => (raw.push(String(chunk)), done()) });
    const log = createRootLogger({ level: 'info', destination });
    log.info({ headers: { authorization: 'Bearer abc.def' }, body: { username: 'gm', password: 'hunter2', newPassword: 'hunter3' }, accessToken: 'tok-1' }, 'careless');
    log.debug({ note: 'dropped' }, 'below the level');
    expect(raw).toHaveLength(1);
    const line = JSON.parse(raw[0]);
    expect(line).toMatchObject({ msg: 'careless', headers: { authorization: '[redacted]' }, body: { username: 'gm', password: '[redacted]', newPassword: '[redacted]' }, accessToken: '[redacted]' });
    expect(raw[0]).not.toMatch(/hunter|abc\.def|tok-1/);
  });
});
