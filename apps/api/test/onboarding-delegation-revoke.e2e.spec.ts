import { type Caller, onboardingCallers } from './support/onboarding.actors';
import { applicationForm, FINANCE_CHECKED } from './support/onboarding.forms';
import { barrierOnReads } from './support/read-barrier';
import { startTestApi, type TestApi } from './support/test-api';

/** Monday 2 March 2026, 10:00 in Shanghai. */
const MONDAY = '2026-03-02T02:00:00.000Z';

describe('revoking a delegation over HTTP on a real SQLite file (ONB-DELEGATION)', () => {
  let api: TestApi;
  let as: Caller;
  beforeAll(async () => {
    api = await startTestApi(MONDAY);
    as = await onboardingCallers(api);
  }, 30_000);
  afterAll(() => api.close());

  const ok = (res: { status: number; body: any }, status = 200) => {
    expect({ status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({ status, body: 'ok' });
    return res.body;
  };
  const grant = async (from: string, delegateId: string) =>
    ok(await as(from, 'POST', '/delegations', { delegateId, from: '2026-03-02', until: '2026-03-31' }), 201).id as string;
  /** an application waiting at sales, handed by an administrator to `sales`, whose delegate may then decide it */
  const atSalesAssignedToSales = async (id: string, n: number) => {
    ok(await as('manager', 'POST', '/applications', { applicationId: id, form: applicationForm(n) }), 201);
    ok(await as('manager', 'POST', `/applications/${id}/submit`));
    return ok(await as('admin', 'POST', `/applications/${id}/steps/sales/reassign`, { to: 'sales', reason: '李销售负责' }));
  };
  const inboxOf = async (user: string, minPosition?: number) =>
    ok(await as(user, 'GET', `/inbox?step=sales${minPosition ? `&minPosition=${minPosition}` : ''}`)).items.map((i: any) => [i.applicationId, i.onBehalfOf]);

  it('ONB-DELEGATION: a revoked delegation gives no right at once, in the inbox and in a decision; the decision taken under it stands with both names', async () => {
    const delegationId = await grant('sales', 'sales2');
    await atSalesAssignedToSales('dlg-a1', 61);
    const assigned = await atSalesAssignedToSales('dlg-a2', 62);
    expect(await inboxOf('sales2', assigned.position)).toEqual(expect.arrayContaining([['dlg-a1', 'sales'], ['dlg-a2', 'sales']]));
    const before = ok(await as('sales2', 'POST', '/applications/dlg-a1/steps/sales/approve', { onBehalfOf: 'sales', comment: '代李销售审批' }));

    const revoked = ok(await as('sales', 'POST', `/delegations/${delegationId}/revoke`, { reason: '已返岗' }, { 'Idempotency-Key': 'revoke-dlg-a' }));
    expect(revoked).toMatchObject({ id: delegationId, replayed: false, revocation: { delegationId, revokedBy: 'sales', reason: '已返岗', at: MONDAY } });

    // no minPosition: the revocation is applied before the inbox answers
    expect((await inboxOf('sales2')).map(([id]: [string]) => id)).not.toContain('dlg-a2');
    const head = await api.store.headPosition();
    const refused = await as('sales2', 'POST', '/applications/dlg-a2/steps/sales/approve', { onBehalfOf: 'sales' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ rule: 'ONB-DELEGATION', message: expect.stringContaining('no delegation from sales') });
    expect(await api.store.headPosition()).toBe(head);
    // the delegator still decides their own step
    ok(await as('sales', 'POST', '/applications/dlg-a2/steps/sales/approve', {}));

    // the approval made under the delegation before its revocation is still the sales step's, naming both people
    const finance = ok(await as('finance', 'POST', '/applications/dlg-a1/steps/finance/approve', { checked: FINANCE_CHECKED }));
    expect(finance.state).toBe('review.generalManager');
    const detail = ok(await as('auditor', 'GET', `/applications/dlg-a1?minPosition=${finance.position}`));
    const sales = detail.history.find((h: any) => h.type === 'SalesReviewApproved');
    expect(sales).toMatchObject({ by: 'sales2', onBehalfOf: 'sales', delegationId, comment: '代李销售审批', eventId: before.events.find((e: any) => e.type === 'SalesReviewApproved').id });

    const listed = ok(await as('sales', 'GET', `/delegations?minPosition=${revoked.position}`)).items.find((d: any) => d.delegationId === delegationId);
    expect(listed).toMatchObject({ delegatorId: 'sales', delegateId: 'sales2', revokedBy: 'sales', revokedAt: MONDAY, revocationReason: '已返岗' });
    const active = ok(await as('sales2', 'GET', '/delegations?activeOn=2026-03-02')).items.map((d: any) => d.delegationId);
    expect(active).not.toContain(delegationId);
  });

  it('ONB-DELEGATION: only the delegator or an administrator revokes; a retry returns the first answer, a second revocation is 409', async () => {
    const delegationId = await grant('finance', 'finance2');
    for (const user of ['finance2', 'gm', 'sales']) {
      const refused = await as(user, 'POST', `/delegations/${delegationId}/revoke`, {});
      expect({ user, status: refused.status, rule: refused.body.rule }).toEqual({ user, status: 403, rule: 'ONB-DELEGATION' });
    }
    expect((await as('manager', 'POST', `/delegations/${delegationId}/revoke`, {})).body.rule).toBe('ROLE');
    expect((await as('admin', 'POST', '/delegations/dlg-nobody/revoke', {})).status).toBe(404);
    expect((await as('admin', 'POST', `/delegations/${delegationId}/revoke`, { reason: '' })).status).toBe(400);

    const first = ok(await as('admin', 'POST', `/delegations/${delegationId}/revoke`, { reason: '离职' }, { 'Idempotency-Key': 'admin-revoke-1' }));
    expect(first.revocation.revokedBy).toBe('admin');
    const retried = ok(await as('admin', 'POST', `/delegations/${delegationId}/revoke`, { reason: '离职' }, { 'Idempotency-Key': 'admin-revoke-1' }));
    expect(retried).toMatchObject({ replayed: true, position: first.position, revocation: first.revocation });
    const again = await as('finance', 'POST', `/delegations/${delegationId}/revoke`, {});
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('STATE');
    expect((await api.store.readStream(`delegation-${delegationId}`)).map((e) => e.type)).toEqual(['DelegationGranted', 'DelegationRevoked']);
  });

  it('ONB-DELEGATION: the delegator and an administrator revoking at the same moment store one revocation; the other gets 409', async () => {
    const delegationId = await grant('sales', 'allround');
    const release = barrierOnReads(api.store, `delegation-${delegationId}`, 2);
    let results: Array<{ status: number; body: any }>;
    try {
      results = await Promise.all(['sales', 'admin'].map((user) => as(user, 'POST', `/delegations/${delegationId}/revoke`, {})));
    } finally {
      release();
    }
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.rule).toBe('CONCURRENCY');
    expect((await api.store.readStream(`delegation-${delegationId}`)).filter((e) => e.type === 'DelegationRevoked')).toHaveLength(1);
  });

  it('issue 16: the delegation screen offers colleagues of the caller’s deciding role by name, and the list names its people', async () => {
    const candidates = ok(await as('sales', 'GET', '/delegations/candidates')).items;
    const usernames = candidates.map((c: any) => c.username);
    expect(usernames).toContain('sales2');
    expect(usernames).not.toContain('sales');
    expect(usernames).not.toContain('finance');
    expect(candidates.find((c: any) => c.username === 'sales2')).toEqual({ username: 'sales2', name: expect.stringContaining('陈销售'), roles: ['sales_reviewer'] });
    expect((await as('manager', 'GET', '/delegations/candidates')).body.rule).toBe('ROLE');

    const id = await grant('sales', 'sales2');
    const listed = ok(await as('sales', 'GET', `/delegations?minPosition=${await api.store.headPosition()}`));
    expect(listed.items.map((d: any) => d.delegationId)).toContain(id);
    expect(listed.people.sales2).toEqual({ name: expect.stringContaining('陈销售'), roles: ['sales_reviewer'] });
    expect(listed.people.sales.name).toContain('李销售');
  });
});
