import { caughtUp } from '../complaints/complaint-support';
import { archive, openCustomer } from '../customers/customer-fixtures';
import { describeEachEngine } from '../support/each-engine';
import { ok } from '../support/expect-status';
import { type Caller, onboardingCallers } from '../support/onboarding.actors';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * R-EVAL-2 recorded: a product line's quarterly review opens with suggested outcomes, the sales
 * department records its decisions, the conclusion is reported to 公司经营例会; R-ALLOC-2 依据客户评审结果:
 * the next month's allocation serves the customers the review moved up first and ends those it
 * ended — on SQLite and PostgreSQL.
 */
describeEachEngine('customer reviews recorded and followed by the allocation (R-EVAL-2, R-ALLOC-2)', (engine) => {
  let api: TestApi;
  let as: Caller;
  jest.setTimeout(60_000);

  beforeAll(async () => {
    api = await startTestApi({ start: '2026-06-01T02:00:00.000Z', engine });
    as = await onboardingCallers(api);
    for (const id of ['rv-a', 'rv-b', 'rv-c']) await openCustomer(api, archive(id));
    api.clock.set('2026-10-09T02:00:00.000Z');
    await caughtUp(api, 'customers');
  });
  afterAll(() => api?.close());

  it('R-EVAL-2: the Q3 review is opened with a suggestion per customer, decided, concluded and reported to 公司经营例会', async () => {
    expect((await as('manager', 'POST', '/customer-reviews', { period: '2026-Q3', productLine: 'polyolefin' })).status).toBe(403);
    const opened = await ok(as('sales', 'POST', '/customer-reviews', { period: '2026-Q3', productLine: 'polyolefin' }), 201);
    expect(opened.state).toBe('open');
    const view = await ok(as('gm', 'GET', '/customer-reviews/polyolefin/2026-Q3'));
    expect(view.meeting).toBe('公司经营例会');
    expect(view.entries.map((e: { customerId: string; suggested: string }) => [e.customerId, e.suggested])).toEqual(expect.arrayContaining([['rv-a', 'keep'], ['rv-b', 'keep'], ['rv-c', 'keep']]));

    const notInReview = await as('sales', 'POST', '/customer-reviews/polyolefin/2026-Q3/outcomes', { customerId: 'nobody', outcome: 'up', reason: 'x' });
    expect(notInReview.status).toBe(422);
    expect(notInReview.body).toMatchObject({ rule: 'R-EVAL-2', field: 'customerId' });
    await ok(as('sales', 'POST', '/customer-reviews/polyolefin/2026-Q3/outcomes', { customerId: 'rv-b', outcome: 'up', reason: '季度提货完成率高，配合好' }));
    await ok(as('sales', 'POST', '/customer-reviews/polyolefin/2026-Q3/outcomes', { customerId: 'rv-c', outcome: 'exit', reason: '长期不提货，建议退出' }));
    const concluded = await ok(as('gm', 'POST', '/customer-reviews/polyolefin/2026-Q3/conclude', { note: '经营例会通报' }));
    expect(concluded.state).toBe('concluded');
    const [event] = (await api.store.readStream('periodic-review-polyolefin.2026-Q3')).filter((e) => e.type === 'CustomerReviewConcluded');
    expect(event.data).toMatchObject({ meeting: '公司经营例会', notify: ['general_manager', 'supervisor'] });
    const outcomes = Object.fromEntries((event.data.outcomes as Array<{ customerId: string; outcome: string; adopted: boolean }>).map((o) => [o.customerId, [o.outcome, o.adopted]]));
    expect([outcomes['rv-a'], outcomes['rv-b'], outcomes['rv-c']]).toEqual([['keep', true], ['up', false], ['exit', false]]);
    const again = await as('sales', 'POST', '/customer-reviews/polyolefin/2026-Q3/outcomes', { customerId: 'rv-a', outcome: 'down', reason: '晚了' });
    expect(again.status).toBe(409);
  });

  it('R-ALLOC-2 依据客户评审结果: October’s allocation serves the one moved up first and gives the one ended nothing', async () => {
    const proposed = await ok(as('sales', 'POST', '/allocations/2026-10/polyolefin/proposals', {
      availableTonnes: 100, requests: [{ customerId: 'rv-a', tonnes: 100 }, { customerId: 'rv-b', tonnes: 100 }, { customerId: 'rv-c', tonnes: 100 }],
    }));
    const view = await ok(as('gm', 'GET', `/allocations/2026-10/polyolefin?minPosition=${proposed.position}`));
    const lines = Object.fromEntries(view.lines.map((l: { customerId: string; review: string | null; allocatedTonnes: number; rank: number }) => [l.customerId, [l.review, l.rank, l.allocatedTonnes]]));
    expect([lines['rv-b'], lines['rv-a'], lines['rv-c']]).toEqual([['up', 1, 100], ['keep', 2, 0], ['exit', 0, 0]]);
  });
});
