import { CustomerArchiveProcess } from '../../src/onboarding/customer-archive.process';
import { IdentityReleaseProcess } from '../../src/onboarding/identity-release.process';
import { REACTOR_RUNNER } from '../../src/process/process.tokens';
import type { ReactorRunner } from '../../src/process/reactor.runner';
import { type Caller, onboardingCallers } from '../support/onboarding.actors';
import { applicationForm, creditCode, FINANCE_CHECKED } from '../support/onboarding.forms';
import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';

const N = 81;
const ZH = { 'accept-language': 'zh-CN' };
const prospect = (prospectId: string, n: number) => ({
  prospectId, companyName: applicationForm(n).companyName, identifiers: { creditCode: creditCode(n) }, region: '华东',
  productsOfInterest: ['聚乙烯'], estimatedTonnesPerYear: 600, source: 'visit',
});

/**
 * DEV-DUPLICATE (ADR 0027): a prospect converts into an application for its own company, and not
 * when that company is already a customer or another application holds it — judged on the same
 * company identity ledger (`company-identity-<organisation code>`) onboarding's ONB-DUPLICATE uses.
 */
describeEachEngine('converting a prospect (R-DEV-1, DEV-DUPLICATE)', (engine) => {
  let api: TestApi;
  let as: Caller;
  beforeAll(async () => {
    api = await startTestApi({ start: '2026-10-05T02:00:00.000Z', engine });
    as = await onboardingCallers(api);
  }, 60_000);
  afterAll(() => api?.close());

  const ok = (res: { status: number; body: any }, status = 200) => {
    expect({ status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({ status, body: 'ok' });
    return res.body;
  };
  const settled = async (position: number) => {
    const runner = api.app.get<ReactorRunner>(REACTOR_RUNNER);
    for (const process of [api.app.get(CustomerArchiveProcess), api.app.get(IdentityReleaseProcess)]) await runner.waitForPosition(process.name, position);
  };
  const approve = async (id: string) => {
    ok(await as('manager', 'POST', `/applications/${id}/submit`));
    ok(await as('sales', 'POST', `/applications/${id}/steps/sales/approve`, {}));
    ok(await as('finance', 'POST', `/applications/${id}/steps/finance/approve`, { checked: FINANCE_CHECKED }));
    await settled(ok(await as('gm', 'POST', `/applications/${id}/steps/generalManager/approve`, {})).position);
  };

  it('DEV-DUPLICATE: a company that is already a customer is no prospect to convert (422, zh/en, naming applicationId)', async () => {
    ok(await as('manager', 'POST', '/prospects', prospect('p-cust', N)), 201);
    ok(await as('manager', 'POST', '/applications', { applicationId: 'dup-poly', form: applicationForm(N) }), 201);
    await approve('dup-poly');
    // R-TIER-1 lets the customer apply for another line; that application is no development of a prospect
    const template = ok(await as('manager', 'GET', '/customers/cust-dup-poly/application-form?productLine=other_chemicals'));
    ok(await as('manager', 'POST', '/applications', { applicationId: 'dup-chem', form: { ...template.form, customerClass: { salesObject: 'direct', salesForm: null } } }), 201);

    const refused = await as('manager', 'POST', '/prospects/p-cust/convert', { applicationId: 'dup-chem' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ rule: 'DEV-DUPLICATE', field: 'applicationId', message: expect.stringContaining('already the customer cust-dup-poly') });
    const zh = await as('manager', 'POST', '/prospects/p-cust/convert', { applicationId: 'dup-chem' }, ZH);
    expect(zh.body.message).toMatch(/^该公司已是公司客户，或已有另一份进行中的开户申请.*DEV-DUPLICATE/);
    expect((await api.store.readStream('prospect-p-cust')).map((e) => e.type)).toEqual(['ProspectRegistered']);

    // while the other line's application is open it holds the company, even against the application that made the customer
    const whileOpen = await as('manager', 'POST', '/prospects/p-cust/convert', { applicationId: 'dup-poly' });
    expect(whileOpen.body).toMatchObject({ rule: 'DEV-DUPLICATE', message: expect.stringContaining('has the open application dup-chem') });
    await settled(ok(await as('manager', 'POST', '/applications/dup-chem/withdraw', {})).position);
    // the customer the named application itself became is the conversion
    const converted = ok(await as('manager', 'POST', '/prospects/p-cust/convert', { applicationId: 'dup-poly' }));
    expect(converted.state).toBe('converted');
  });

  it('DEV-DUPLICATE: another application holding the company refuses naming it; R-DEV-1: an application for another company is refused', async () => {
    ok(await as('manager', 'POST', '/prospects', prospect('p-open', N + 1)), 201);
    ok(await as('manager', 'POST', '/applications', { applicationId: 'open-1', form: applicationForm(N + 1) }), 201);
    await settled(ok(await as('manager', 'POST', '/applications/open-1/withdraw', { reason: '重新提交' })).position);
    ok(await as('manager', 'POST', '/applications', { applicationId: 'open-2', form: applicationForm(N + 1) }), 201);

    const held = await as('manager', 'POST', '/prospects/p-open/convert', { applicationId: 'open-1' });
    expect(held.status).toBe(422);
    expect(held.body).toMatchObject({ rule: 'DEV-DUPLICATE', field: 'applicationId', message: expect.stringContaining('has the open application open-2') });

    ok(await as('manager', 'POST', '/applications', { applicationId: 'other-co', form: applicationForm(N + 2) }), 201);
    const other = await as('manager', 'POST', '/prospects/p-open/convert', { applicationId: 'other-co' });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ rule: 'R-DEV-1', field: 'applicationId', message: expect.stringContaining("not this prospect's") });

    ok(await as('manager', 'POST', '/prospects/p-open/convert', { applicationId: 'open-2' }));
    const [, conversion] = await api.store.readStream('prospect-p-open');
    expect(conversion.data).toMatchObject({ applicationId: 'open-2', identityKey: expect.any(String) });
  });
});
