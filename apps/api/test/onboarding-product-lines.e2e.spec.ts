import { identityKeyOf } from '@crm/onboarding';
import { CustomerArchiveProcess } from '../src/onboarding/customer-archive.process';
import { CompanyDocumentsProcess } from '../src/customers/company-documents.process';
import { IdentityReleaseProcess } from '../src/onboarding/identity-release.process';
import { REACTOR_RUNNER } from '../src/process/process.tokens';
import type { ReactorRunner } from '../src/process/reactor.runner';
import { type Caller, onboardingCallers } from './support/onboarding.actors';
import { applicationForm, creditCode, FINANCE_CHECKED } from './support/onboarding.forms';
import { describeEachEngine } from './support/each-engine';
import { startTestApi, type TestApi } from './support/test-api';

const N = 71;
const CHEMICALS_ADMISSION = [
  { criterion: 'producer_of_scale', evidence: '年产能20万吨' },
  { criterion: 'good_funds_and_credit', evidence: '银行资信证明' },
];

/**
 * R-TIER-1 按照不同的产品设置不同的客户及客户登记 (ADR 0020): a company opened for polyolefins
 * registers for other chemicals through its own application — the same sales → finance → GM
 * chain, documents on file reused — and becomes the company's second registration, with its own
 * class, grade, manager and admission. The same line twice stays ONB-DUPLICATE.
 */
describeEachEngine('a company registered per product line (R-TIER-1)', (engine) => {
  let api: TestApi;
  let as: Caller;
  beforeAll(async () => {
    api = await startTestApi({ start: '2026-03-02T02:00:00.000Z', engine });
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
  const approve = async (id: string, admission?: unknown) => {
    ok(await as('manager', 'POST', `/applications/${id}/submit`));
    ok(await as('sales', 'POST', `/applications/${id}/steps/sales/approve`, admission ? { admission } : {}));
    ok(await as('finance', 'POST', `/applications/${id}/steps/finance/approve`, { checked: FINANCE_CHECKED }));
    const done = ok(await as('gm', 'POST', `/applications/${id}/steps/generalManager/approve`, {}));
    await settled(done.position);
    // the archive is opened by the process after the approval: reads wait for it
    return api.store.headPosition();
  };

  it('R-TIER-1: opened for polyolefins, then for other chemicals from the archive’s own form; the same line again is ONB-DUPLICATE', async () => {
    ok(await as('manager', 'POST', '/applications', { applicationId: 'pl-poly', form: applicationForm(N) }), 201);
    await approve('pl-poly');

    const template = ok(await as('manager', 'GET', '/customers/cust-pl-poly/application-form?productLine=other_chemicals'));
    expect(template.form).toMatchObject({
      companyName: applicationForm(N).companyName, identifiers: { kind: 'unified', creditCode: creditCode(N) }, productLine: 'other_chemicals', customerClass: null,
      documents: [expect.objectContaining({ kind: 'business_licence', number: creditCode(N) })],
    });
    const sameLine = await as('manager', 'GET', '/customers/cust-pl-poly/application-form?productLine=polyolefin');
    expect(sameLine.status).toBe(422);
    expect(sameLine.body).toMatchObject({ rule: 'ONB-DUPLICATE', field: 'productLine' });

    const chemicals = { ...template.form, customerClass: { salesObject: 'direct', salesForm: null }, customerManagerId: 'manager2' };
    ok(await as('manager', 'POST', '/applications', { applicationId: 'pl-chem', form: chemicals }), 201);
    // one open application per company at a time, whatever its line
    const concurrent = await as('manager', 'POST', '/applications', { applicationId: 'pl-poly-2', form: applicationForm(N) });
    expect(concurrent.status).toBe(422);
    expect(concurrent.body).toMatchObject({ rule: 'ONB-DUPLICATE', field: 'data.form.identifiers' });
    const head = await approve('pl-chem', CHEMICALS_ADMISSION);

    const [opened] = await api.store.readStream('customer-cust-pl-chem');
    expect(opened.data).toMatchObject({ productLine: 'other_chemicals', customerManagerId: 'manager2', grade: null, admission: { attestations: CHEMICALS_ADMISSION } });
    const ledger = await api.store.readStream(`company-identity-${identityKeyOf({ kind: 'unified', creditCode: creditCode(N) })}`);
    expect(ledger.filter((e) => e.type === 'IdentityHandedOver').map((e) => [e.data.customerId, e.data.productLine])).toEqual([
      ['cust-pl-poly', 'polyolefin'], ['cust-pl-chem', 'other_chemicals'],
    ]);

    // the company's two registrations, each with its own class, grade and manager
    const poly = ok(await as('gm', 'GET', `/customers/cust-pl-poly?minPosition=${head}`));
    expect(poly).toMatchObject({ productLine: 'polyolefin', grade: 'online_auction', customerManagerId: 'manager' });
    expect(poly.registrations).toEqual({ hidden: 0, items: [expect.objectContaining({ customerId: 'cust-pl-chem', productLine: 'other_chemicals', grade: null, customerManagerId: 'manager2' })] });
    // R-KAM-2: a manager sees their own registrations only, and how many others there are
    expect(ok(await as('manager', 'GET', `/customers/cust-pl-poly?minPosition=${head}`)).registrations).toEqual({ hidden: 1, items: [] });

    for (const line of [applicationForm(N), chemicals]) {
      const again = await as('manager', 'POST', '/applications', { form: line });
      expect(again.status).toBe(422);
      expect(again.body).toMatchObject({ rule: 'ONB-DUPLICATE', message: expect.stringContaining(line.productLine) });
    }
    // in Chinese for the console, naming the rule the refusal stands on
    const zh = await as('manager', 'POST', '/applications', { form: chemicals }, { 'accept-language': 'zh-CN' });
    expect(zh.body.message).toMatch(/^该公司已有进行中的开户申请，或已是该产品线的客户.*R-TIER-1/);
  });

  it('R-TIER-1: each registration keeps its own pickups and monthly tonnage, the evidence R-TIER-2 grades on', async () => {
    const list = ok(await as('gm', 'GET', `/customers?limit=200&minPosition=${await api.store.headPosition()}`));
    const company = list.items.filter((c: { name: string }) => c.name === applicationForm(N).companyName);
    expect(company.map((c: { productLine: string }) => c.productLine).sort()).toEqual(['other_chemicals', 'polyolefin']);
    // the list searches by name and by credit code (any part, any case); wildcards are taken literally
    const search = async (q: string) => ok(await as('gm', 'GET', `/customers?q=${encodeURIComponent(q)}`)).items.map((c: { customerId: string }) => c.customerId).sort();
    expect(await search(creditCode(N).slice(4, 14).toLowerCase())).toEqual(['cust-pl-chem', 'cust-pl-poly']);
    expect(await search(`测试${N}号`)).toEqual(['cust-pl-chem', 'cust-pl-poly']);
    expect(await search('%')).toEqual([]);
    // each item carries its identifiers, so the console's customer picker shows the credit code beside the name
    const found = ok(await as('gm', 'GET', `/customers?q=${creditCode(N).slice(-6)}`)).items;
    expect(found.map((c: { identifiers: unknown }) => c.identifiers)).toEqual([{ kind: 'unified', creditCode: creditCode(N) }, { kind: 'unified', creditCode: creditCode(N) }]);
    const { position } = ok(await as('manager', 'POST', '/customers/cust-pl-poly/pickups', { pickupId: 'pl-p1', date: '2026-03-02', product: 'PP T30S', tonnes: 120, warehouse: '宁波仓' }));
    const detail = (id: string) => as('gm', 'GET', `/customers/${id}?minPosition=${position}`);
    expect(ok(await detail('cust-pl-poly')).monthlyTonnage).toEqual([{ month: '2026-03', tonnes: 120, pickups: 1 }]);
    expect(ok(await detail('cust-pl-chem')).monthlyTonnage).toEqual([]);
    // R-KAM-1 per line: the other-chemicals analysis holds only that line's registrations
    const abc = (line: string) => as('gm', 'GET', `/key-accounts/abc?from=2026-03&to=2026-03&productLine=${line}&minPosition=${position}`);
    const ids = (report: { customers: Array<{ customerId: string }> }) => report.customers.map((c) => c.customerId);
    expect(ids(ok(await abc('polyolefin')))).toContain('cust-pl-poly');
    expect(ids(ok(await abc('polyolefin')))).not.toContain('cust-pl-chem');
    expect(ids(ok(await abc('other_chemicals')))).toEqual(['cust-pl-chem']);
  });

  it('R-ARC-4 / R-EVAL-1: the company’s business licence renewed on one registration is renewed on the other, so neither lapses', async () => {
    const renewal = { number: creditCode(N), validFrom: '2026-01-01', validUntil: '2036-12-31' };
    const renewed = ok(await as('manager', 'POST', '/customers/cust-pl-poly/documents/doc-1/renew', renewal));
    await api.app.get<ReactorRunner>(REACTOR_RUNNER).waitForPosition(api.app.get(CompanyDocumentsProcess).name, renewed.position);
    const carried = (await api.store.readStream('customer-cust-pl-chem')).filter((e) => e.type === 'QualificationDocumentRenewed');
    expect(carried.map((e) => [e.data.documentId, e.data.validUntil, e.metadata.actor])).toEqual([['doc-1', '2036-12-31', 'system:company-documents']]);
    // carried once: the carried renewal finds nothing older on the first registration
    await api.app.get<ReactorRunner>(REACTOR_RUNNER).waitForPosition(api.app.get(CompanyDocumentsProcess).name, await api.store.headPosition());
    expect((await api.store.readStream('customer-cust-pl-poly')).filter((e) => e.type === 'QualificationDocumentRenewed')).toHaveLength(1);
  });
});
