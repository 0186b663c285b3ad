import { archive, fireDueTimers, openCustomer } from '../customers/customer-fixtures';
import { download, licencePdf, upload } from '../files/file-fixtures';
import { describeEachEngine } from '../support/each-engine';
import { ok } from '../support/expect-status';
import { barrierOnReads } from '../support/read-barrier';
import { type Caller, onboardingCallers } from '../support/onboarding.actors';
import { startTestApi, type TestApi } from '../support/test-api';

const CHARTER = { version: 'c-1', members: ['gm', 'sales2', 'finance'], chairId: 'gm', quorum: 2, decisionRule: 'majority_of_members', authorityBoundPercent: 10 };

/**
 * R-PRIN-4 款到发货, 货物自提, 提货地点以公司指定库位为准 over HTTP: once the company designates a
 * warehouse for polyolefins, a pickup is priced at the committee's price in force there and must
 * be covered by the customer's prepayment.
 */
describeEachEngine('payment before delivery at a designated warehouse over HTTP (R-PRIN-4)', (engine) => {
  let api: TestApi;
  let as: Caller;
  jest.setTimeout(60_000);
  const pickup = (pickupId: string, tonnes: number, warehouse = 'zh-1') => ({ pickupId, date: '2026-10-12', product: 'HDPE 5000S', tonnes, warehouse });

  beforeAll(async () => {
    api = await startTestApi({ start: '2026-10-09T02:00:00.000Z', engine });
    as = await onboardingCallers(api);
    for (const id of ['pp-c1', 'pp-c2']) await openCustomer(api, archive(id, { class: { salesObject: 'distributor', salesForm: 'planned' } }));
    await ok(as('admin', 'PUT', '/committee/charter', CHARTER));
    await ok(as('admin', 'PUT', '/catalogue/warehouses/zh-1', { nameZh: '镇海库', productLines: ['polyolefin'] }));
    await ok(as('sales', 'POST', '/committee/proposals', { proposalId: 'p-8000', productLineId: 'polyolefin', warehouseId: 'zh-1', pricePerTonne: 8000, effectiveFrom: '2026-10-10T00:00:00+08:00', reason: '十月挂牌价' }), 201);
    for (const m of ['sales2', 'finance']) await ok(as(m, 'POST', '/committee/proposals/p-8000/votes', { vote: 'approve' }));
    api.clock.set('2026-10-12T02:00:00.000Z');
    await waitFor(async () => (await as('sales', 'GET', '/prices/polyolefin/zh-1')).body.inForce?.proposalId === 'p-8000');
    for (const id of ['pp-c1', 'pp-c2']) await signContract(id, '2026-10-01', '2026-12-31');
  });

  /** R-ARC-5: the sales department drafts, a leader approves, the sales department signs. */
  async function signContract(customerId: string, validFrom: string, validUntil: string): Promise<string> {
    const drafted = await ok(as('sales', 'POST', '/contracts', { customerId, productLineId: 'polyolefin', contractNo: `HT-${customerId}`, validFrom, validUntil, terms: '年度购销合同' }), 201);
    await ok(as('supervisor', 'POST', `/contracts/${drafted.id}/approve`, {}));
    await ok(as('sales', 'POST', `/contracts/${drafted.id}/sign`, { signedOn: '2026-10-12', signedByCustomer: '客户法定代表人' }));
    return drafted.id;
  }
  afterAll(() => api?.close());

  it('R-PRIN-4: a pickup the balance does not cover is refused naming the shortfall; after finance records a receipt it is accepted and debited', async () => {
    const refused = await as('manager', 'POST', '/customers/pp-c1/pickups', pickup('k-1', 10));
    expect([refused.status, refused.body.rule, refused.body.field]).toEqual([422, 'R-PRIN-4', 'data.tonnes']);
    expect(refused.body.message).toContain('short by 80000.00');
    expect((await as('manager', 'POST', '/customers/pp-c1/receipts', { receiptId: 'r-1', productLine: 'polyolefin', amount: 100000, receivedOn: '2026-10-11', reference: '工行回单 0001' })).status).toBe(403);
    await ok(as('finance', 'POST', '/customers/pp-c1/receipts', { receiptId: 'r-1', productLine: 'polyolefin', amount: 100000, receivedOn: '2026-10-11', reference: '工行回单 0001' }));
    const accepted = await ok(as('manager', 'POST', '/customers/pp-c1/pickups', pickup('k-1', 10)));
    expect(accepted.events.map((e: { type: string }) => e.type)).toContain('PickupRecorded');
    const account = await ok(as('manager', 'GET', '/customers/pp-c1/account'));
    expect(account.balances).toEqual({ polyolefin: 2_000_000 });
    expect(account.movements.map((m: { kind: string; amountFen: number }) => [m.kind, m.amountFen])).toEqual([['receipt', 10_000_000], ['pickup', -8_000_000]]);
  });

  it('R-PRIN-4: only at a designated warehouse; a void credits the account back; the month\'s statement adds up (CSV with Chinese headers)', async () => {
    const elsewhere = await as('manager', 'POST', '/customers/pp-c1/pickups', pickup('k-2', 1, '某社会库'));
    expect([elsewhere.status, elsewhere.body.rule]).toEqual([422, 'R-PRIN-4']);
    await ok(as('manager', 'POST', '/customers/pp-c1/pickups/k-1/void', { reason: '重复录入' }));
    const statement = await ok(as('finance', 'GET', '/customers/pp-c1/statements/2026-10'));
    expect(statement).toMatchObject({ openingFen: 0, receiptsFen: 10_000_000, pickupsFen: 0, closingFen: 10_000_000 });
    const csv = await api.request('GET', '/customers/pp-c1/statements/2026-10?format=csv', { token: await api.tokenFor('finance') });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('期末余额');
  });

  it('R-PRIN-4: two pickups at once that together exceed the balance — one is accepted, the other refused, the account never overdrawn', async () => {
    await ok(as('finance', 'POST', '/customers/pp-c2/receipts', { receiptId: 'r-2', productLine: 'polyolefin', amount: 120000, receivedOn: '2026-10-11', reference: '工行回单 0002' }));
    const release = barrierOnReads(api.store, 'customer-pp-c2', 2);
    let results: Array<{ status: number; body: any }>;
    try {
      results = await Promise.all([as('manager', 'POST', '/customers/pp-c2/pickups', pickup('race-a', 10)), as('sales', 'POST', '/customers/pp-c2/pickups', pickup('race-b', 10))]);
    } finally {
      release();
    }
    expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
    expect(results.find((r) => r.status === 422)?.body.rule).toBe('R-PRIN-4');
    const events = await api.store.readStream('customer-pp-c2');
    const charged = events.filter((e) => e.type === 'PickupRecorded');
    expect(charged).toHaveLength(1);
    expect((charged[0].data.charge as { balanceAfterFen: number }).balanceAfterFen).toBe(4_000_000);
  });

  it('R-ARC-5: no pickup outside a signed contract; a contract is signed only once a leader approved it, its signed text kept as a file; it is warned, then expires after its last day, and pickups stop', async () => {
    await openCustomer(api, archive('pp-c3', { class: { salesObject: 'distributor', salesForm: 'planned' } }));
    await ok(as('finance', 'POST', '/customers/pp-c3/receipts', { receiptId: 'r-3', productLine: 'polyolefin', amount: 100000, receivedOn: '2026-10-11', reference: '回单 3' }));
    const without = await as('manager', 'POST', '/customers/pp-c3/pickups', pickup('c3-1', 1));
    expect([without.status, without.body.rule, without.body.field]).toEqual([422, 'R-ARC-5', 'data.date']);
    const drafted = await ok(as('sales', 'POST', '/contracts', { customerId: 'pp-c3', productLineId: 'polyolefin', contractNo: 'HT-c3', validFrom: '2026-10-01', validUntil: '2026-11-30', terms: '季度合同' }), 201);
    expect((await as('sales', 'POST', `/contracts/${drafted.id}/sign`, { signedOn: '2026-10-12', signedByCustomer: '代表' })).status).toBe(409);
    await ok(as('gm', 'POST', `/contracts/${drafted.id}/approve`, { comment: '同意' }));
    // 保管合同文本: the signed scan is kept as a file; a signature naming bytes never uploaded is refused at its field
    const scan = (await upload(api, await api.tokenFor('sales'), licencePdf('购销合同 HT-c3'), '购销合同 HT-c3.pdf')).body;
    const unknown = await as('sales', 'POST', `/contracts/${drafted.id}/sign`, { signedOn: '2026-10-12', signedByCustomer: '代表', file: { ...scan, sha256: 'f'.repeat(64) } });
    expect([unknown.status, unknown.body.rule, unknown.body.field]).toEqual([422, 'FILE-UNKNOWN', 'file.sha256']);
    const { sha256, name, mediaType, size } = scan;
    await ok(as('sales', 'POST', `/contracts/${drafted.id}/sign`, { signedOn: '2026-10-12', signedByCustomer: '代表', file: { sha256, name, mediaType, size } }));
    expect((await ok(as('sales', 'GET', `/contracts/${drafted.id}`))).signedText).toEqual({ sha256, name: '购销合同 HT-c3.pdf', mediaType: 'application/pdf', size });
    // the text is on the customer's records: their manager reads it, another manager does not (R-KAM-2)
    expect((await download(api, await api.tokenFor('manager'), sha256)).status).toBe(200);
    expect((await download(api, await api.tokenFor('manager2'), sha256)).status).toBe(403);
    await ok(as('manager', 'POST', '/customers/pp-c3/pickups', pickup('c3-1', 1)));
    api.clock.set('2026-11-05T02:00:00.000Z');
    await fireDueTimers(api);
    api.clock.set('2026-12-01T02:00:00.000Z');
    await fireDueTimers(api);
    const contract = await ok(as('sales', 'GET', `/contracts/${drafted.id}`));
    expect([contract.state, contract.warned]).toEqual(['expired', true]);
    const types = (await api.store.readStream(`sales-contract-${drafted.id}`)).map((e) => e.type);
    expect(types.filter((t) => t.startsWith('Contract'))).toEqual(['ContractDrafted', 'ContractApproved', 'ContractSigned', 'ContractExpiryWarned', 'ContractExpired']);
    const after = await as('manager', 'POST', '/customers/pp-c3/pickups', { ...pickup('c3-2', 1), date: '2026-12-01' });
    expect([after.status, after.body.rule]).toEqual([422, 'R-ARC-5']);
  });

  it('R-PRIN-4 on the import path too: a CSV whose rows together overdraw is refused whole, nothing recorded', async () => {
    const before = await api.store.headPosition();
    const csv = ['customerId,pickupId,date,product,tonnes,warehouse', 'pp-c2,imp-1,2026-10-12,HDPE,4,zh-1', 'pp-c2,imp-2,2026-10-12,HDPE,4,zh-1'].join('\n');
    const res = await api.request('POST', '/pickups/import', { token: await api.tokenFor('sales'), body: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ line: 3, rule: 'R-PRIN-4' })]);
    expect(await api.store.headPosition()).toBe(before);
  });
});

async function waitFor(check: () => Promise<boolean>) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition never held');
}
