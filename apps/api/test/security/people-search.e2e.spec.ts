import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * GET /people: the console's person picker (客户经理, 经办人, participants) finds colleagues by part
 * of their name or username, optionally by role, without the administrators' view of accounts.
 */
describeEachEngine('the person picker’s search over HTTP', (engine) => {
  let api: TestApi;
  jest.setTimeout(60_000);
  beforeAll(async () => {
    api = await startTestApi({ engine });
  });
  afterAll(() => api?.close());

  const search = async (username: string, query: string) => {
    const res = await api.request('GET', `/people${query}`, { token: await api.tokenFor(username) });
    expect(res.status).toBe(200);
    return res.body.items as Array<{ id: string; name: string; roles: string[] }>;
  };

  it('finds people by part of their name or username, for any signed-in role, showing name and roles only', async () => {
    expect(await search('sales', `?q=${encodeURIComponent('经理')}`)).toEqual([
      { id: 'gm', name: '周总经理 (general manager)', roles: ['general_manager'] },
      { id: 'manager', name: '王经理 (customer manager)', roles: ['customer_manager'] },
      { id: 'manager2', name: '赵经理 (customer manager)', roles: ['customer_manager'] },
    ]);
    expect((await search('auditor', '?q=FINANCE')).map((p) => p.id)).toEqual(['finance2', 'finance']); // by name: 刘财务, 张财务
    const everyone = await search('manager', '?limit=50');
    expect(everyone.map((p) => p.id)).toEqual(expect.arrayContaining(['admin', 'gm', 'supervisor']));
    expect(Object.keys(everyone[0]).sort()).toEqual(['id', 'name', 'roles']);
  });

  it('narrows by role, takes LIKE wildcards literally, and leaves disabled accounts out', async () => {
    expect((await search('manager', '?role=sales_reviewer')).map((p) => p.id).sort()).toEqual(['sales', 'sales2']);
    expect(await search('manager', '?q=%25')).toEqual([]);
    const admin = await api.tokenFor('admin');
    const disabled = await api.request('POST', '/users/manager2/disable', { token: admin, body: { reason: '离职' } });
    expect(disabled.status).toBe(200);
    const after = await search('sales', `?q=${encodeURIComponent('经理')}&minPosition=${disabled.body.position}`);
    expect(after.map((p) => p.id)).toEqual(['gm', 'manager']);
  });

  it('refuses an unknown role and an unknown parameter, naming the field (400)', async () => {
    const token = await api.tokenFor('manager');
    const role = await api.request('GET', '/people?role=boss', { token });
    expect(role).toMatchObject({ status: 400, body: { field: 'role' } });
    const extra = await api.request('GET', '/people?username=gm', { token });
    expect(extra.status).toBe(400);
    expect((await api.request('GET', '/people')).status).toBe(401);
  });
});
