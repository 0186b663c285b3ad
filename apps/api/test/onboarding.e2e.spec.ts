import { CustomerArchiveProcess } from '../src/onboarding/customer-archive.process';
import { REACTOR_RUNNER } from '../src/process/process.tokens';
import type { ReactorRunner } from '../src/process/reactor.runner';
import { type Caller, onboardingCallers } from './support/onboarding.actors';
import { applicationForm, creditCode, FINANCE_CHECKED } from './support/onboarding.forms';
import { startTestApi, type TestApi } from './support/test-api';

/** Friday 6 March 2026, 09:00 in Shanghai. */
const FRIDAY_0900 = '2026-03-06T01:00:00.000Z';

describe('onboarding over HTTP on a real SQLite file: draft → sales → finance → general manager → customer', () => {
  let api: TestApi;
  let as: Caller;
  beforeAll(async () => {
    api = await startTestApi(FRIDAY_0900);
    as = await onboardingCallers(api);
  });
  afterAll(() => api.close());

  const ok = (res: { status: number; body: any }, status = 200) => {
    expect({ status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({ status, body: 'ok' });
    return res.body;
  };

  it('R-ONB-3/R-ONB-4: walks an application to a customer archive, through a return for revision', async () => {
    const created = ok(await as('manager', 'POST', '/applications', { applicationId: 'walk-1', form: applicationForm(1) }), 201);
    expect(created).toMatchObject({ id: 'walk-1', streamId: 'onboarding-walk-1', state: 'draft' });
    ok(await as('manager', 'PUT', '/applications/walk-1', { form: applicationForm(1, 'manager', { region: '华北' }) }));
    expect(ok(await as('manager', 'POST', '/applications/walk-1/submit')).state).toBe('review.sales');
    expect(ok(await as('sales', 'POST', '/applications/walk-1/steps/sales/approve', { comment: '资料齐全' })).state).toBe('review.finance');
    const unchecked = await as('finance', 'POST', '/applications/walk-1/steps/finance/approve', { comment: 'ok' });
    expect(unchecked.status).toBe(422);
    expect(unchecked.body).toMatchObject({ rule: 'R-ONB-3', field: 'data.checked' });
    const returned = ok(await as('finance', 'POST', '/applications/walk-1/steps/finance/return', { comment: '开票账号与开户许可证不一致' }));
    expect(returned.state).toBe('returned');
    const invoicing = { ...applicationForm(1).invoicing, accountNumber: '3901100009000654321' };
    ok(await as('manager', 'PUT', '/applications/walk-1', { form: applicationForm(1, 'manager', { region: '华北', invoicing }) }));
    expect(ok(await as('manager', 'POST', '/applications/walk-1/submit')).state).toBe('review.sales');
    ok(await as('sales', 'POST', '/applications/walk-1/steps/sales/approve', {}));
    ok(await as('finance', 'POST', '/applications/walk-1/steps/finance/approve', { comment: '已核对', checked: FINANCE_CHECKED }));
    const approved = ok(await as('gm', 'POST', '/applications/walk-1/steps/generalManager/approve', { comment: '同意开户' }));
    expect(approved).toMatchObject({ state: 'approved', done: true });
    expect(approved.events.map((e: any) => e.type)).toEqual(expect.arrayContaining(['GeneralManagerApproved', 'ApplicationApproved']));

    const detail = ok(await as('auditor', 'GET', `/applications/walk-1?minPosition=${approved.position}`));
    expect(detail).toMatchObject({ status: 'approved', customerId: 'cust-walk-1', round: 2, pending: null, form: { region: '华北' } });
    const decisions = detail.history.filter((h: any) => h.step).map((h: any) => [h.type, h.step, h.round, h.by, h.role, h.comment]);
    expect(decisions).toEqual([
      ['SalesReviewApproved', 'sales', 1, 'sales', 'sales_reviewer', '资料齐全'],
      ['ApplicationReturnedForRevision', 'finance', 1, 'finance', 'finance_reviewer', '开票账号与开户许可证不一致'],
      ['SalesReviewApproved', 'sales', 2, 'sales', 'sales_reviewer', null],
      ['FinanceReviewApproved', 'finance', 2, 'finance', 'finance_reviewer', '已核对'],
      ['GeneralManagerApproved', 'generalManager', 2, 'gm', 'general_manager', '同意开户'],
    ]);
    expect(detail.history.find((h: any) => h.type === 'FinanceReviewApproved').details).toEqual({ checked: FINANCE_CHECKED });
    expect(detail.history.every((h: any) => typeof h.at === 'string')).toBe(true);
  });

  it('R-ONB-4: the approval opens the customer archive once, with the applicant’s data, documents and grade', async () => {
    const [approval] = (await api.store.readStream('onboarding-walk-1')).filter((e) => e.type === 'ApplicationApproved');
    const runner = api.app.get<ReactorRunner>(REACTOR_RUNNER);
    const process = api.app.get(CustomerArchiveProcess);
    await runner.waitForPosition(process.name, approval.position);
    await process.react(approval); // a redelivery (crash before the checkpoint moved) has no further effect
    const archive = await api.store.readStream('customer-cust-walk-1');
    expect(archive.filter((e) => e.type === 'CustomerArchiveOpened')).toHaveLength(1);
    const opened = archive[0];
    expect(opened.metadata).toMatchObject({ actor: 'system:onboarding', idempotencyKey: approval.id, causationId: approval.id, occurredAt: approval.data.at });
    expect(opened.data).toMatchObject({
      customerId: 'cust-walk-1',
      applicationId: 'walk-1',
      name: '宁波测试1号化工有限公司',
      identifiers: { kind: 'unified', creditCode: creditCode(1) },
      invoicing: { accountNumber: '3901100009000654321', bank: '中国工商银行宁波分行' },
      contacts: [{ name: '钱采购', telephone: '13900139000', position: '采购部经理', email: 'qian@example.com' }],
      productLine: 'polyolefin',
      class: { salesObject: 'distributor', salesForm: 'online_auction' },
      grade: 'online_auction',
      customerManagerId: 'manager',
      region: '华北',
      admission: null,
      openedBy: 'system:onboarding',
      notify: ['finance', 'plant_offices'],
    });
    expect(opened.data.documents).toEqual([
      expect.objectContaining({ documentId: 'doc-1', kind: 'business_licence', number: creditCode(1), validFrom: '2024-01-01', validUntil: '2030-12-31' }),
    ]);
  });

  it('R-TIER-6: an other-chemicals customer opens with the admission the sales department attested', async () => {
    const form = applicationForm(2, 'manager', { productLine: 'other_chemicals', customerClass: { salesObject: 'direct', salesForm: null } });
    ok(await as('manager', 'POST', '/applications', { applicationId: 'chem-2', form }), 201);
    ok(await as('manager', 'POST', '/applications/chem-2/submit'));
    const missing = await as('sales', 'POST', '/applications/chem-2/steps/sales/approve', {});
    expect(missing.status).toBe(422);
    expect(missing.body.rule).toBe('R-TIER-6');
    const admission = [
      { criterion: 'producer_of_scale', evidence: '年产能20万吨' },
      { criterion: 'good_funds_and_credit', evidence: '银行资信证明' },
    ];
    ok(await as('sales2', 'POST', '/applications/chem-2/steps/sales/approve', { admission }));
    ok(await as('finance2', 'POST', '/applications/chem-2/steps/finance/approve', { checked: FINANCE_CHECKED }));
    const done = ok(await as('gm', 'POST', '/applications/chem-2/steps/generalManager/approve', {}));
    const process = api.app.get(CustomerArchiveProcess);
    await api.app.get<ReactorRunner>(REACTOR_RUNNER).waitForPosition(process.name, done.position);
    const [opened] = await api.store.readStream('customer-cust-chem-2');
    expect(opened.data).toMatchObject({ grade: null, admission: { checkedBy: 'sales2', attestations: admission } });
  });

  it('ONB-SELF: an applicant who also reviews sales cannot decide their own application, nor sees it in the inbox', async () => {
    ok(await as('dual', 'POST', '/applications', { applicationId: 'self-3', form: applicationForm(3, 'dual') }), 201);
    const submitted = ok(await as('dual', 'POST', '/applications/self-3/submit'));
    const refused = await as('dual', 'POST', '/applications/self-3/steps/sales/approve', {});
    expect(refused.status).toBe(403);
    expect(refused.body.rule).toBe('ONB-SELF');
    // R-KAM-2: only a customer manager can be named one (a plain sales reviewer is refused at the field)
    const notAManager = await as('manager', 'POST', '/applications', { applicationId: 'self-3c', form: applicationForm(34, 'sales') });
    expect([notAManager.status, notAManager.body.rule, notAManager.body.field]).toEqual([422, 'R-KAM-2', 'form.customerManagerId']);
    const named = await as('manager', 'POST', '/applications', { applicationId: 'self-3b', form: applicationForm(33, 'dual') });
    ok(named, 201);
    const namedSubmitted = ok(await as('manager', 'POST', '/applications/self-3b/submit'));
    const namedManager = await as('dual', 'POST', '/applications/self-3b/steps/sales/reject', { reason: 'no' });
    expect(namedManager.status).toBe(403);
    expect(namedManager.body.rule).toBe('ONB-SELF');
    const inbox = ok(await as('dual', 'GET', `/inbox?minPosition=${namedSubmitted.position}`));
    expect(inbox.items.map((i: any) => i.applicationId)).not.toContain('self-3');
    expect(inbox.items.map((i: any) => i.applicationId)).not.toContain('self-3b');
    const salesInbox = ok(await as('sales', 'GET', `/inbox?minPosition=${submitted.position}`));
    expect(salesInbox.items.map((i: any) => i.applicationId)).toContain('self-3b');
  });

  it('ONB-SOD: whoever approved the sales step cannot approve finance; the inbox leaves it out for them only', async () => {
    ok(await as('manager2', 'POST', '/applications', { applicationId: 'sod-4', form: applicationForm(4, 'manager2') }), 201);
    ok(await as('manager2', 'POST', '/applications/sod-4/submit'));
    const sales = ok(await as('allround', 'POST', '/applications/sod-4/steps/sales/approve', {}));
    const refused = await as('allround', 'POST', '/applications/sod-4/steps/finance/approve', { checked: FINANCE_CHECKED });
    expect(refused.status).toBe(403);
    expect(refused.body.rule).toBe('ONB-SOD');
    const theirs = ok(await as('allround', 'GET', `/inbox?step=finance&minPosition=${sales.position}`));
    expect(theirs.items.map((i: any) => i.applicationId)).not.toContain('sod-4');
    const financeInbox = ok(await as('finance', 'GET', '/inbox?step=finance'));
    expect(financeInbox.items.map((i: any) => i.applicationId)).toContain('sod-4');
    // returning is not approving: segregation of duties does not stop it
    expect(ok(await as('allround', 'POST', '/applications/sod-4/steps/finance/return', { comment: '请补充' })).state).toBe('returned');
  });

  it('ONB-DUPLICATE: a second open application, or one for an existing customer, is refused', async () => {
    ok(await as('manager', 'POST', '/applications', { applicationId: 'dup-5', form: applicationForm(5) }), 201);
    const second = await as('manager2', 'POST', '/applications', { form: applicationForm(5, 'manager2') });
    expect(second.status).toBe(422);
    expect(second.body).toMatchObject({ rule: 'ONB-DUPLICATE', field: 'data.form.identifiers', blockedBy: { kind: 'application', id: 'dup-5' } });
    expect(second.body.message).toContain('dup-5');
    const customer = await as('manager2', 'POST', '/applications', { form: applicationForm(1, 'manager2') });
    expect(customer.status).toBe(422);
    expect(customer.body.message).toContain('cust-walk-1');
    expect(customer.body.blockedBy).toEqual({ kind: 'customer', id: 'cust-walk-1' });
    ok(await as('manager', 'POST', '/applications/dup-5/withdraw', { reason: '客户暂缓合作' }));
    const afterWithdrawal = ok(await as('manager2', 'POST', '/applications', { form: applicationForm(5, 'manager2') }), 201);
    expect(afterWithdrawal.id).toMatch(/^app-/);
  });

  it('only the applicant amends, submits and withdraws; auditors read and never write; bad fields get 400', async () => {
    ok(await as('manager', 'POST', '/applications', { applicationId: 'own-6', form: applicationForm(6) }), 201);
    const other = await as('manager2', 'POST', '/applications/own-6/submit');
    expect(other.status).toBe(403);
    expect(other.body.rule).toBe('ONB-APPLICANT');
    expect((await as('auditor', 'POST', '/applications/own-6/withdraw', {})).status).toBe(403);
    expect((await as('manager2', 'GET', '/applications/own-6')).status).toBe(403);
    const list = ok(await as('manager2', 'GET', '/applications'));
    expect(list.items.every((a: any) => a.applicantId === 'manager2' || a.customerManagerId === 'manager2')).toBe(true);
    const bad = await as('manager', 'POST', '/applications', { form: { ...applicationForm(7), identifiers: { kind: 'unified', creditCode: '91330100500000071X' } } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ rule: 'SCHEMA', field: 'form.identifiers.creditCode' });
    expect((await as('manager', 'POST', '/applications', { form: applicationForm(7), extra: 1 })).status).toBe(400);
    expect((await as('manager', 'GET', '/applications/nope')).status).toBe(404);
  });

  it('lists the onboarding endpoints in the OpenAPI document', async () => {
    const res = await api.request('GET', '/openapi.json');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/applications', '/applications/{id}', '/applications/{id}/submit', '/applications/{id}/withdraw',
        '/applications/{id}/steps/{step}/approve', '/applications/{id}/steps/{step}/reject', '/applications/{id}/steps/{step}/return',
        '/applications/{id}/steps/{step}/reassign', '/delegations', '/inbox',
      ]),
    );
  });
});
