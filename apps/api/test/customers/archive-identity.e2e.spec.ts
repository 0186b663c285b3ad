import { identityKeyOf } from '@crm/onboarding';
import { CustomerArchiveProcess } from '../../src/onboarding/customer-archive.process';
import { IdentityMoveProcess } from '../../src/onboarding/identity-move.process';
import { IdentityReleaseProcess } from '../../src/onboarding/identity-release.process';
import { REACTOR_RUNNER } from '../../src/process/process.tokens';
import type { ReactorRunner } from '../../src/process/reactor.runner';
import { type Caller, onboardingCallers } from '../support/onboarding.actors';
import { applicationForm, creditCode, FINANCE_CHECKED } from '../support/onboarding.forms';
import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * Issue 18, R-ARC-1 (ADR 0024) over HTTP on both engines: "客户信息发生变化时,客户经理要及时在客户档案中进行记录"
 * — a company renamed or re-registered keeps its archive and history (before/after), the sales
 * department approves the identity change; a credit code moving the company key moves its
 * reservation (ONB-DUPLICATE): the new code is refused for other companies, the old one freed.
 * An archive change adds a document.
 */
jest.setTimeout(90_000);

const A = 91;
const B = 92;
const C = 93;
const key = (n: number) => identityKeyOf({ kind: 'unified', creditCode: creditCode(n) });

describeEachEngine('renamed and re-registered companies keep their archive (R-ARC-1, issue 18)', (engine) => {
  let api: TestApi;
  let as: Caller;
  const ok = (res: { status: number; body: any }, status = 200) => {
    expect({ status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({ status, body: 'ok' });
    return res.body;
  };
  const settled = async () => {
    const runner = api.app.get<ReactorRunner>(REACTOR_RUNNER);
    const head = await api.store.headPosition();
    for (const process of [api.app.get(CustomerArchiveProcess), api.app.get(IdentityReleaseProcess), api.app.get(IdentityMoveProcess)]) await runner.waitForPosition(process.name, head, 10_000);
    return api.store.headPosition();
  };
  const onboard = async (id: string, n: number) => {
    ok(await as('manager', 'POST', '/applications', { applicationId: id, form: applicationForm(n) }), 201);
    ok(await as('manager', 'POST', `/applications/${id}/submit`));
    ok(await as('sales', 'POST', `/applications/${id}/steps/sales/approve`, {}));
    ok(await as('finance', 'POST', `/applications/${id}/steps/finance/approve`, { checked: FINANCE_CHECKED }));
    ok(await as('gm', 'POST', `/applications/${id}/steps/generalManager/approve`, {}));
    await settled();
  };
  const detail = async (id: string) => ok(await as('gm', 'GET', `/customers/${id}?minPosition=${await settled()}`));

  beforeAll(async () => {
    api = await startTestApi({ start: '2026-11-02T02:00:00.000Z', engine });
    as = await onboardingCallers(api);
    await onboard('idc-a', A);
    await onboard('idc-b', B);
  });
  afterAll(() => api?.close());

  it('R-ARC-1: a rename is requested by the manager, approved by the sales department; before/after stay on the same archive', async () => {
    const named = applicationForm(A).companyName;
    ok(await as('manager', 'POST', '/customers/cust-idc-a/identity-changes', { requestId: 'idc-1', name: '宁波测试新材料有限公司', reason: '工商变更登记（更名）' }));
    // the detail shows the request waiting, so a screen can put it to the sales department
    expect((await detail('cust-idc-a')).identityChange).toMatchObject({ requestId: 'idc-1', status: 'pending', changes: { name: { before: named, after: '宁波测试新材料有限公司' } }, requestedBy: 'manager' });
    const tasks = ok(await as('sales', 'GET', `/tasks?type=customer.identity-change&minPosition=${await api.store.headPosition()}`));
    expect(tasks.items.map((t: { instanceId: string }) => t.instanceId)).toEqual(['cust-idc-a']);
    expect((await as('manager', 'POST', '/customers/cust-idc-a/identity-changes/idc-1/approve', {})).status).toBe(403);
    ok(await as('sales', 'POST', '/customers/cust-idc-a/identity-changes/idc-1/approve', { comment: '营业执照已核' }));
    expect((await detail('cust-idc-a')).name).toBe('宁波测试新材料有限公司');
    expect((await detail('cust-idc-a')).identityChange).toMatchObject({ requestId: 'idc-1', status: 'approved', decidedBy: 'sales', comment: '营业执照已核' });
    const stream = await api.store.readStream('customer-cust-idc-a');
    expect(stream[0].type).toBe('CustomerArchiveOpened');
    expect(stream.find((e) => e.type === 'CustomerIdentityChanged')?.data).toMatchObject({
      changes: { name: { before: named, after: '宁波测试新材料有限公司' } }, requestedBy: 'manager', approvedBy: 'sales', identityKey: { before: null, after: null },
    });
  });

  it('R-ARC-1 / ONB-DUPLICATE: a credit code another company holds is refused at approval; the archive keeps its code', async () => {
    const bad = await as('manager', 'POST', '/customers/cust-idc-a/identity-changes', { requestId: 'idc-x', identifiers: { kind: 'unified', creditCode: '913301000000000000' }, reason: '代码变更' });
    expect([bad.status, bad.body.rule]).toEqual([400, 'SCHEMA']);
    ok(await as('manager', 'POST', '/customers/cust-idc-a/identity-changes', { requestId: 'idc-2', identifiers: { kind: 'unified', creditCode: creditCode(B) }, reason: '重新登记' }));
    const taken = await as('sales', 'POST', '/customers/cust-idc-a/identity-changes/idc-2/approve', {});
    expect([taken.status, taken.body.rule, taken.body.field]).toEqual([422, 'ONB-DUPLICATE', 'data.identifiers']);
    expect((await detail('cust-idc-a')).identifiers).toEqual({ kind: 'unified', creditCode: creditCode(A) });
    ok(await as('sales', 'POST', '/customers/cust-idc-a/identity-changes/idc-2/reject', { comment: '该代码属于其他公司' }));
    expect((await detail('cust-idc-a')).identityChange).toMatchObject({ requestId: 'idc-2', status: 'rejected', decidedBy: 'sales', comment: '该代码属于其他公司' });
  });

  it('R-ARC-1 / ONB-DUPLICATE: a re-registration moves the company key: the new code is refused for other companies, the old one is free again', async () => {
    ok(await as('dual', 'POST', '/customers/cust-idc-a/identity-changes', { requestId: 'idc-3', identifiers: { kind: 'unified', creditCode: creditCode(C) }, reason: '重新登记，统一社会信用代码变更' }));
    // the requester may not approve their own change: the key taken for it is let go again
    const own = await as('dual', 'POST', '/customers/cust-idc-a/identity-changes/idc-3/approve', {});
    expect([own.status, own.body.rule]).toEqual([422, 'R-ARC-1']);
    ok(await as('sales', 'POST', '/customers/cust-idc-a/identity-changes/idc-3/approve', {}));
    await settled();
    const moved = (await api.store.readStream(`company-identity-${key(C)}`)).map((e) => [e.type, e.data.customerId]);
    expect(moved).toEqual([['IdentityMovedIn', 'cust-idc-a'], ['IdentityMovedOut', 'cust-idc-a'], ['IdentityMovedIn', 'cust-idc-a']]);
    const left = (await api.store.readStream(`company-identity-${key(A)}`)).filter((e) => e.type === 'IdentityMovedOut');
    expect(left.map((e) => e.data)).toEqual([expect.objectContaining({ customerId: 'cust-idc-a', toKey: key(C) })]);
    expect((await detail('cust-idc-a')).identifiers).toEqual({ kind: 'unified', creditCode: creditCode(C) });

    const newCode = await as('manager', 'POST', '/applications', { form: applicationForm(C) });
    expect([newCode.status, newCode.body.rule]).toEqual([422, 'ONB-DUPLICATE']);
    ok(await as('manager', 'POST', '/applications', { applicationId: 'idc-old', form: applicationForm(A) }), 201);
    const history = (await api.store.readStream('customer-cust-idc-a')).filter((e) => e.type === 'CustomerIdentityChanged');
    expect(history.map((e) => { const k = e.data.identityKey as { before: string | null; after: string | null }; return [k.before, k.after]; })).toEqual([[null, null], [key(A), key(C)]]);
  });

  it('R-ARC-1 / R-ARC-4: an archive change adds a document, watched for expiry like the others, and filed with the parent (R-ARC-3)', async () => {
    const doc = { documentId: 'permit', kind: 'hazardous_chemicals_permit', number: 'WH-2026-088', validFrom: '2026-10-01', validUntil: '2029-09-30', reason: '取得危险化学品经营许可证' };
    ok(await as('manager', 'POST', '/customers/cust-idc-a/documents', doc));
    const again = await as('manager', 'POST', '/customers/cust-idc-a/documents', doc);
    expect([again.status, again.body.rule, again.body.field]).toEqual([422, 'R-ARC-4', 'data.documentId']);
    const documents = (await detail('cust-idc-a')).documents.map((d: { documentId: string }) => d.documentId);
    expect(documents).toContain('permit');
    const runner = api.app.get<ReactorRunner>(REACTOR_RUNNER);
    await runner.waitForPosition('archive-filing-files-changes', await api.store.headPosition(), 10_000);
    const filings = ok(await as('parent', 'GET', `/archive-filings?customerId=cust-idc-a&minPosition=${await api.store.headPosition()}`));
    expect(filings.items.map((f: { kind: string }) => f.kind)).toEqual(['document_added', 'identity_changed', 'identity_changed', 'archive_opened']);
  });
});
