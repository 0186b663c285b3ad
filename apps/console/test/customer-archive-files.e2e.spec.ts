import { readFileSync } from 'node:fs';
/* eslint-disable @nx/enforce-module-boundaries -- the real API's own test helpers */
import { caughtUp } from '../../api/test/complaints/complaint-support';
import { archive, openCustomer } from '../../api/test/customers/customer-fixtures';
import { licencePdf, PNG_BYTES, sha256, upload } from '../../api/test/files/file-fixtures';
import { creditCode } from '../../api/test/support/onboarding.forms';
/* eslint-enable @nx/enforce-module-boundaries */
import { browserTestsRun, startServedConsole, type ServedConsole } from './support/served-console';

jest.setTimeout(90_000);

/**
 * ADR 0018 / issue 17: a customer's qualification scans are previewed in the console (PDF in a
 * frame, images inline) and downloaded under their original names, fetched with the session's
 * token and shown from memory under the console's CSP (blob:), in Chromium against the real API.
 */
(browserTestsRun('customer archive browser tests') ? describe : describe.skip)('a customer’s archive in the console: scans previewed and downloaded (ADR 0018), the company’s other product lines (R-TIER-1)', () => {
  let served: ServedConsole;
  const pdf = licencePdf('营业执照 预览');

  beforeAll(async () => {
    served = await startServedConsole('2026-10-09T01:00:00.000Z');
    const api = served.api;
    const manager = await api.tokenFor('manager');
    const licence = (await upload(api, manager, pdf, '营业执照 2026.pdf')).body;
    const tax = (await upload(api, manager, PNG_BYTES, '税务登记证.png', { type: 'image/png' })).body;
    const file = (f: { sha256: string; name: string; mediaType: 'application/pdf' | 'image/png'; size: number }) => ({ sha256: f.sha256, name: f.name, mediaType: f.mediaType, size: f.size });
    await openCustomer(api, archive('cust-doc-1', {
      name: '宁波甬兴塑业有限公司',
      documents: [
        { documentId: 'licence', kind: 'business_licence', number: 'BL-1', validFrom: '2021-01-01', validUntil: '2030-12-31', file: file(licence) },
        { documentId: 'tax', kind: 'tax_registration', number: 'TX-1', validFrom: '2021-01-01', validUntil: '2030-12-31', file: file(tax) },
        { documentId: 'org', kind: 'organisation_code', number: 'OC-1', validFrom: '2021-01-01', validUntil: '2030-12-31' },
      ],
    }));
    // R-TIER-1: the same company registered for other chemicals, by another manager, and for nothing else
    const company = { kind: 'unified', creditCode: creditCode(301) };
    await openCustomer(api, archive('cust-doc-poly', { name: '宁波甬兴塑业有限公司', identifiers: company } as never));
    await openCustomer(api, archive('cust-doc-chem', {
      name: '宁波甬兴塑业有限公司', identifiers: company, customerManagerId: 'manager2', productLine: 'other_chemicals', class: { salesObject: 'distributor', salesForm: null },
      admission: { checkedBy: 'sales', attestations: ['sound_operation', 'honest', 'well_funded', 'good_reputation'].map((criterion) => ({ criterion, evidence: '走访核实' })) },
    } as never));
    await caughtUp(api, 'customer_documents', 'customers', 'file_references');
  });
  afterAll(() => served?.close());

  it('previews the PDF licence in a frame and the PNG inline, from blob: URLs; downloads keep the original name; a document without a scan says so', async () => {
    const page = await served.signedInPage('manager');
    const blocked: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) blocked.push(m.text()); });
    await page.goto(`${served.api.url}/#/customers/cust-doc-1`);
    const documents = page.getByTestId('customer-documents');
    const row = (number: string) => documents.locator('tr', { hasText: number });
    await row('OC-1').getByText('未上传').waitFor();

    await row('BL-1').getByRole('button', { name: '预览' }).click();
    const dialog = page.getByRole('dialog', { name: '营业执照 2026.pdf 预览' });
    const frame = dialog.locator('iframe');
    await frame.waitFor();
    const src = (await frame.getAttribute('src')) ?? '';
    expect(src.startsWith('blob:')).toBe(true);
    await dialog.getByRole('button', { name: '关闭' }).click();

    await row('TX-1').getByRole('button', { name: '预览' }).click();
    const imageDialog = page.getByRole('dialog', { name: '税务登记证.png 预览' });
    expect((await imageDialog.getByRole('img', { name: '税务登记证.png' }).getAttribute('src'))?.startsWith('blob:')).toBe(true);
    await imageDialog.getByRole('button', { name: '关闭' }).click();

    const [download] = await Promise.all([page.waitForEvent('download'), row('BL-1').getByRole('button', { name: '下载' }).click()]);
    expect(download.suggestedFilename()).toBe('营业执照 2026.pdf');
    // the download holds exactly the bytes on file
    expect(sha256(readFileSync(await download.path()))).toBe(sha256(pdf));
    expect(blocked).toEqual([]);
  });

  it('R-TIER-1 / R-KAM-2: the company’s other product-line registration is listed with its own class and manager; its own manager is told another handles it', async () => {
    const gm = await served.signedInPage('gm');
    await gm.goto(`${served.api.url}/#/customers/cust-doc-poly`);
    const card = gm.getByTestId('customer-registrations');
    const row = card.locator('tr[data-registration="cust-doc-chem"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('其他化工产品');
    expect(await row.textContent()).toContain('赵经理'); // manager2, by name
    await row.getByRole('link', { name: '其他化工产品' }).click();
    await gm.getByTestId('customer-detail').locator('tr[data-registration="cust-doc-poly"]').waitFor();

    const manager = await served.signedInPage('manager');
    await manager.goto(`${served.api.url}/#/customers/cust-doc-poly`);
    await manager.getByTestId('customer-registrations').getByText('另有 1 个产品线登记由其他客户经理负责。').waitFor();
  });

  it('the customer list searches by credit code: both product-line registrations of the company, nothing else', async () => {
    const gm = await served.signedInPage('gm');
    await gm.goto(`${served.api.url}/#/customers`);
    await gm.getByLabel('名称或信用代码').fill(creditCode(301).slice(2, 12));
    await gm.getByRole('button', { name: '筛选', exact: true }).click();
    await gm.getByText('共 2 户').waitFor();
    const rows = gm.getByTestId('customers-table').locator('tbody tr');
    expect((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-customer')))).sort()).toEqual(['cust-doc-chem', 'cust-doc-poly']);
  });
});
