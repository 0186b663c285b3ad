import { complaintBody } from '../complaints/complaint-support';
import { archive, openCustomer } from '../customers/customer-fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(30_000);

const RLO = '\u202E';

describe('TEXT-CONTROL: free text with control, bidi or zero-width characters is refused at the edge (real HTTP, real SQLite)', () => {
  let api: TestApi;
  let tokens: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApi();
    tokens = {};
    for (const user of ['sales', 'manager', 'admin']) tokens[user] = await api.tokenFor(user);
    await openCustomer(api, archive('ut-1'));
  });
  afterAll(() => api.close());

  const expectRefused = (res: { status: number; body: any }, field: string, code: string) => {
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, field });
    expect(JSON.stringify(res.body)).toContain(`found ${code}`);
  };

  it('a complaint whose content hides a right-to-left override', async () => {
    const body = { ...complaintBody(api.clock.now().toISOString(), 'ut-1'), content: `退货${RLO}换货` };
    expectRefused(await api.request('POST', '/complaints', { token: tokens.sales, body }), 'content', 'U+202E');
  });

  it('a customer archive change whose reason carries a zero-width space', async () => {
    const body = { changes: { region: '华北' }, reason: '迁址\u200B天津' };
    expectRefused(await api.request('POST', '/customers/ut-1/changes', { token: tokens.manager, body }), 'reason', 'U+200B');
  });

  it('a user whose display name carries a bidi isolate', async () => {
    const body = { username: 'zhang3', name: '张\u2067三', roles: ['auditor'], password: 'long-enough-1' };
    expectRefused(await api.request('POST', '/users', { token: tokens.admin, body }), 'name', 'U+2067');
  });

  it('a sign-in whose username would be recorded with an override', async () => {
    expectRefused(await api.request('POST', '/auth/token', { body: { username: `gm${RLO}`, password: 'x' } }), 'username', 'U+202E');
  });

  it('the same requests without the character are accepted', async () => {
    const complaint = await api.request('POST', '/complaints', { token: tokens.sales, body: complaintBody(api.clock.now().toISOString(), 'ut-1') });
    expect(complaint.status).toBe(201);
    const change = await api.request('POST', '/customers/ut-1/changes', { token: tokens.manager, body: { changes: { region: '华北' }, reason: '迁址天津\n（见附件）' } });
    expect(change.status).toBe(200);
  });
});
