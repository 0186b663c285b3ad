import { startTestApi, type TestApi } from '../support/test-api';
import { archive, openCustomer } from './customer-fixtures';

const admission = {
  checkedBy: 'sales',
  attestations: (['sound_operation', 'honest', 'well_funded', 'good_reputation', 'sells_only_group_products'] as const).map((criterion) => ({ criterion, evidence: '走访核实' })),
};
const plan = {
  month: '2026-02',
  lines: [
    { customer: '宁波某化纤厂', quantity: 300, pickupWindow: { from: '2026-02-01', to: '2026-02-10' } },
    { customer: '绍兴某印染厂', quantity: 200, pickupWindow: { from: '2026-02-15', to: '2026-02-28' } },
  ],
};

describe('R-TIER-7: an exclusive agent’s monthly sales plan compared with its pickups, over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('2026-01-25T02:00:00.000Z');
    await openCustomer(api, archive('agent-1', { productLine: 'other_chemicals', class: { salesObject: 'exclusive_agent', salesForm: null }, admission } as never));
  });
  afterAll(() => api.close());

  it('R-TIER-7: reports completion and tonnes per pickup window from the stream, corrections included', async () => {
    let manager = await api.tokenFor('manager');
    expect((await api.request('POST', '/customers/agent-1/sales-plans', { token: manager, body: plan })).status).toBe(200);
    // R-TIER-7: an exclusive agent picks up as an agent under the year's licence
    expect((await api.request('POST', '/customers/agent-1/agency-licences', { token: await api.tokenFor('sales'), body: { year: 2026, licenceNumber: 'EA-2026-001' } })).status).toBe(200);
    api.clock.set('2026-02-20T02:00:00.000Z');
    manager = await api.tokenFor('manager'); // a month later the first token has expired
    const pickups = [
      { pickupId: 'p1', date: '2026-02-05', product: 'PTA', tonnes: 250, warehouse: '北仑库' },
      { pickupId: 'p2', date: '2026-02-12', product: 'PTA', tonnes: 40, warehouse: '北仑库' },
      { pickupId: 'p3', date: '2026-02-16', product: 'PTA', tonnes: 100, warehouse: '北仑库' },
    ];
    for (const body of pickups) expect((await api.request('POST', '/customers/agent-1/pickups', { token: manager, body })).status).toBe(200);
    const corrected = await api.request('POST', '/customers/agent-1/pickups/p3/correct', { token: manager, body: { tonnes: 150, reason: '磅单更正' } });
    expect(corrected.status).toBe(200);

    const res = await api.request('GET', '/customers/agent-1/sales-plans/2026-02', { token: manager });
    expect(res.status).toBe(200);
    expect(res.body.adherence).toMatchObject({ plannedTonnes: 500, actualTonnes: 440, completionRate: 0.88, outsideWindowsTonnes: 40 });
    expect(res.body.adherence.lines.map((l: { pickedInWindowTonnes: number }) => l.pickedInWindowTonnes)).toEqual([250, 150]);
  });

  it('answers 404 naming the month when no plan was filed, 400 for a malformed month, 403 for another manager', async () => {
    const manager = await api.tokenFor('manager');
    const none = await api.request('GET', '/customers/agent-1/sales-plans/2026-03', { token: manager });
    expect(none.status).toBe(404);
    expect(none.body.field).toBe('month');
    expect((await api.request('GET', '/customers/agent-1/sales-plans/2026-13', { token: manager })).status).toBe(400);
    expect((await api.request('GET', '/customers/agent-1/sales-plans/2026-02', { token: await api.tokenFor('manager2') })).status).toBe(403);
    expect((await api.request('GET', '/customers/agent-1/sales-plans/2026-02', { token: await api.tokenFor('auditor') })).status).toBe(200);
  });
});
