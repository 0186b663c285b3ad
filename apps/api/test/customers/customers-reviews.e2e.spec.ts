import { caughtUp } from '../complaints/complaint-support';
import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';
import { archive, fireDueTimers, openCustomer } from './customer-fixtures';

/**
 * Issue 18, grading and evaluation (ADR 0023), over HTTP on both engines: the sales department
 * reviews proposed grade moves (R-TIER-4) and an online-auction customer enters the planned ladder
 * (R-TIER-2); proof of a renewal under way postpones suspension (R-EVAL-1); an exclusive agent
 * picks up under this year's licence and is reminded of a missing sales plan (R-TIER-7).
 */
jest.setTimeout(60_000);

const OPENED = '2026-03-31T02:00:00.000Z';
const APRIL_1 = '2026-04-01T02:00:00.000Z';
const pickupOf = (pickupId: string, date: string, tonnes = 30) => ({ pickupId, date, product: 'HDPE 5000S', tonnes, warehouse: '镇海库' });
/** the workflow's own events of a command response, without the engine's task and timer facts */
const domainTypes = (body: { events: Array<{ type: string }> }) => body.events.map((e) => e.type).filter((t) => !/^(Task|Timer)[A-Z]/.test(t));
const agentAdmission = {
  checkedBy: 'sales',
  attestations: (['sound_operation', 'honest', 'well_funded', 'good_reputation', 'sells_only_group_products'] as const).map((criterion) => ({ criterion, evidence: '走访核实' })),
};

describeEachEngine('customers over HTTP: grade review, renewal proofs, agency licences and sales-plan reminders (issue 18)', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    process.env.WEBHOOK_POLL_MS = '0';
    api = await startTestApi({ start: OPENED, engine });
    await openCustomer(api, archive('r-1'));
    await openCustomer(api, archive('r-2', { class: { salesObject: 'distributor', salesForm: 'online_auction' } }));
    await openCustomer(api, archive('q-1', { documents: [{ documentId: 'licence', kind: 'business_licence', number: 'BL-1', validFrom: '2021-04-16', validUntil: '2026-04-15' }] }));
    await openCustomer(api, archive('a-1', { productLine: 'other_chemicals', class: { salesObject: 'exclusive_agent', salesForm: null }, admission: agentAdmission }));
    for (const [id, tonnes] of [['r-1', 1200], ['r-2', 2500]] as const) {
      expect((await as('manager', 'POST', `/customers/${id}/pickups`, pickupOf(`${id}-mar`, '2026-03-31', tonnes))).status).toBe(200);
    }
    api.clock.set(APRIL_1);
  });
  afterAll(() => api?.close());

  /** a fresh token per call: the tests move the clock past a token's hour */
  async function as(user: string, method: string, path: string, body?: unknown) {
    return api.request(method, path, { token: await api.tokenFor(user), body });
  }
  const detail = async (id: string) => (await as('sales', 'GET', `/customers/${id}?minPosition=${await api.store.headPosition()}`)).body;

  it('R-TIER-4: the evaluation proposes the move and opens customer.confirm-grade; a hold names an indicator from the list and keeps the grade', async () => {
    expect((await as('sales', 'POST', '/customers/r-1/evaluations', { month: '2026-03' })).status).toBe(200);
    const tasks = await as('sales', 'GET', `/tasks?type=customer.confirm-grade&minPosition=${await api.store.headPosition()}`);
    expect(tasks.body.items.map((t: { instanceId: string }) => t.instanceId)).toContain('r-1');
    const byManager = await as('manager', 'POST', '/customers/r-1/grade-moves/confirm', { month: '2026-03', indicator: 'cooperation', reason: '配合' });
    expect(byManager.status).toBe(403);
    const unknown = await as('sales', 'POST', '/customers/r-1/grade-moves/hold', { month: '2026-03', indicator: 'weather', reason: '天气' });
    expect([unknown.status, unknown.body.rule, unknown.body.field]).toEqual([422, 'R-TIER-4', 'data.indicator']);
    const held = await as('sales', 'POST', '/customers/r-1/grade-moves/hold', { month: '2026-03', indicator: 'complaints', reason: '本月两起质量投诉' });
    expect(held.status).toBe(200);
    expect(domainTypes(held.body)).toEqual(['GradeMoveHeld']);
    const r1 = await detail('r-1');
    expect(r1.grade).toBe('ordinary');
    expect(r1.gradeReviews.map((g: { kind: string; newGrade: string; cause: string }) => [g.kind, g.newGrade, g.cause])).toEqual([['proposed', 'one_star', 'monthly_evaluation'], ['held', 'one_star', 'complaints']]);
    const after = await as('sales', 'GET', `/tasks?type=customer.confirm-grade&minPosition=${await api.store.headPosition()}`);
    expect(after.body.items.map((t: { instanceId: string }) => t.instanceId)).not.toContain('r-1');
  });

  it('R-TIER-2: an online-auction customer at 2,500 t is proposed one step; confirming makes it a planned customer at ordinary', async () => {
    expect((await as('sales', 'POST', '/customers/r-2/evaluations', { month: '2026-03' })).status).toBe(200);
    const confirmed = await as('sales', 'POST', '/customers/r-2/grade-moves/confirm', { month: '2026-03', indicator: 'payment_record', reason: '款到发货，回款及时' });
    expect(confirmed.status).toBe(200);
    expect(domainTypes(confirmed.body)).toEqual(['CustomerInformationChanged', 'CustomerGradeChanged']);
    const r2 = await detail('r-2');
    expect({ grade: r2.grade, salesForm: r2.class.salesForm }).toEqual({ grade: 'ordinary', salesForm: 'planned' });
    expect(r2.gradeHistory.at(-1)).toMatchObject({ kind: 'changed', previousGrade: 'online_auction', newGrade: 'ordinary', cause: 'reviewed_evaluation', ruleId: 'R-TIER-2' });
  });

  it('R-TIER-7: an exclusive agent without this year\'s licence cannot pick up as an agent; with it the pickup names the licence', async () => {
    const refused = await as('manager', 'POST', '/customers/a-1/pickups', pickupOf('a-1', '2026-04-01'));
    expect([refused.status, refused.body.rule]).toEqual([422, 'R-TIER-7']);
    expect((await as('sales', 'POST', '/customers/a-1/agency-licences', { year: 2026, licenceNumber: 'EA-2026-007' })).status).toBe(200);
    const accepted = await as('manager', 'POST', '/customers/a-1/pickups', pickupOf('a-1', '2026-04-01'));
    expect(accepted.status).toBe(200);
    const recorded = (await api.store.readStream('customer-a-1')).find((e) => e.type === 'PickupRecorded');
    expect(recorded?.data).toMatchObject({ pickupId: 'a-1', agencyLicence: 'EA-2026-007' });
  });

  it('R-EVAL-1: proof of a renewal under way, approved by the sales department, keeps business going past the expiry', async () => {
    const unknownFile = { proofId: 'pr-0', description: '受理回执', expectedBy: '2026-05-10', file: { sha256: 'b'.repeat(64), name: '回执.pdf', mediaType: 'application/pdf', size: 100 } };
    expect((await as('manager', 'POST', '/customers/q-1/documents/licence/renewal-proofs', unknownFile)).body.rule).toBe('FILE-UNKNOWN');
    const tooLate = await as('manager', 'POST', '/customers/q-1/documents/licence/renewal-proofs', { proofId: 'pr-1', description: '受理回执', expectedBy: '2026-06-30' });
    expect([tooLate.status, tooLate.body.rule]).toEqual([422, 'R-EVAL-1']);
    expect((await as('manager', 'POST', '/customers/q-1/documents/licence/renewal-proofs', { proofId: 'pr-1', description: '市场监管局换证受理回执', expectedBy: '2026-05-10' })).status).toBe(200);
    expect((await as('manager', 'POST', '/customers/q-1/documents/licence/renewal-proofs/approve', {})).status).toBe(403);
    const tasks = await as('sales', 'GET', `/tasks?type=customer.renewal-proof&minPosition=${await api.store.headPosition()}`);
    expect(tasks.body.items.map((t: { instanceId: string }) => t.instanceId)).toContain('q-1');
    expect((await detail('q-1')).documents[0].renewalProof).toMatchObject({ proofId: 'pr-1', status: 'pending', description: '市场监管局换证受理回执', expectedBy: '2026-05-10', filedBy: 'manager' });
    expect((await as('sales', 'POST', '/customers/q-1/documents/licence/renewal-proofs/approve', { comment: '同意顺延' })).status).toBe(200);
    expect((await detail('q-1')).documents[0].renewalProof).toMatchObject({ proofId: 'pr-1', status: 'approved', graceUntil: '2026-05-10', comment: '同意顺延', decidedBy: 'sales' });

    api.clock.set('2026-04-16T01:00:00.000Z');
    await fireDueTimers(api);
    const q1 = await detail('q-1');
    expect({ status: q1.status, document: q1.documents[0].status }).toEqual({ status: 'active', document: 'expired' });
    expect((await as('manager', 'POST', '/customers/q-1/pickups', pickupOf('q-1-a', '2026-04-16'))).status).toBe(200);
  });

  it('R-TIER-7: no sales plan by the 25th raises SalesPlanMissing in the customer manager\'s notification centre', async () => {
    api.clock.set('2026-04-26T01:00:00.000Z');
    await fireDueTimers(api);
    const stream = await api.store.readStream('customer-a-1');
    expect(stream.filter((e) => e.type === 'SalesPlanMissing').map((e) => e.data)).toEqual([expect.objectContaining({ month: '2026-05', late: false, customerManagerId: 'manager', notify: ['customer_manager'] })]);
    await caughtUp(api, 'notification_outbox');
    const inbox = await as('manager', 'GET', '/me/notifications');
    expect(inbox.body.items.find((n: { type: string }) => n.type === 'SalesPlanMissing')).toMatchObject({ title: '独家代理商下月销售计划未报送', link: '/customers/a-1' });
    expect((await as('manager2', 'GET', '/me/notifications')).body.items.some((n: { type: string }) => n.type === 'SalesPlanMissing')).toBe(false);
  });

  it('R-EVAL-1: at the end of the grace a still-expired licence suspends business; after renewal a pickup back-dated into the suspension is refused', async () => {
    api.clock.set('2026-05-11T01:00:00.000Z');
    await fireDueTimers(api);
    expect((await detail('q-1')).status).toBe('suspended');
    api.clock.set('2026-05-13T01:00:00.000Z');
    const renewed = await as('manager', 'POST', '/customers/q-1/documents/licence/renew', { number: 'BL-2', validFrom: '2026-05-12', validUntil: '2031-05-11' });
    expect(domainTypes(renewed.body)).toEqual(['QualificationDocumentRenewed', 'CustomerReinstated']);
    const backDated = await as('manager', 'POST', '/customers/q-1/pickups', pickupOf('q-1-b', '2026-05-12'));
    expect([backDated.status, backDated.body.rule]).toEqual([422, 'R-EVAL-1']);
    expect((await as('manager', 'POST', '/customers/q-1/pickups', pickupOf('q-1-c', '2026-05-13'))).status).toBe(200);
  });
});
