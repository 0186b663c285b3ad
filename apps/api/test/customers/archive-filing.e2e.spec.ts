import { REACTOR_RUNNER } from '../../src/process/process.tokens';
import type { ReactorRunner } from '../../src/process/reactor.runner';
import { caughtUp } from '../complaints/complaint-support';
import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';
import { archive, openCustomer } from './customer-fixtures';

/**
 * Issue 18, R-ARC-3 (ADR 0024) over HTTP on both engines: "所有客户资料报产品经销公司化工品销售部备案。
 * 产品经销公司化工品销售部定期对客户档案、客户管理进行检查" — every archive opening and change is filed
 * with the parent's chemicals sales department, told through the outbox and acknowledged by it; its
 * periodic checks are recorded, answered by the sales department and closed by the checker.
 */
jest.setTimeout(60_000);

const OPENED = '2026-11-02T02:00:00.000Z';
type Filing = { filingId: string; kind: string; fields: string[]; status: string; acknowledgedBy: string | null };

describeEachEngine('archive filings with the parent and its periodic checks (R-ARC-3, issue 18)', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    process.env.WEBHOOK_POLL_MS = '0';
    api = await startTestApi({ start: OPENED, engine });
    await openCustomer(api, archive('af-1'));
  });
  afterAll(() => api?.close());

  const as = async (user: string, method: string, path: string, body?: unknown) => api.request(method, path, { token: await api.tokenFor(user), body });
  /** the filing reactor has reacted to everything so far */
  const filed = async () => api.app.get<ReactorRunner>(REACTOR_RUNNER).waitForPosition('archive-filing-files-changes', await api.store.headPosition(), 10_000);
  const filings = async (query: string) => {
    await filed();
    return (await as('parent', 'GET', `/archive-filings?${query}&minPosition=${await api.store.headPosition()}`)).body.items as Filing[];
  };

  it('R-ARC-3: the opening and each change of the archive is filed with the parent on archive-filing-<customerId>, pending', async () => {
    expect((await filings('customerId=af-1')).map((f) => [f.kind, f.status])).toEqual([['archive_opened', 'pending']]);
    const change = await as('manager', 'POST', '/customers/af-1/changes', { changes: { region: '华南' }, reason: '客户迁址' });
    expect(change.status).toBe(200);
    const items = await filings('customerId=af-1');
    expect(items.map((f) => [f.kind, f.fields, f.status])).toEqual([['information_changed', ['region'], 'pending'], ['archive_opened', [], 'pending']]);
    const stream = await api.store.readStream('archive-filing-af-1');
    expect(stream.filter((e) => e.type === 'ArchiveFilingOpened')).toHaveLength(2);
    expect(stream[0].data).toMatchObject({ customerId: 'af-1', notify: ['parent_chemicals_sales'], sourceEventType: 'CustomerArchiveOpened' });
  });

  it('R-ARC-3: the department hears of each filing in its notification centre and holds one task per filing', async () => {
    await filed();
    await caughtUp(api, 'notification_outbox');
    const inbox = await as('parent', 'GET', '/me/notifications');
    expect(inbox.body.items.filter((n: { type: string }) => n.type === 'ArchiveFilingOpened').map((n: { title: string }) => n.title)).toEqual(['客户资料报产品经销公司化工品销售部备案', '客户资料报产品经销公司化工品销售部备案']);
    const tasks = await as('parent', 'GET', `/tasks?type=archive-filing.acknowledge&minPosition=${await api.store.headPosition()}`);
    expect(tasks.body.items).toHaveLength(2);
    const sales = await as('sales', 'GET', `/tasks?type=archive-filing.acknowledge&minPosition=${await api.store.headPosition()}`);
    expect(sales.body.items).toHaveLength(0);
  });

  it('R-ARC-3: only the department acknowledges; who and when are recorded, once', async () => {
    const [change] = await filings('customerId=af-1&status=pending');
    const path = `/archive-filings/af-1/${change.filingId}/acknowledge`;
    expect((await as('sales', 'POST', path, {})).status).toBe(403);
    const acked = await as('parent', 'POST', path, { comment: '已备案' });
    expect(acked.status).toBe(200);
    const again = await as('parent', 'POST', path, {});
    expect([409, 422]).toContain(again.status);
    const unknown = await api.request('POST', '/archive-filings/af-1/nope/acknowledge', { token: await api.tokenFor('parent'), body: {}, headers: { 'accept-language': 'zh-CN' } });
    expect([unknown.status, unknown.body.rule, unknown.body.field]).toEqual([422, 'R-ARC-3', 'data.filingId']);
    expect(unknown.body.message).toContain('产品经销公司化工品销售部备案');
    expect((await filings('status=acknowledged')).map((f) => [f.filingId, f.acknowledgedBy])).toEqual([[change.filingId, 'parent']]);
    expect((await filings('customerId=af-1&status=pending')).map((f) => f.kind)).toEqual(['archive_opened']);
  });

  it('R-ARC-3: a periodic check: the checker records findings, the sales department responds, the checker closes; listed per period', async () => {
    const findings = [{ findingId: 'f-1', customerId: 'af-1', description: '开票资料变更未附证明' }];
    const body = { checkId: 'chk-2026q4', period: '2026-Q4', scope: '化工品客户档案、客户管理', customerIds: ['af-1'], findings };
    expect((await as('sales', 'POST', '/archive-checks', body)).status).toBe(403);
    const ghost = await as('parent', 'POST', '/archive-checks', { ...body, checkId: 'chk-x', customerIds: ['nobody'] });
    expect([ghost.status, ghost.body.rule, ghost.body.field]).toEqual([422, 'CUSTOMER-UNKNOWN', 'customerIds.0']);
    expect((await as('parent', 'POST', '/archive-checks', body)).status).toBe(201);
    expect((await as('parent', 'POST', '/archive-checks', { checkId: 'chk-2026q3', period: '2026-Q3', scope: '抽查', conclusion: '档案齐全' })).status).toBe(201);
    const early = await as('parent', 'POST', '/archive-checks/chk-2026q4/close', { conclusion: '关闭' });
    expect([early.status, early.body.rule]).toEqual([422, 'R-ARC-3']);
    const tasks = await as('sales', 'GET', `/tasks?type=archive-check.respond&minPosition=${await api.store.headPosition()}`);
    expect(tasks.body.items.map((t: { instanceId: string }) => t.instanceId)).toEqual(['chk-2026q4']);
    expect((await as('sales', 'POST', '/archive-checks/chk-2026q4/response', { responses: [{ findingId: 'f-1', response: '已补附变更证明' }] })).status).toBe(200);
    expect((await as('sales', 'POST', '/archive-checks/chk-2026q4/close', { conclusion: '关闭' })).status).toBe(403);
    expect((await as('parent', 'POST', '/archive-checks/chk-2026q4/close', { conclusion: '整改到位' })).status).toBe(200);
    const q4 = await as('auditor', 'GET', `/archive-checks?period=2026-Q4&minPosition=${await api.store.headPosition()}`);
    expect(q4.body.items.map((c: { checkId: string; status: string; respondedBy: string; conclusion: string }) => [c.checkId, c.status, c.respondedBy, c.conclusion])).toEqual([['chk-2026q4', 'closed', 'sales', '整改到位']]);
    const q3 = await as('sales', 'GET', '/archive-checks?period=2026-Q3');
    expect(q3.body.items.map((c: { status: string; conclusion: string }) => [c.status, c.conclusion])).toEqual([['closed', '档案齐全']]);
    const detail = await as('parent', 'GET', '/archive-checks/chk-2026q4');
    expect(detail.body.events.map((e: { type: string }) => e.type)).toEqual(['ArchiveCheckRecorded', 'ArchiveCheckResponded', 'ArchiveCheckClosed']);
  });
});
