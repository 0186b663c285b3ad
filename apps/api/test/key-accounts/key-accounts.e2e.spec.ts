import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';
import { archive, fireDueTimers, openCustomer } from '../customers/customer-fixtures';

jest.setTimeout(120_000);

const admission = {
  checkedBy: 'sales',
  attestations: (['sound_operation', 'honest', 'well_funded', 'good_reputation', 'sells_only_group_products'] as const).map((criterion) => ({ criterion, evidence: '走访核实' })),
};
const directAdmission = { checkedBy: 'sales', attestations: (['producer_of_scale', 'good_funds_and_credit'] as const).map((criterion) => ({ criterion, evidence: '走访核实' })) };
const agent = { productLine: 'other_chemicals', class: { salesObject: 'exclusive_agent', salesForm: null }, admission } as never;
const months = (from: string, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const index = Number(from.slice(0, 4)) * 12 + Number(from.slice(5)) - 1 + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const CUSTOMERS = ['ka-decline', 'ka-steady', 'dist-even', 'dist-lumpy', 'dir-1', 'agent-hi', 'agent-lo'];
const csv = (rows: string[]) => ['customerId,pickupId,date,product,tonnes,warehouse', ...rows].join('\n');

/**
 * Fifteen months of history to June 2026. ka-decline took 3000 t a month until March, then 500 t:
 * its last quarter is a sixth of the one before and of the same quarter a year earlier. ka-steady
 * took 2500 t every month. The small customers give the allocation its figures: agent-hi picked up
 * its whole June plan, agent-lo 40 %; dist-even took 10 t every week of the quarter, dist-lumpy one
 * 130 t load.
 */
function historyToJune(): string {
  const rows: string[] = [];
  for (const m of months('2025-04', 15)) {
    rows.push(`ka-decline,DEC-${m},${m}-10,HDPE 5000S,${m < '2026-04' ? 3000 : 500},镇海库`);
    rows.push(`ka-steady,STA-${m}-a,${m}-10,HDPE 5000S,1250,镇海库`, `ka-steady,STA-${m}-b,${m}-25,HDPE 5000S,1250,镇海库`);
    rows.push(`dir-1,DIR-${m},${m}-15,HDPE 5000S,100,镇海库`);
  }
  rows.push('agent-hi,AH-1,2026-06-05,PTA,100,北仑库', 'agent-lo,AL-1,2026-06-05,PTA,40,北仑库');
  for (let k = 0; k < 13; k++) rows.push(`dist-even,DE-${k},${addDays('2026-06-30', -7 * k)},LLDPE 7042,10,宁波库`);
  rows.push('dist-lumpy,DL-1,2026-06-05,LLDPE 7042,130,宁波库');
  return csv(rows);
}
const plan = (month: string, quantity: number) => ({
  month,
  lines: [{ customer: '宁波某化纤厂', quantity, pickupWindow: { from: `${month}-01`, to: `${month}-28` } }],
});

describeEachEngine('key accounts and resource allocation over HTTP', (engine) => {
  let api: TestApi;
  const token = (user: string) => api.tokenFor(user);

  beforeAll(async () => {
    api = await startTestApi({ start: '2025-01-02T02:00:00.000Z', engine });
    for (const id of ['ka-decline', 'ka-steady']) await openCustomer(api, archive(id));
    // the allocation's customers share one product line (other chemicals has all three sales objects, R-TIER-5)
    for (const id of ['dist-even', 'dist-lumpy']) await openCustomer(api, archive(id, { productLine: 'other_chemicals', class: { salesObject: 'distributor', salesForm: null }, admission } as never));
    await openCustomer(api, archive('dir-1', { productLine: 'other_chemicals', class: { salesObject: 'direct', salesForm: null }, admission: directAdmission } as never));
    for (const id of ['agent-hi', 'agent-lo']) await openCustomer(api, archive(id, agent));
    api.clock.set('2026-05-25T02:00:00.000Z');
    // R-TIER-7: an exclusive agent picks up as an agent under the year's licence
    for (const id of ['agent-hi', 'agent-lo']) expect((await api.request('POST', `/customers/${id}/agency-licences`, { token: await token('sales'), body: { year: 2026, licenceNumber: `EA-2026-${id}` } })).status).toBe(200);
    for (const id of ['agent-hi', 'agent-lo']) expect((await api.request('POST', `/customers/${id}/sales-plans`, { token: await token('manager'), body: plan('2026-06', 100) })).status).toBe(200);
    api.clock.set('2026-06-25T02:00:00.000Z');
    for (const id of ['agent-hi', 'agent-lo']) expect((await api.request('POST', `/customers/${id}/sales-plans`, { token: await token('manager'), body: plan('2026-07', 300) })).status).toBe(200);
    api.clock.set('2026-07-01T02:00:00.000Z');
    const imported = await api.request('POST', '/pickups/import', { token: await token('sales'), body: historyToJune(), headers: { 'content-type': 'text/csv' } });
    expect(imported.status).toBe(200);
  });
  afterAll(() => api?.close());

  it('R-KAM-1: the ABC report over the 12 months to June ranks by tonnage; A is the smallest prefix reaching 80 %', async () => {
    // read your writes: the import's pickups are in the figures before the report is drawn
    const res = await api.request('GET', `/key-accounts/abc?from=2025-07&to=2026-06&minPosition=${await api.store.headPosition()}`, { token: await token('sales') });
    expect(res.status).toBe(200);
    const rows = res.body.customers as Array<{ customerId: string; tonnes: number; abcClass: string; share: number; cumulativeShare: number; rank: number }>;
    expect(rows.slice(0, 3).map((r) => [r.customerId, r.tonnes, r.abcClass])).toEqual([['ka-steady', 30000, 'A'], ['ka-decline', 28500, 'A'], ['dir-1', 1200, 'C']]);
    expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 9);
    expect(res.body.totalTonnes).toBe(30000 + 28500 + 1200 + 100 + 40 + 130 + 130);
    expect(rows.find((r) => r.customerId === 'agent-lo')).toMatchObject({ tonnes: 40, abcClass: 'C' });
    // thresholds are parameters: with B up to 99 % the direct customer (cumulative 97.3 %) is B
    const wider = await api.request('GET', '/key-accounts/abc?from=2025-07&to=2026-06&b=0.99', { token: await token('sales') });
    expect(wider.body.customers[2]).toMatchObject({ customerId: 'dir-1', abcClass: 'B' });
    // the default period is the 12 months before the clock's month: the same here
    const byDefault = (await api.request('GET', '/key-accounts/abc', { token: await token('sales') })).body.customers;
    const ranking = (list: typeof rows) => list.map((r) => [r.customerId, r.tonnes, r.abcClass, r.cumulativeShare]);
    expect(ranking(byDefault)).toEqual(ranking(rows));
  });

  it('R-KAM-3: the June evaluation warns the declining key account once, through the outbox; running it again writes nothing', async () => {
    const sales = await token('sales');
    const first = await api.request('POST', '/key-accounts/evaluations', { token: sales, body: { month: '2026-06' } });
    expect(first.status).toBe(200);
    expect(first.body.keyAccounts).toEqual(['ka-steady', 'ka-decline']);
    const types = first.body.events.map((e: { customerId: string; type: string }) => `${e.customerId}:${e.type}`).sort();
    expect(types).toEqual(['ka-decline:KeyAccountWarningRaised', 'ka-steady:LoyaltyLevelChanged']);

    // the customers' own monthly grading timers may append meanwhile: count the key-account streams only
    const ledgers = async () => Promise.all(CUSTOMERS.map(async (id) => (await api.store.readStream(`key-account-${id}`)).length));
    const before = await ledgers();
    const again = await api.request('POST', '/key-accounts/evaluations', { token: await token('supervisor'), body: { month: '2026-06' } });
    expect(again.status).toBe(200);
    expect(again.body.events).toEqual([]);
    expect(await ledgers()).toEqual(before);
    expect(before.reduce((a, b) => a + b, 0)).toBe(2);

    const warnings = await api.request('GET', `/key-accounts/warnings?month=2026-06&minPosition=${first.body.position}`, { token: sales });
    expect(warnings.body.open).toHaveLength(1);
    expect(warnings.body.open[0]).toMatchObject({
      customerId: 'ka-decline', kind: 'warning_raised',
      detail: { reasons: ['below_prior_quarter', 'below_last_year'], evidence: { trailingKg: 1_500_000, priorKg: 9_000_000, lastYearKg: 9_000_000 } },
    });
    const level = warnings.body.signals.find((s: { kind: string }) => s.kind === 'level_changed');
    expect(level).toMatchObject({ customerId: 'ka-steady', detail: { previousLevel: null, newLevel: 'gold', policyVersion: 1 } });
    expect(level.detail.evidence.map((e: { month: string }) => e.month)).toEqual(months('2026-01', 6));

    for (const recipient of ['supervisor', 'customer_manager']) {
      const outbox = await api.request('GET', `/notifications?recipient=${recipient}&minPosition=${first.body.position}`, { token: sales });
      const raised = outbox.body.items.filter((i: { type: string }) => i.type === 'KeyAccountWarningRaised');
      expect(raised).toHaveLength(1);
      expect(raised[0].streamId).toBe('key-account-ka-decline');
      if (recipient === 'customer_manager') expect(raised[0].addressee).toBe('manager');
    }
  });

  it('R-ALLOC-1..3: under shortage the proposal serves direct, then agents by completion, then distributors by completion and evenness; the GM approves', async () => {
    const sales = await token('sales');
    const body = { availableTonnes: 1200, note: '七月资源量', requests: [{ customerId: 'dist-lumpy', tonnes: 200 }, { customerId: 'dir-1', tonnes: 500 }, { customerId: 'dist-even', tonnes: 200 }] };
    const proposed = await api.request('POST', '/allocations/2026-07/other_chemicals/proposals', { token: sales, body });
    expect(proposed.status).toBe(200);
    expect(proposed.body.state).toBe('draft');
    // issue 15: the general manager's task opens in the same append, its idle timer with it
    expect(proposed.body.events.map((e: { type: string }) => e.type)).toEqual(['AllocationProposed', 'TaskOpened', 'TimerScheduled']);
    const view = await api.request('GET', `/allocations/2026-07/other_chemicals?minPosition=${proposed.body.position}`, { token: await token('gm') });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ status: 'draft', round: 1, availableTonnes: 1200, demandTonnes: 1500, allocatedTonnes: 1200, shortfallTonnes: 300 });
    const lines = view.body.lines.map((l: any) => [l.customerId, l.salesObject, l.source, l.completionRate, l.allocatedTonnes]);
    expect(lines).toEqual([
      ['dir-1', 'direct', 'request', null, 500],
      ['agent-hi', 'exclusive_agent', 'sales_plan', 1, 300],
      ['agent-lo', 'exclusive_agent', 'sales_plan', 0.4, 300],
      ['dist-even', 'distributor', 'request', null, 100],
      ['dist-lumpy', 'distributor', 'request', null, 0],
    ]);
    const even = view.body.lines.find((l: any) => l.customerId === 'dist-even');
    const lumpy = view.body.lines.find((l: any) => l.customerId === 'dist-lumpy');
    expect(even.evenness).toBeCloseTo(1, 9);
    expect(lumpy.evenness).toBe(0);

    expect((await api.request('POST', '/allocations/2026-07/other_chemicals/approve', { token: sales, body: { round: 1 } })).status).toBe(403);
    const returned = await api.request('POST', '/allocations/2026-07/other_chemicals/return', { token: await token('gm'), body: { round: 1, reason: '请复核经销商需求' } });
    expect(returned.body.state).toBe('returned');
    expect(returned.body.events[0].type).toBe('AllocationReturned'); // then the task facts (issue 15)
    const round2 = await api.request('POST', '/allocations/2026-07/other_chemicals/proposals', { token: sales, body });
    expect(round2.status).toBe(200);
    // the general manager approving and returning round 2 at once: exactly one decision is written
    const gm = await token('gm');
    const race = await Promise.all([
      api.request('POST', '/allocations/2026-07/other_chemicals/approve', { token: gm, body: { round: 2, comment: '同意' } }),
      api.request('POST', '/allocations/2026-07/other_chemicals/return', { token: gm, body: { round: 2, reason: '再议' } }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const stream = await api.store.readStream('resource-allocation-other_chemicals-2026-07');
    // the decisions, leaving out the engine's timer and task facts (issue 15)
    expect(stream.map((e) => e.type).filter((t) => !/^(Task|Timer)[A-Z]/.test(t))).toEqual(['AllocationProposed', 'AllocationReturned', 'AllocationProposed', race[0].status === 200 ? 'AllocationApproved' : 'AllocationReturned']);
    if (race[0].status !== 200) {
      expect((await api.request('POST', '/allocations/2026-07/other_chemicals/proposals', { token: sales, body })).status).toBe(200);
    }
    const round = race[0].status === 200 ? 2 : 3;
    const approved = race[0].status === 200 ? race[0] : await api.request('POST', '/allocations/2026-07/other_chemicals/approve', { token: gm, body: { round, comment: '同意' } });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved' });
    expect(approved.body.events.map((e: { type: string }) => e.type).filter((t: string) => !/^(Task|Timer)[A-Z]/.test(t))).toEqual(['AllocationApproved']);
    const again = await api.request('POST', '/allocations/2026-07/other_chemicals/approve', { token: gm, body: { round } });
    expect(again.status).toBe(409);
    expect((await api.request('GET', `/allocations/2026-07/other_chemicals?minPosition=${approved.body.position}`, { token: sales })).body).toMatchObject({ status: 'approved', decidedBy: 'gm', decisionText: '同意' });
  });

  it('R-KAM-3: recovered volume clears the warning at the next evaluation; R-EVAL-2 reports the quarter per class', async () => {
    api.clock.set('2026-08-01T02:00:00.000Z');
    // the customers' own July evaluations (due at 08-01) first: each now also opens a review task
    // (ADR 0023), and a row written while the scheduler appends to the same stream would fail the
    // import after one retry ("re-run the same file"), which is not what this journey is about
    await fireDueTimers(api);
    const july = csv(['ka-decline,DEC-2026-07-a,2026-07-10,HDPE 5000S,3000,镇海库', 'ka-decline,DEC-2026-07-b,2026-07-20,HDPE 5000S,2500,镇海库',
      'ka-steady,STA-2026-07-a,2026-07-10,HDPE 5000S,1250,镇海库', 'ka-steady,STA-2026-07-b,2026-07-25,HDPE 5000S,1250,镇海库']);
    expect((await api.request('POST', '/pickups/import', { token: await token('sales'), body: july, headers: { 'content-type': 'text/csv' } })).status).toBe(200);
    // two people run the July evaluation at the same moment: the warning is cleared once
    const [one, two] = await Promise.all([
      api.request('POST', '/key-accounts/evaluations', { token: await token('sales'), body: { month: '2026-07' } }),
      api.request('POST', '/key-accounts/evaluations', { token: await token('supervisor'), body: { month: '2026-07' } }),
    ]);
    expect([one.status, two.status]).toEqual([200, 200]);
    const written = [...one.body.events, ...two.body.events].map((e: { customerId: string; type: string }) => `${e.customerId}:${e.type}`);
    expect(written).toEqual(['ka-decline:KeyAccountWarningCleared']);
    const evaluated = one.body.events.length ? one : two;
    const warnings = await api.request('GET', `/key-accounts/warnings?minPosition=${evaluated.body.position}`, { token: await token('supervisor') });
    expect(warnings.body.open).toEqual([]);

    const review = await api.request('GET', `/key-accounts/reviews?period=2026-Q3&minPosition=${evaluated.body.position}`, { token: await token('gm') });
    expect(review.status).toBe(200);
    const distributors = review.body.classes.find((c: { salesObject: string }) => c.salesObject === 'distributor');
    expect(distributors).toMatchObject({ tonnes: 5500 + 2500, warnings: { raised: [], cleared: [{ customerId: 'ka-decline', month: '2026-07' }] }, allocation: { months: ['2026-07'], demandTonnes: 400, allocatedTonnes: 100 } });
    const agents = review.body.classes.find((c: { salesObject: string }) => c.salesObject === 'exclusive_agent');
    expect(agents.allocation).toMatchObject({ demandTonnes: 600, allocatedTonnes: 600 });
    const q2 = await api.request('GET', '/key-accounts/reviews?period=2026-Q2', { token: await token('gm') });
    expect(q2.body.classes.find((c: { salesObject: string }) => c.salesObject === 'distributor').warnings.raised).toEqual([
      { customerId: 'ka-decline', month: '2026-06', reasons: ['below_prior_quarter', 'below_last_year'] },
    ]);
  });

  it('bad input → 400 naming the field and the rule; an unfinished month or an unknown customer → 422', async () => {
    const sales = await token('sales');
    const badAbc = await api.request('GET', '/key-accounts/abc?a=0.9&b=0.5', { token: sales });
    expect(badAbc.status).toBe(400);
    expect(badAbc.body).toMatchObject({ field: 'a', rule: 'SCHEMA' });
    expect(badAbc.body.message).toContain('R-KAM-1');
    const badMonth = await api.request('POST', '/key-accounts/evaluations', { token: sales, body: { month: '2026-13' } });
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.field).toBe('month');
    const future = await api.request('POST', '/key-accounts/evaluations', { token: sales, body: { month: '2026-08' } });
    expect(future.status).toBe(422);
    expect(future.body).toMatchObject({ field: 'month', rule: 'R-KAM-3' });
    const dup = await api.request('POST', '/allocations/2026-08/other_chemicals/proposals', { token: sales, body: { availableTonnes: 10, requests: [{ customerId: 'dir-1', tonnes: 1 }, { customerId: 'dir-1', tonnes: 2 }] } });
    expect(dup.status).toBe(400);
    expect(dup.body).toMatchObject({ field: 'requests' });
    expect(dup.body.message).toContain('R-ALLOC-2');
    const negative = await api.request('POST', '/allocations/2026-08/other_chemicals/proposals', { token: sales, body: { availableTonnes: -1, requests: [] } });
    expect(negative.status).toBe(400);
    expect(negative.body.field).toBe('availableTonnes');
    const unknown = await api.request('POST', '/allocations/2026-08/other_chemicals/proposals', { token: sales, body: { availableTonnes: 10, requests: [{ customerId: 'nobody', tonnes: 1 }] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ field: 'requests.0.customerId', rule: 'R-ALLOC-2' });
    const notAnAgent = await api.request('POST', '/allocations/2026-08/other_chemicals/proposals', { token: sales, body: { availableTonnes: 10, requests: [{ customerId: 'dir-1', tonnes: 1 }], cooperation: [{ customerId: 'dir-1', score: 0.5 }] } });
    expect(notAnAgent.status).toBe(422);
    expect(notAnAgent.body).toMatchObject({ field: 'cooperation.0.customerId', rule: 'R-ALLOC-3' });
    const period = await api.request('GET', '/key-accounts/reviews?period=2026-Q5', { token: sales });
    expect(period.status).toBe(400);
    expect(period.body.field).toBe('period');
  });
});
