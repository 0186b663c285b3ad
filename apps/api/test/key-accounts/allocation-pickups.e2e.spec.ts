import { archive, openCustomer } from '../customers/customer-fixtures';
import { describeEachEngine } from '../support/each-engine';
import { ok } from '../support/expect-status';
import { type Caller, onboardingCallers } from '../support/onboarding.actors';
import { startTestApi, type TestApi } from '../support/test-api';

const attest = (criteria: string[]) => ({ checkedBy: 'sales', attestations: criteria.map((criterion) => ({ criterion, evidence: '走访核实' })) });
const OTHER_CHEMICALS = {
  productLine: 'other_chemicals', class: { salesObject: 'distributor', salesForm: null },
  admission: attest(['sound_operation', 'honest', 'well_funded', 'good_reputation']),
} as never;
const ZH = { 'accept-language': 'zh-CN,zh;q=0.9' };

/**
 * R-ALLOC-2 over HTTP: each product line's month is allocated on its own (按照不同的产品); once the
 * general manager approves it, a customer's pickups of the month are held to its allocation on every
 * path (a pickup, a correction, the CSV import), until an approved amendment gives more.
 */
describeEachEngine('pickups held to the approved allocation per product line (R-ALLOC-2)', (engine) => {
  let api: TestApi;
  let as: Caller;
  jest.setTimeout(60_000);
  const pickup = (pickupId: string, tonnes: number) => ({ pickupId, date: '2026-06-10', product: 'HDPE 5000S', tonnes, warehouse: '镇海库' });
  const base = '/allocations/2026-06/polyolefin';

  beforeAll(async () => {
    api = await startTestApi({ start: '2026-06-01T02:00:00.000Z', engine });
    as = await onboardingCallers(api);
    for (const id of ['po-1', 'po-2']) await openCustomer(api, archive(id));
    await openCustomer(api, archive('oc-1', OTHER_CHEMICALS));
    api.clock.set('2026-06-10T02:00:00.000Z');
  });
  afterAll(() => api?.close());

  it('R-ALLOC-2: a product line allocates only its own customers; a line changed by hand records its reason; the GM approves', async () => {
    const wrongLine = await as('sales', 'POST', `${base}/proposals`, { availableTonnes: 100, requests: [{ customerId: 'oc-1', tonnes: 10 }] });
    expect(wrongLine.status).toBe(422);
    expect(wrongLine.body).toMatchObject({ rule: 'R-ALLOC-2', field: 'requests.0.customerId' });
    expect(wrongLine.body.message).toContain('registered for other_chemicals');

    const proposed = await ok(as('sales', 'POST', `${base}/proposals`, { availableTonnes: 100, requests: [{ customerId: 'po-1', tonnes: 60 }, { customerId: 'po-2', tonnes: 30 }], note: '六月聚烯烃' }));
    // before the general manager approves, the month is not allocated: pickups are not held to it
    await ok(as('manager', 'POST', '/customers/po-1/pickups', pickup('k-1', 10)));
    const tooMuch = await as('sales', 'POST', `${base}/adjustments`, { round: 1, customerId: 'po-1', tonnes: 61, reason: '多给' });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ rule: 'R-ALLOC-2', field: 'allocatedKg' });
    await ok(as('sales', 'POST', `${base}/adjustments`, { round: 1, customerId: 'po-1', tonnes: 50, reason: '客户装置检修，减量' }));
    const approved = await ok(as('gm', 'POST', `${base}/approve`, { round: 1, comment: '同意' }));
    const view = await ok(as('gm', 'GET', `${base}?minPosition=${Math.max(proposed.position, approved.position)}`));
    expect(view).toMatchObject({ productLine: 'polyolefin', status: 'approved', allocatedTonnes: 80, inForce: { round: 1 } });
    expect(view.inForce.lines.find((l: any) => l.customerId === 'po-1')).toMatchObject({ allocatedTonnes: 50, adjustment: { previousTonnes: 60, reason: '客户装置检修，减量', by: 'sales' } });
    const month = await ok(as('supervisor', 'GET', '/allocations/2026-06'));
    expect(month.allocations.map((a: any) => a.productLine)).toEqual(['polyolefin']);
  });

  it('R-ALLOC-2: once approved, a pickup beyond the allocation is refused naming the excess, in Chinese too; a correction and an import row as well', async () => {
    await ok(as('manager', 'POST', '/customers/po-1/pickups', pickup('k-2', 30)));
    const beyond = await as('manager', 'POST', '/customers/po-1/pickups', pickup('k-3', 15), ZH);
    expect(beyond.status).toBe(422);
    expect(beyond.body).toMatchObject({ rule: 'R-ALLOC-2', field: 'data.tonnes' });
    expect(beyond.body.message).toContain('资源量分配');
    expect(beyond.body.message).toContain('将超出 5 t'); // issue 16: the excess in Chinese, no English tail
    const corrected = await as('manager', 'POST', '/customers/po-1/pickups/k-2/correct', { tonnes: 45, reason: '磅单更正' });
    expect(corrected.status).toBe(422);
    expect(corrected.body.rule).toBe('R-ALLOC-2');
    const csv = ['customerId,pickupId,date,product,tonnes,warehouse', 'po-1,imp-1,2026-06-08,HDPE 5000S,6,镇海库', 'po-1,imp-2,2026-06-09,HDPE 5000S,6,镇海库'].join('\n');
    const imported = await api.request('POST', '/pickups/import', { token: await api.tokenFor('sales'), body: csv, headers: { 'content-type': 'text/csv' } });
    expect(imported.status).toBe(400);
    expect(imported.body.errors).toEqual([expect.objectContaining({ line: 3, rule: 'R-ALLOC-2', field: 'tonnes' })]);
    expect((await api.store.readStream('customer-po-1')).filter((e) => e.type === 'PickupRecorded').map((e) => e.data.pickupId)).toEqual(['k-1', 'k-2']);
    // another product line's customer is not held to the polyolefin allocation
    await ok(as('manager', 'POST', '/customers/oc-1/pickups', pickup('oc-k-1', 500)));
  });

  it('R-ALLOC-2: two pickups racing for the last 10 t: exactly one is accepted', async () => {
    const results = await Promise.all([as('manager', 'POST', '/customers/po-1/pickups', pickup('race-a', 6)), as('sales', 'POST', '/customers/po-1/pickups', pickup('race-b', 6))]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
    expect(results.find((r) => r.status === 422)?.body.rule).toBe('R-ALLOC-2');
  });

  it('R-ALLOC-2: an amendment under review does not lift the limit; approved, it does', async () => {
    await ok(as('sales', 'POST', `${base}/proposals`, { availableTonnes: 120, requests: [{ customerId: 'po-1', tonnes: 80 }, { customerId: 'po-2', tonnes: 30 }], note: '月中追加' }));
    expect((await as('manager', 'POST', '/customers/po-1/pickups', pickup('k-4', 10))).status).toBe(422);
    await ok(as('gm', 'POST', `${base}/approve`, { round: 2, comment: '同意追加' }));
    await ok(as('manager', 'POST', '/customers/po-1/pickups', pickup('k-4', 10)));
    const stream = await api.store.readStream('resource-allocation-polyolefin-2026-06');
    expect(stream.map((e) => e.type).filter((t) => !/^(Task|Timer)[A-Z]/.test(t))).toEqual(['AllocationProposed', 'AllocationAdjusted', 'AllocationApproved', 'AllocationProposed', 'AllocationApproved']);
  });
});
