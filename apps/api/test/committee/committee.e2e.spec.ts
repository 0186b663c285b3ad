import { DEMO_PASSWORD } from '../../src/auth/demo-users';
import { caughtUp } from '../complaints/complaint-support';
import { archive, openCustomer } from '../customers/customer-fixtures';
import { describeEachEngine } from '../support/each-engine';
import { ok } from '../support/expect-status';
import { type Caller, onboardingCallers } from '../support/onboarding.actors';
import { startTestApi, type TestApi } from '../support/test-api';

const CHARTER = { version: 'c-2026', members: ['gm', 'sales2', 'finance', 'supervisor', 'finance2'], chairId: 'gm', quorum: 3, decisionRule: 'majority_of_members', authorityBoundPercent: 10 };
const proposal = (pricePerTonne: number, effectiveFrom: string) => ({ productLineId: 'polyolefin', warehouseId: 'zh-1', pricePerTonne, effectiveFrom, reason: '原料成本变化' });

describeEachEngine('the price and customer committee over HTTP (R-PRICE-1/2, R-PRIN-4)', (engine) => {
  let api: TestApi;
  let as: Caller;
  jest.setTimeout(60_000);
  beforeAll(async () => {
    api = await startTestApi({ start: '2026-10-09T02:00:00.000Z', engine });
    as = await onboardingCallers(api);
  });
  afterAll(() => api?.close());


  it('R-PRICE-1: members must be active deciders; an administrator publishes the charter and designates the warehouse', async () => {
    const withAdmin = await as('admin', 'PUT', '/committee/charter', { ...CHARTER, members: [...CHARTER.members, 'auditor'] });
    expect([withAdmin.status, withAdmin.body.field]).toEqual([422, 'members.5']);
    await ok(as('admin', 'PUT', '/committee/charter', CHARTER));
    await ok(as('admin', 'PUT', '/catalogue/warehouses/zh-1', { nameZh: '镇海库', productLines: ['polyolefin'] }));
    expect((await as('sales', 'PUT', '/catalogue/warehouses/zh-2', { nameZh: '某库', productLines: ['polyolefin'] })).status).toBe(403);
    const notDesignated = await as('sales', 'POST', '/committee/proposals', { ...proposal(8000, '2026-10-10T00:00:00+08:00'), warehouseId: 'nowhere' });
    expect([notDesignated.status, notDesignated.body.rule, notDesignated.body.field]).toEqual([422, 'R-PRIN-4', 'warehouseId']);
  });

  it('R-PRICE-1: a first price approved by three of five members is the price in force from its date, explained with its proposal', async () => {
    const submitted = await ok(as('sales', 'POST', '/committee/proposals', { ...proposal(8000, '2026-10-10T00:00:00+08:00'), proposalId: 'pp-first' }), 201);
    expect(submitted.state).toBe('voting');
    const outsider = await as('sales', 'POST', '/committee/proposals/pp-first/votes', { vote: 'approve' });
    expect(outsider.status).toBe(403);
    await ok(as('sales2', 'POST', '/committee/proposals/pp-first/votes', { vote: 'approve', opinion: '同意' }));
    await ok(as('finance', 'POST', '/committee/proposals/pp-first/votes', { vote: 'approve' }));
    const third = await ok(as('supervisor', 'POST', '/committee/proposals/pp-first/votes', { vote: 'approve' }));
    const types = third.events.map((e: { type: string }) => e.type);
    expect([third.state, types.filter((t: string) => !t.startsWith('Task') && !t.startsWith('Timer'))]).toEqual(['approved', ['CommitteeVoteCast', 'ProposalApproved']]);
    // the voter's task is completed; the two members who need not vote any more have theirs cancelled
    expect(types.filter((t: string) => t.startsWith('Task')).sort()).toEqual(['TaskCancelled', 'TaskCancelled', 'TaskCompleted']);
    await caughtUp(api, 'committee');
    const price = await waitForPrice(api, 'pp-first', '2026-10-10T00:00:00+08:00');
    expect(price.inForce).toMatchObject({ priceFen: 800_000, proposalId: 'pp-first', decidedBy: 'committee' });
    const before = await ok(as('manager', 'GET', `/prices/polyolefin/zh-1?at=${encodeURIComponent('2026-10-09T12:00:00+08:00')}`));
    expect([before.inForce, before.upcoming.map((u: { proposalId: string }) => u.proposalId)]).toEqual([null, ['pp-first']]);
  });

  it('R-PRICE-1 超过权限上报集团公司审批: a 12.5% rise the committee approves goes up to the group; the chair records the group\'s decision; then it is in force', async () => {
    await ok(as('sales', 'POST', '/committee/proposals', { ...proposal(9000, '2026-10-12T00:00:00+08:00'), proposalId: 'pp-rise' }), 201);
    for (const member of ['sales2', 'finance']) await ok(as(member, 'POST', '/committee/proposals/pp-rise/votes', { vote: 'approve' }));
    const third = await ok(as('finance2', 'POST', '/committee/proposals/pp-rise/votes', { vote: 'approve' }));
    expect(third.state).toBe('escalated');
    const notChair = await as('finance', 'POST', '/committee/proposals/pp-rise/group-decision', { approved: true, reference: '集团价字〔2026〕12号' });
    expect(notChair.status).toBe(403);
    const decided = await ok(as('gm', 'POST', '/committee/proposals/pp-rise/group-decision', { approved: true, reference: '集团价字〔2026〕12号' }));
    expect(decided.state).toBe('approved');
    const detail = await ok(as('auditor', 'GET', '/committee/proposals/pp-rise'));
    expect(detail).toMatchObject({ change: { previousPriceFen: 800_000, changePercent: 12.5 }, charter: { version: 'c-2026' }, decidedBy: 'group' });
    expect(detail.votes.map((v: { member: string }) => v.member)).toEqual(['sales2', 'finance', 'finance2']);
    expect((await waitForPrice(api, 'pp-rise', '2026-10-12T00:00:00+08:00')).previous.proposalId).toBe('pp-first');
  });

  it('R-PRICE-1: two members voting at once on the deciding vote: one decision, never two', async () => {
    await ok(as('sales', 'POST', '/committee/proposals', { ...proposal(8100, '2026-10-20T00:00:00+08:00'), proposalId: 'pp-race' }), 201);
    for (const member of ['sales2', 'finance']) await ok(as(member, 'POST', '/committee/proposals/pp-race/votes', { vote: 'approve' }));
    const racing = await Promise.all(['supervisor', 'finance2'].map((m) => as(m, 'POST', '/committee/proposals/pp-race/votes', { vote: 'approve' })));
    expect(racing.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    const events = await api.store.readStream('committee-proposal-pp-race');
    expect(events.filter((e) => e.type === 'ProposalApproved')).toHaveLength(1);
  });

  it('R-PRICE-2: anyone reports a violation on any customer; the chair decides it with a sanction; it shows in the customer\'s history', async () => {
    await openCustomer(api, archive('cust-viol', { customerManagerId: 'manager' }));
    const opened = await ok(as('manager2', 'POST', '/committee/violations', { kind: 'price', customerId: 'cust-viol', description: '低于挂牌价对外报价', evidence: ['报价单 2026-10-08'] }), 201);
    const missing = await as('manager2', 'POST', '/committee/violations', { kind: 'price', customerId: 'cust-none', description: 'x' });
    expect([missing.status, missing.body.rule, missing.body.field]).toEqual([422, 'CUSTOMER-UNKNOWN', 'customerId']);
    const upheld = { finding: 'upheld', decision: '委员会认定违反价格政策', sanction: { kind: 'warning', detail: '通报批评' } };
    expect((await as('finance', 'POST', `/committee/violations/${opened.id}/decision`, upheld)).status).toBe(403);
    await ok(as('gm', 'POST', `/committee/violations/${opened.id}/decision`, upheld));
    const history = await ok(as('auditor', 'GET', '/customers/cust-viol/history'));
    expect(JSON.stringify(history)).toContain('ViolationCaseDecided');
  });

  it('the committee\'s members are people: a member who left cannot vote', async () => {
    await ok(as('admin', 'POST', '/users', { username: 'leaving-member', name: '离任委员', roles: ['finance_reviewer'], password: DEMO_PASSWORD }), 201);
    await ok(as('admin', 'PUT', '/committee/charter', { ...CHARTER, version: 'c-2026b', members: [...CHARTER.members, 'leaving-member'] }));
    await ok(as('sales', 'POST', '/committee/proposals', { ...proposal(8050, '2026-10-25T00:00:00+08:00'), proposalId: 'pp-left' }), 201);
    const token = await api.tokenFor('leaving-member');
    await ok(as('admin', 'POST', '/users/leaving-member/disable', { reason: '离任' }));
    const vote = await api.request('POST', '/committee/proposals/pp-left/votes', { token, body: { vote: 'approve' } });
    expect(vote.status).toBe(401);
  });
});

async function waitForPrice(api: TestApi, proposalId: string, at: string) {
  const token = await api.tokenFor('sales');
  for (let i = 0; i < 100; i++) {
    const res = await api.request('GET', `/prices/polyolefin/zh-1?at=${encodeURIComponent(at)}`, { token });
    if (res.body.inForce?.proposalId === proposalId) return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`price of ${proposalId} never came into force`);
}
