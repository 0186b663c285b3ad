import { archive, openCustomer } from '../customers/customer-fixtures';
import { caughtUp } from '../complaints/complaint-support';
import { startTestApi, type TestApi } from '../support/test-api';
import { visitForm } from './visit-form';

/** Two people acting on the same step at once: one effect, the other a 409 — never two events. */
describe('relationship maintenance under concurrent requests (SQLite)', () => {
  let api: TestApi;
  jest.setTimeout(60_000);

  beforeAll(async () => {
    api = await startTestApi('2026-03-02T02:00:00.000Z');
    await openCustomer(api, archive('race-c1'));
    await caughtUp(api, 'customers');
  });
  afterAll(() => api.close());

  const typesOn = async (streamId: string) => (await api.store.readStream(streamId)).map((e) => e.type);

  it('R-VISIT-3: two leaders acknowledging the same findings at once — one acknowledgement, one 409', async () => {
    const report = await api.request('POST', '/visit-reports', {
      token: await api.tokenFor('manager'),
      body: { customerId: 'race-c1', visitedOn: '2026-03-01', basis: { kind: 'unplanned', reason: '顺访' }, form: visitForm('2026-03-01'), ratings: { quality: '合格', service: '一般', awareness: '知道' }, findings: '槽车排队' },
    });
    expect(report.status).toBe(201);
    const [supervisor, gm] = [await api.tokenFor('supervisor'), await api.tokenFor('gm')];
    const answers = await Promise.all([
      api.request('POST', `/visit-reports/${report.body.id}/acknowledge`, { token: supervisor, body: {} }),
      api.request('POST', `/visit-reports/${report.body.id}/acknowledge`, { token: gm, body: {} }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    // one acknowledgement; the leader's task opened with the report and completed once (issue 15)
    expect(await typesOn(`visit-report-${report.body.id}`)).toEqual(['VisitReportSubmitted', 'TaskOpened', 'TimerScheduled', 'VisitFindingsAcknowledged', 'TaskCompleted', 'TimerCancelled']);
  });

  it('R-SURV-1: two first campaigns of a year at once — one opened, the other refused; a retry with the same key replays', async () => {
    const [sales, sales2] = [await api.tokenFor('sales'), await api.tokenFor('sales2')];
    const answers = await Promise.all([
      api.request('POST', '/satisfaction-surveys', { token: sales, headers: { 'Idempotency-Key': 'survey-2027-a' }, body: { year: 2027, title: '甲' } }),
      api.request('POST', '/satisfaction-surveys', { token: sales2, headers: { 'Idempotency-Key': 'survey-2027-b' }, body: { year: 2027, title: '乙' } }),
    ]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses[0]).toBe(201);
    expect([409, 422]).toContain(statuses[1]);
    expect(await typesOn('satisfaction-survey-2027')).toEqual(['SurveyCampaignOpened']);
    const winner = answers.find((a) => a.status === 201);
    const key = winner === answers[0] ? 'survey-2027-a' : 'survey-2027-b';
    const retry = await api.request('POST', '/satisfaction-surveys', { token: winner === answers[0] ? sales : sales2, headers: { 'Idempotency-Key': key }, body: { year: 2027, title: winner === answers[0] ? '甲' : '乙' } });
    expect(retry.status).toBe(201);
    expect(retry.body.replayed).toBe(true);
    const later = await api.request('POST', '/satisfaction-surveys', { token: sales, headers: { 'Idempotency-Key': 'survey-2027-c' }, body: { year: 2027, title: '丙' } });
    expect(later.status).toBe(422);
    expect(later.body).toMatchObject({ rule: 'R-SURV-1', field: 'year' });
  });
});
