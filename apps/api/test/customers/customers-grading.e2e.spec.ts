import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';
import { archive, openCustomer } from './customer-fixtures';

/** Opened on 31 March 2026 (Shanghai), so March is the first month evaluated. */
const OPENED = '2026-03-31T02:00:00.000Z';
const APRIL_1 = '2026-04-01T02:00:00.000Z';

const csv = (rows: string[]) => ['customerId,pickupId,date,product,tonnes,warehouse', ...rows].join('\n');
const MARCH = csv([
  'g-1,DN-001,2026-03-31,HDPE 5000S,1200,镇海库',
  'g-1,DN-002,2026-03-31,HDPE 5000S,"1,300.5",镇海库',
  'g-2,DN-003,2026-03-31,LLDPE 7042,480,宁波库',
]);

jest.setTimeout(30_000);

describeEachEngine('customers over HTTP: bulk pickups, monthly grading, access', (engine) => {
  let api: TestApi;
  let tokens: Record<string, string>;
  beforeAll(async () => {
    process.env.WEBHOOK_POLL_MS = '0';
    api = await startTestApi({ start: OPENED, engine });
    await signIn();
    await openCustomer(api, archive('g-1'));
    await openCustomer(api, archive('g-2', { customerManagerId: 'manager2', region: '华南' }));
  });
  afterAll(() => api?.close());

  /** tokens live an hour of the test's clock: sign in again after moving it */
  async function signIn() {
    tokens = {};
    for (const user of ['manager', 'manager2', 'sales', 'auditor']) tokens[user] = await api.tokenFor(user);
  }

  it('a CSV with one bad row imports nothing and lists the row errors (event count unchanged)', async () => {
    const before = await api.store.headPosition();
    const bad = csv(['g-1,DN-101,2026-03-31,HDPE,100,镇海库', 'g-1,DN-102,2026-02-30,HDPE,abc,镇海库', 'g-9,DN-103,2026-03-31,HDPE,5,镇海库']);
    const res = await api.request('POST', '/pickups/import', { token: tokens.sales, body: bad, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(400);
    expect(res.body.rule).toBe('IMPORT');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ line: 3, field: 'date' }), expect.objectContaining({ line: 3, field: 'tonnes' })]));
    const unknown = await api.request('POST', '/pickups/import', { token: tokens.sales, body: { csv: csv(['g-1,DN-101,2026-03-31,HDPE,100,镇海库', 'g-9,DN-103,2026-03-31,HDPE,5,镇海库']) } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ line: 3, field: 'customerId', message: 'no customer g-9' })]);
    expect(unknown.body).toMatchObject({ rule: 'IMPORT', field: 'customerId', line: 3 });
    expect(unknown.body.message).toContain('line 3, customerId: no customer g-9');
    expect(await api.store.headPosition()).toBe(before);
  });

  it('R-KAM-2: a customer manager cannot import pickups for another manager\'s customer', async () => {
    const before = await api.store.headPosition();
    const res = await api.request('POST', '/pickups/import', { token: tokens.manager, body: MARCH, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ line: 4, rule: 'R-KAM-2' })]);
    expect(await api.store.headPosition()).toBe(before);
  });

  it('imports every row of a good CSV, and a re-import of the same file records nothing (idempotent per pickupId)', async () => {
    const res = await api.request('POST', '/pickups/import', { token: tokens.sales, body: MARCH, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, rows: 3, recorded: 3, unchanged: 0, customers: 2 });
    const head = await api.store.headPosition();
    const again = await api.request('POST', '/pickups/import', { token: tokens.sales, body: { csv: MARCH } });
    expect(again.body).toMatchObject({ ok: true, recorded: 0, unchanged: 3 });
    expect(await api.store.headPosition()).toBe(head);
    const detail = await api.request('GET', `/customers/g-1?minPosition=${res.body.position}`, { token: tokens.sales });
    expect(detail.body.monthlyTonnage).toEqual([{ month: '2026-03', tonnes: 2500.5, pickups: 2 }]);
  });

  it('R-TIER-4: the month evaluation moves the grade one step toward the band, with its evidence in the read model', async () => {
    const early = await api.request('POST', '/customers/g-1/evaluations', { token: tokens.sales, body: { month: '2026-03' } });
    expect(early.status).toBe(422); // the month is not over yet
    api.clock.set(APRIL_1);
    await signIn();
    for (const id of ['g-1', 'g-2']) {
      const res = await api.request('POST', `/customers/${id}/evaluations`, { token: tokens.sales, body: { month: '2026-03' } });
      expect(res.status).toBe(200);
    }
    // R-TIER-4 (ADR 0023): the evaluation proposed the move; the sales department confirms it with another indicator
    const proposed = await api.request('GET', `/customers/g-1?minPosition=${await api.store.headPosition()}`, { token: tokens.sales });
    expect({ grade: proposed.body.grade, review: proposed.body.gradeReviews.at(-1) }).toMatchObject({ grade: 'ordinary', review: { kind: 'proposed', month: '2026-03', newGrade: 'one_star' } });
    const confirmed = await api.request('POST', '/customers/g-1/grade-moves/confirm', { token: tokens.sales, body: { month: '2026-03', indicator: 'payment_record', reason: '回款及时' } });
    expect(confirmed.status).toBe(200);
    const position = await api.store.headPosition();
    const g1 = await api.request('GET', `/customers/g-1?minPosition=${position}`, { token: tokens.sales });
    expect(g1.body.grade).toBe('one_star'); // band two-star (2500.5 t), but one step at a time from ordinary
    expect(g1.body.gradeHistory.at(-1)).toMatchObject({ kind: 'changed', month: '2026-03', tonnage: 2500.5, band: 'two_star', previousGrade: 'ordinary', newGrade: 'one_star', ruleId: expect.stringMatching(/^R-TIER/) });
    const report = await api.request('GET', `/reports/grade-changes?month=2026-03&minPosition=${position}`, { token: tokens.auditor });
    expect(report.status).toBe(200);
    expect(report.body.changes.map((c: any) => [c.customerId, c.previousGrade, c.newGrade])).toEqual([['g-1', 'ordinary', 'one_star']]);
    expect(report.body.changes[0].decidedBy).toBe('sales'); // R-TIER-4: the reviewer who confirmed the move (ADR 0023)
    const list = await api.request('GET', `/customers?grade=one_star&minPosition=${position}`, { token: tokens.sales });
    expect(list.body.items.map((c: any) => c.customerId)).toEqual(['g-1']);
  });

  it('a late correction re-runs the evaluated month and records the difference', async () => {
    const res = await api.request('POST', '/customers/g-1/pickups/DN-002/correct', { token: tokens.manager, body: { tonnes: 100, reason: '磅单录入错误' } });
    expect(res.status).toBe(200);
    expect(res.body.events.map((e: any) => e.type)).toEqual(expect.arrayContaining(['PickupCorrected', 'MonthReevaluated']));
    const report = await api.request('GET', `/reports/grade-changes?month=2026-03&minPosition=${res.body.position}`, { token: tokens.sales });
    expect(report.body.reevaluations).toEqual([expect.objectContaining({ customerId: 'g-1', tonnage: 1300, band: 'one_star' })]);
  });

  it('R-KAM-2: customer managers see and act on their own customers only; auditors read but never write', async () => {
    const mine = await api.request('GET', '/customers', { token: tokens.manager2 });
    expect(mine.body.items.map((c: any) => c.customerId)).toEqual(['g-2']);
    expect((await api.request('GET', '/customers/g-1', { token: tokens.manager2 })).body.rule).toBe('R-KAM-2');
    const change = await api.request('POST', '/customers/g-1/changes', { token: tokens.manager2, body: { changes: { region: '华北' }, reason: 'x' } });
    expect(change.status).toBe(403);
    expect(change.body.rule).toBe('R-KAM-2');
    const audit = await api.request('POST', '/customers/g-1/pickups', { token: tokens.auditor, body: { pickupId: 'A-1', date: '2026-04-01', product: 'PP', tonnes: 1, warehouse: 'w' } });
    expect(audit.status).toBe(403);
    expect((await api.request('GET', '/customers?region=华南&status=active', { token: tokens.auditor })).body.total).toBe(1);
  });

  it('refuses unknown body fields and bad filters with the field named', async () => {
    const res = await api.request('POST', '/customers/g-1/pickups', { token: tokens.sales, body: { pickupId: 'P-9', date: '2026-04-01', product: 'PP', tonnes: 1, warehouse: 'w', price: 3 } });
    expect(res.status).toBe(400);
    expect(res.body.rule).toBe('SCHEMA');
    expect((await api.request('GET', '/customers?grade=five_star', { token: tokens.sales })).body.field).toBe('grade');
    expect((await api.request('GET', '/customers/nobody', { token: tokens.sales })).status).toBe(404);
  });
});
