import { startTestApi, type TestApi } from '../support/test-api';
import { archive, fireDueTimers, openCustomer } from './customer-fixtures';

jest.setTimeout(30_000);

const OPENED = '2026-03-31T02:00:00.000Z';
/** the licence is valid to 15 April: expired from 16 April 00:00 Shanghai */
const licence = { documentId: 'licence', kind: 'business_licence', number: 'BL-1', validFrom: '2021-04-16', validUntil: '2026-04-15' };
const pickup = (pickupId: string, date: string) => ({ pickupId, date, product: 'HDPE 5000S', tonnes: 30, warehouse: '镇海库' });

describe('customers over HTTP: qualification expiry and disqualification (real SQLite, real HTTP)', () => {
  let api: TestApi;
  let tokens: Record<string, string>;
  beforeAll(async () => {
    process.env.WEBHOOK_POLL_MS = '0';
    api = await startTestApi(OPENED);
    await signIn();
    await openCustomer(api, archive('q-1', { documents: [licence] }));
    await openCustomer(api, archive('d-1'));
  });
  afterAll(() => api.close());

  async function signIn() {
    tokens = {};
    for (const user of ['manager', 'sales', 'gm', 'auditor']) tokens[user] = await api.tokenFor(user);
  }
  const detail = async (id: string) => (await api.request('GET', `/customers/${id}?minPosition=${await api.store.headPosition()}`, { token: tokens.sales })).body;

  it('R-ARC-4: the expiring-documents report lists the licence with its days left, and the warning timer (fired by the service scheduler) marks it warned', async () => {
    const report = await api.request('GET', `/reports/expiring-documents?withinDays=30&minPosition=${await api.store.headPosition()}`, { token: tokens.auditor });
    expect(report.status).toBe(200);
    expect(report.body.items).toEqual([expect.objectContaining({ customer: expect.objectContaining({ customerId: 'q-1' }), daysLeft: 15 })]);
    await fireDueTimers(api); // the warning was due 30 days before expiry, i.e. already
    const q1 = await detail('q-1');
    expect(q1.documents[0]).toMatchObject({ documentId: 'licence', status: 'valid', validUntil: '2026-04-15', warnedAt: expect.any(String) });
  });

  it('R-EVAL-1: an expired document suspends the customer and a pickup is then refused with the rule id', async () => {
    api.clock.set('2026-04-16T01:00:00.000Z');
    await signIn();
    await fireDueTimers(api);
    // the expiry's consequences land through the customer's own timer chain: give them a moment under load
    let q1 = await detail('q-1');
    for (let i = 0; i < 50 && q1.status !== 'suspended'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await fireDueTimers(api);
      q1 = await detail('q-1');
    }
    expect(q1.status).toBe('suspended');
    expect(q1.documents[0].status).toBe('expired');
    const refused = await api.request('POST', '/customers/q-1/pickups', { token: tokens.manager, body: pickup('P-1', '2026-04-16') });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('R-EVAL-1');
    const imported = await api.request('POST', '/pickups/import', { token: tokens.sales, body: { csv: 'customerId,pickupId,date,product,tonnes,warehouse\nq-1,P-2,2026-04-16,PP,3,w' } });
    expect(imported.status).toBe(400);
    expect(imported.body.errors).toEqual([expect.objectContaining({ line: 2, rule: 'R-EVAL-1' })]);
  });

  it('R-EVAL-1: renewing the document reinstates the customer and business resumes', async () => {
    const renewal = { number: 'BL-2', validFrom: '2026-04-16', validUntil: '2031-04-15' };
    const res = await api.request('POST', '/customers/q-1/documents/licence/renew', { token: tokens.manager, body: renewal });
    expect(res.status).toBe(200);
    expect(res.body.events.map((e: any) => e.type)).toEqual(expect.arrayContaining(['QualificationDocumentRenewed', 'CustomerReinstated']));
    const q1 = await detail('q-1');
    expect(q1.status).toBe('active');
    expect(q1.documents[0]).toMatchObject({ status: 'valid', number: 'BL-2', validUntil: '2031-04-15', renewedAt: expect.any(String) });
    const accepted = await api.request('POST', '/customers/q-1/pickups', { token: tokens.manager, body: pickup('P-1', '2026-04-16') });
    expect(accepted.status).toBe(200);
  });

  it('R-EVAL-3: only the general manager approves a disqualification, and it is final', async () => {
    const proposal = { reason: 'fraud_or_bad_faith', evidence: ['伪造磅单 2026-04-02'] };
    expect((await api.request('POST', '/customers/d-1/disqualification', { token: tokens.sales, body: proposal })).status).toBe(200);
    // the archive names its people (its manager, the proposer) for the console to show by name (ADR 0028)
    expect((await detail('d-1')).people).toEqual({ manager: { name: '王经理 (customer manager)' }, sales: { name: expect.stringContaining('李销售') } });
    const bySales = await api.request('POST', '/customers/d-1/disqualification/approve', { token: tokens.sales, body: {} });
    expect(bySales.status).toBe(403);
    const byGm = await api.request('POST', '/customers/d-1/disqualification/approve', { token: tokens.gm, body: { comment: '同意' } });
    expect(byGm.status).toBe(200);
    expect((await detail('d-1')).status).toBe('disqualified');
    const after = await api.request('POST', '/customers/d-1/pickups', { token: tokens.manager, body: pickup('P-9', '2026-04-16') });
    expect(after.status).toBe(422);
    expect(after.body.rule).toBe('R-EVAL-3');
    const change = await api.request('POST', '/customers/d-1/changes', { token: tokens.sales, body: { changes: { region: '华北' }, reason: '搬迁' } });
    expect([409, 422]).toContain(change.status);
    const list = await api.request('GET', '/customers?status=disqualified', { token: tokens.auditor });
    expect(list.body.items.map((c: any) => c.customerId)).toEqual(['d-1']);
  });
});
