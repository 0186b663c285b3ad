import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/auth/password';
import { DEMO_PASSWORD } from '../../src/auth/demo-users';
import { COMPLAINTS_TABLE } from '../../src/complaints/complaints.projection';
import { READ_MODEL_DB } from '../../src/read-models/read-model.tokens';
import type { ReadModelDb } from '@crm/engine';
import { caughtUp, complaintBody, ensureCustomer, recordAndClassify } from '../complaints/complaint-support';
import { describeEachEngine } from '../support/each-engine';
import { type Caller, onboardingCallers } from '../support/onboarding.actors';
import { applicationForm } from '../support/onboarding.forms';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * Issue 14, holes 4 and 5: rules that only some paths enforced, and one person holding every key.
 * Each test failed on the code before: the GM or a stranger was accepted as customer manager, a
 * 1970 receipt was recorded (and one such row failed the SLA board for everyone), an administrator
 * granted themselves the GM role, and a delegate still acted for a disabled delegator.
 */
describeEachEngine('integrity: rules on every path over HTTP', (engine) => {
  let api: TestApi;
  let as: Caller;
  jest.setTimeout(60_000);
  beforeAll(async () => {
    api = await startTestApi({ start: '2026-10-09T03:00:00.000Z', engine });
    as = await onboardingCallers(api);
    await ensureCustomer(api, 'cust-rules');
  });
  afterAll(() => api?.close());

  it.each([['the general manager', 'gm'], ['a user who does not exist', 'nobody-here']])(
    'R-KAM-2: an application naming %s as customer manager is refused at form.customerManagerId, nothing written',
    async (_who, customerManagerId) => {
      const before = await api.store.headPosition();
      const res = await as('manager', 'POST', '/applications', { applicationId: `mgr-${customerManagerId}`, form: applicationForm(71, customerManagerId) });
      expect([res.status, res.body.rule, res.body.field]).toEqual([422, 'R-KAM-2', 'form.customerManagerId']);
      expect(await api.store.headPosition()).toBe(before);
    },
  );

  it('R-KAM-2: an archive cannot be handed to someone who is not an active customer manager', async () => {
    const res = await as('sales', 'POST', '/customers/cust-rules/changes', { changes: { customerManagerId: 'finance' }, reason: '调整' });
    expect([res.status, res.body.rule, res.body.field]).toEqual([422, 'R-KAM-2', 'changes.customerManagerId']);
  });

  it.each([['1970', '1970-01-01T08:00:00+08:00'], ['year 0', '0000-01-01T00:00:00.000Z']])(
    'R-CMP-1/R-CMP-3: a complaint received in %s is refused at receivedAt (it would escape the SLA)',
    async (_when, receivedAt) => {
      const res = await api.request('POST', '/complaints', { token: await api.tokenFor('manager'), body: complaintBody(receivedAt, 'cust-rules') });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(JSON.stringify(res.body)).toContain('receivedAt');
    },
  );

  it('R-CMP-3: one complaint row whose time left cannot be computed does not fail the SLA board for every supervisor', async () => {
    const good = await recordAndClassify(api, await api.tokenFor('manager'), '2026-10-09T09:00:00+08:00', 'major', 'cust-rules');
    await caughtUp(api, 'complaints');
    const db = api.app.get<ReadModelDb>(READ_MODEL_DB).db;
    // a row as an unbounded receipt left it before receipts were bounded
    const legacy = { complaint_id: 'cmp-legacy-1970', customer_id: 'cust-rules', channel: 'phone', received_at: '1970-01-01T00:00:00.000Z', received_month: '1970-01', logged_by: 'manager', policy_version: '2026-1', status: 'open', class: 'general', due_at: '1970-01-02T01:00:00.000Z', last_position: 1 };
    await db.insertInto(COMPLAINTS_TABLE).values(legacy).execute();
    const board = await api.request('GET', '/sla/board', { token: await api.tokenFor('supervisor') });
    expect(board.status).toBe(200);
    const rows = board.body.open as Array<{ complaintId: string; workingTimeLeftMs: number | null; error: string | null }>;
    expect(rows.find((r) => r.complaintId === 'cmp-legacy-1970')).toMatchObject({ workingTimeLeftMs: null, error: expect.any(String) });
    expect(rows.find((r) => r.complaintId === good.id)?.workingTimeLeftMs).toEqual(expect.any(Number));
  });

  it('segregation of duties: an administrator cannot grant themselves (or anyone) a deciding role beside administrator', async () => {
    const admin = await api.tokenFor('admin');
    const self = await api.request('PUT', '/users/admin/roles', { token: admin, body: { roles: ['administrator', 'general_manager'] } });
    expect([self.status, self.body.rule, self.body.field]).toEqual([422, 'SOD-ROLES', 'roles']);
    const created = await api.request('POST', '/users', { token: admin, body: { username: 'admin-gm', name: '兼职', roles: ['administrator', 'general_manager'], password: 'long-enough-1' } });
    expect([created.status, created.body.rule]).toEqual([422, 'SOD-ROLES']);
    const auditorApprover = await api.request('POST', '/users', { token: admin, body: { username: 'aud-sales', name: '兼职', roles: ['auditor', 'sales_reviewer'], password: 'long-enough-1' } });
    expect([auditorApprover.status, auditorApprover.body.rule]).toEqual([422, 'SOD-ROLES']);
    expect((await api.request('GET', '/auth/me', { token: await api.tokenFor('admin') })).body.roles).toEqual(['administrator']);
  });

  it('segregation of duties: an account that already holds administrator and general manager (from before the rule) decides nothing', async () => {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const at = api.clock.now().toISOString();
    await api.store.appendToStream('user-legacy-admin-gm', [{
      id: randomUUID(), type: 'UserRegistered', data: { username: 'legacy-admin-gm', name: 'legacy', roles: ['administrator', 'general_manager'], passwordHash },
      metadata: { actor: 'legacy', correlationId: randomUUID(), causationId: null, occurredAt: at, schemaVersion: 1 },
    }]);
    ok(await as('manager', 'POST', '/applications', { applicationId: 'sod-gm-1', form: applicationForm(72) }), 201);
    ok(await as('manager', 'POST', '/applications/sod-gm-1/submit'));
    ok(await as('sales', 'POST', '/applications/sod-gm-1/steps/sales/approve', {}));
    ok(await as('finance', 'POST', '/applications/sod-gm-1/steps/finance/approve', { checked: { taxRegistration: true, invoicingData: true } }));
    const refused = await as('legacy-admin-gm', 'POST', '/applications/sod-gm-1/steps/generalManager/approve', {});
    expect([refused.status, refused.body.rule]).toEqual([403, 'SOD-ROLES']);
    expect((await api.store.readStream('onboarding-sod-gm-1')).some((e) => e.type === 'GeneralManagerApproved' || e.type === 'GeneralManagerReviewApproved')).toBe(false);
  });

  it('ONB-DELEGATION: a delegate cannot act for a delegator who was disabled or lost the role after delegating', async () => {
    ok(await as('manager', 'POST', '/applications', { applicationId: 'dlg-gone-1', form: applicationForm(73) }), 201);
    ok(await as('manager', 'POST', '/applications/dlg-gone-1/submit'));
    const admin = await api.tokenFor('admin');
    ok(await api.request('POST', '/users', { token: admin, body: { username: 'sales-leaving', name: '离职销售', roles: ['sales_reviewer'], password: DEMO_PASSWORD } }), 201);
    ok(await as('sales-leaving', 'POST', '/delegations', { delegateId: 'sales2', from: '2026-10-09', until: '2026-10-30' }), 201);
    ok(await api.request('POST', '/users/sales-leaving/disable', { token: admin, body: { reason: '离职' } }));
    const acted = await as('sales2', 'POST', '/applications/dlg-gone-1/steps/sales/approve', { onBehalfOf: 'sales-leaving' });
    expect([acted.status, acted.body.rule, acted.body.field]).toEqual([422, 'ONB-DELEGATION', 'onBehalfOf']);
  });

  it('ONB-DELEGATION: a delegation spans at most 90 days and cannot start in the past', async () => {
    const long = await as('sales', 'POST', '/delegations', { delegateId: 'sales2', from: '2026-10-09', until: '2027-03-31' });
    expect([long.status, long.body.field]).toEqual([422, 'until']);
    const past = await as('sales', 'POST', '/delegations', { delegateId: 'sales2', from: '2026-10-01', until: '2026-10-20' });
    expect([past.status, past.body.field]).toEqual([422, 'from']);
  });
});

function ok(res: { status: number; body: any }, status = 200) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}
