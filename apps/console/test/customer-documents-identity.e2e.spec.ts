/* eslint-disable @nx/enforce-module-boundaries -- the real API's own test helpers */
import { caughtUp } from '../../api/test/complaints/complaint-support';
import { archive, openCustomer } from '../../api/test/customers/customer-fixtures';
import { licencePdf, PNG_BYTES } from '../../api/test/files/file-fixtures';
import { creditCode } from '../../api/test/support/onboarding.forms';
/* eslint-enable @nx/enforce-module-boundaries */
import { checkPage, PHONE, LAPTOP, showsNoIds } from './support/page-checks';
import { expectShownIn } from './support/shown-messages';
import { browserTestsRun, startServedConsole, type ServedConsole } from './support/served-console';

jest.setTimeout(180_000);

const NINGBO = '宁波甬兴塑业有限公司';
const HANGZHOU = '杭州临江化工有限公司';
const RENAMED = '宁波甬兴新材料有限公司';
const CUSTOMER = 'cust-di-1';

/**
 * Issue 16: a customer's documents and identity, which were API-only, walked in the browser: the
 * customer manager adds a document with its scan (a real multipart upload, R-ARC-4) and files proofs
 * of renewals under way with theirs (R-EVAL-1); the sales department approves one and rejects the
 * other after a confirmation; the expiring-documents report names the companies (R-ARC-4, R-KAM-2);
 * a rename with a new credit code is requested and approved, another rejected (R-ARC-1). Each step
 * is read back through the API.
 */
(browserTestsRun('documents and identity browser tests') ? describe : describe.skip)('a customer’s documents, renewal proofs and identity in the console (issue 16: R-ARC-4, R-EVAL-1, R-ARC-1)', () => {
  let served: ServedConsole;
  const detail = async (username = 'sales') => (await served.as(username, 'GET', `/customers/${CUSTOMER}?minPosition=${await served.api.store.headPosition()}`)).body;
  const proofOf = async (documentId: string) => (await detail()).documents.find((d: { documentId: string }) => d.documentId === documentId)?.renewalProof;

  beforeAll(async () => {
    served = await startServedConsole('2026-10-09T02:00:00.000Z');
    await openCustomer(served.api, archive(CUSTOMER, {
      name: NINGBO, identifiers: { kind: 'unified', creditCode: creditCode(401) },
      documents: [{ documentId: 'licence', kind: 'business_licence', number: 'BL-2016-0815', validFrom: '2016-10-21', validUntil: '2026-10-20' }],
    } as never));
    await openCustomer(served.api, archive('cust-di-2', {
      name: HANGZHOU, customerManagerId: 'manager2', identifiers: { kind: 'unified', creditCode: creditCode(403) },
      documents: [{ documentId: 'licence', kind: 'business_licence', number: 'BL-HZ-7', validFrom: '2016-01-01', validUntil: '2026-10-15' }],
    } as never));
    await caughtUp(served.api, 'customers', 'customer_documents');
  });
  afterAll(() => served?.close());
  afterEach(() => served.closeTabs());

  it('R-ARC-4: the customer manager adds a document with its uploaded scan; a missing scan and empty fields are refused in the browser, nothing sent', async () => {
    const manager = await served.tab('manager');
    await manager.goto(served.url(`/customers/${CUSTOMER}`));
    await manager.locator('summary', { hasText: '新增资质证件（R-ARC-4）' }).click();
    const form = manager.getByRole('form', { name: '新增资质证件（R-ARC-4）' });
    await form.getByRole('button', { name: '新增证件' }).click();
    await form.locator('.field-error', { hasText: '必填' }).first().waitFor();
    await form.locator('.field-error', { hasText: '请选择证件扫描件' }).waitFor();
    expect((await detail()).documents).toHaveLength(1); // nothing sent

    await form.getByLabel('证件种类').selectOption({ label: '组织机构代码证' });
    await form.getByLabel('证件编号').fill('OC-2026-7');
    await form.getByLabel('有效期起').fill('2026-10-01');
    await form.getByLabel('有效期止').fill('2026-10-30');
    await form.getByLabel('新增原因').fill('客户补办组织机构代码证');
    await form.getByLabel('扫描件（PDF、JPEG 或 PNG）').setInputFiles({ name: '组织机构代码证.pdf', mimeType: 'application/pdf', buffer: licencePdf('组织机构代码证') });
    await form.getByText('已选择：组织机构代码证.pdf').waitFor();
    await form.getByRole('button', { name: '新增证件' }).click();
    await form.getByText('证件已存入档案。').waitFor();
    const row = manager.getByTestId('customer-documents').locator('tr', { hasText: 'OC-2026-7' });
    await row.getByText('组织机构代码证').waitFor();
    await row.getByRole('button', { name: '预览' }).waitFor(); // the scan is on file
    await checkPage(manager, 'documents-01-added');
    await showsNoIds(manager, 'organisation_code', 'business_licence'); // (the customer number stays: the pickup import's CSV needs it)
    await expectShownIn(manager, 'zh', ['OC-2026-7']);

    const added = (await detail()).documents.find((d: { number: string }) => d.number === 'OC-2026-7');
    expect(added).toMatchObject({ kind: 'organisation_code', validFrom: '2026-10-01', validUntil: '2026-10-30', status: 'valid', file: { name: '组织机构代码证.pdf', mediaType: 'application/pdf' } });
  });

  it('R-EVAL-1: the customer manager files proofs of renewals under way, one with its scan; a date that postpones nothing is refused', async () => {
    const manager = await served.tab('manager');
    await manager.goto(served.url(`/customers/${CUSTOMER}`));
    await manager.locator('summary', { hasText: '提交换证证明（R-EVAL-1）' }).click();
    const form = manager.getByRole('form', { name: '提交换证证明（R-EVAL-1）' });
    await form.getByLabel('证件', { exact: true }).selectOption({ label: '营业执照（BL-2016-0815，有效期至 2026-10-20）' });
    await form.getByLabel('证明说明').fill('市场监管局换证受理回执');
    await form.getByLabel('预计换证日期').fill('2026-10-15');
    await form.getByRole('button', { name: '提交证明' }).click();
    await form.getByRole('alert').first().waitFor(); // R-EVAL-1: valid until 2026-10-20, nothing to postpone
    expect(await form.getByRole('alert').first().textContent()).toContain('R-EVAL-1');
    expect(await proofOf('licence')).toBeNull();

    await form.getByLabel('预计换证日期').fill('2026-11-10');
    await form.getByLabel('扫描件（可选，PDF、JPEG 或 PNG）').setInputFiles({ name: '换证受理回执.png', mimeType: 'image/png', buffer: PNG_BYTES });
    await form.getByRole('button', { name: '提交证明' }).click();
    await form.getByText('证明已提交，等待销售部审核。').waitFor();
    const review = manager.getByTestId('renewal-proof').filter({ hasText: 'BL-2016-0815' });
    await review.getByText('市场监管局换证受理回执').waitFor();
    await review.getByText('等待销售部审核。').waitFor();
    expect(await review.textContent()).toContain('王经理');

    // the second proof: the document just added (the licence, already waiting, is no longer offered)
    expect(await form.getByLabel('证件', { exact: true }).locator('option').allTextContents()).toEqual(['组织机构代码证（OC-2026-7，有效期至 2026-10-30）']);
    await form.getByLabel('证明说明').fill('代码证换发申请已受理');
    await form.getByLabel('预计换证日期').fill('2026-11-20');
    await form.getByRole('button', { name: '提交证明' }).click();
    await manager.getByTestId('renewal-proof').filter({ hasText: 'OC-2026-7' }).getByText('等待销售部审核。').waitFor();
    await checkPage(manager, 'documents-02-proofs-filed');
    await showsNoIds(manager, 'licence', 'proof-');
    await expectShownIn(manager, 'zh', ['BL-2016-0815', 'OC-2026-7', '换证受理回执.png']);

    expect(await proofOf('licence')).toMatchObject({ status: 'pending', expectedBy: '2026-11-10', filedBy: 'manager', file: { name: '换证受理回执.png', mediaType: 'image/png' } });
    expect(await proofOf((await detail()).documents.find((d: { number: string }) => d.number === 'OC-2026-7').documentId)).toMatchObject({ status: 'pending', expectedBy: '2026-11-20' });
  });

  it('R-EVAL-1: the sales department approves one proof and rejects the other only after a confirmation, with its reason', async () => {
    const sales = await served.tab('sales');
    await sales.goto(served.url(`/customers/${CUSTOMER}`));
    const licence = sales.getByTestId('renewal-proof').filter({ hasText: 'BL-2016-0815' });
    await licence.getByRole('button', { name: '预览' }).waitFor(); // the proof's scan
    await licence.getByLabel('审核意见').fill('受理回执属实，同意顺延');
    await licence.getByRole('button', { name: '同意顺延' }).click();
    await sales.getByTestId('renewal-proof').filter({ hasText: 'BL-2016-0815' }).getByText(/同意，暂停供货顺延至 2026-11-10/).waitFor();

    const code = sales.getByTestId('renewal-proof').filter({ hasText: 'OC-2026-7' });
    await code.getByRole('button', { name: '驳回' }).click();
    await code.locator('.field-error', { hasText: '必填' }).waitFor(); // the reason is required (RejectRenewalProof)
    await code.getByLabel('审核意见').fill('受理回执与证件编号不符');
    await code.getByRole('button', { name: '驳回' }).click();
    const dialog = sales.getByTestId('confirm-dialog');
    await dialog.getByText(/确定驳回这份换证证明吗/).waitFor();
    const codeId = (await detail()).documents.find((d: { number: string }) => d.number === 'OC-2026-7').documentId;
    expect((await proofOf(codeId)).status).toBe('pending'); // not before the confirmation
    await dialog.getByRole('button', { name: '驳回' }).click();
    await sales.getByTestId('renewal-proof').filter({ hasText: 'OC-2026-7' }).getByText(/驳回，理由：受理回执与证件编号不符/).waitFor();
    await checkPage(sales, 'documents-03-proofs-decided');
    await sales.setViewportSize(PHONE);
    await checkPage(sales, 'documents-03-proofs-decided-phone', PHONE);
    await sales.setViewportSize(LAPTOP);
    await showsNoIds(sales, 'manager', 'sales', 'pending', 'approved');
    await expectShownIn(sales, 'zh', ['BL-2016-0815', 'OC-2026-7', '换证受理回执.png']);

    expect(await proofOf('licence')).toMatchObject({ status: 'approved', graceUntil: '2026-11-10', comment: '受理回执属实，同意顺延', decidedBy: 'sales' });
    expect(await proofOf(codeId)).toMatchObject({ status: 'rejected', comment: '受理回执与证件编号不符', decidedBy: 'sales' });
  });

  it('R-ARC-4 / R-KAM-2: the expiring-documents report names the companies and the days left; a customer manager sees their own (also in English)', async () => {
    const sales = await served.tab('sales');
    await sales.goto(served.url('/customers'));
    await sales.getByRole('link', { name: '即将到期的资质证件（R-ARC-4）' }).click();
    const report = sales.getByTestId('expiring-documents');
    const ningbo = report.locator(`tr[data-customer="${CUSTOMER}"]`, { hasText: 'BL-2016-0815' });
    await ningbo.waitFor();
    expect(await ningbo.locator('td').allTextContents()).toEqual([NINGBO, '营业执照', 'BL-2016-0815', '2026-10-20', '还剩 11 天换证证明已同意，暂停供货顺延至 2026-11-10']); // R-EVAL-1: the approved proof
    expect(await report.locator('tr[data-customer="cust-di-2"] td').allTextContents()).toEqual([HANGZHOU, '营业执照', 'BL-HZ-7', '2026-10-15', '还剩 6 天']);
    expect(await report.locator(`tr[data-customer="${CUSTOMER}"]`, { hasText: 'OC-2026-7' }).locator('td').allTextContents()).toEqual([NINGBO, '组织机构代码证', 'OC-2026-7', '2026-10-30', '还剩 21 天换证证明已驳回']);
    await checkPage(sales, 'documents-04-expiring');
    await sales.setViewportSize(PHONE); // the report on a phone: no sideways scrolling of the page
    await checkPage(sales, 'documents-04-expiring-phone', PHONE);
    await sales.setViewportSize(LAPTOP);
    await showsNoIds(sales, CUSTOMER, 'business_licence', 'organisation_code');
    await expectShownIn(sales, 'zh');
    await ningbo.getByRole('link', { name: NINGBO }).click();
    await sales.getByRole('heading', { level: 2, name: NINGBO }).waitFor();
    expect(new URL(sales.url()).hash).toBe(`#/customers/${CUSTOMER}`);

    const manager = await served.tab('manager');
    await manager.getByRole('button', { name: '切换语言为英文' }).click();
    await manager.goto(served.url('/customers/expiring-documents'));
    const own = manager.getByTestId('expiring-documents');
    await own.getByRole('heading', { name: 'Qualification documents expiring soon (R-ARC-4)' }).waitFor();
    await own.locator(`tr[data-customer="${CUSTOMER}"]`, { hasText: 'BL-2016-0815' }).getByText('11 days left').waitFor();
    expect(await own.locator(`tr[data-customer="${CUSTOMER}"]`, { hasText: 'BL-2016-0815' }).textContent()).toContain('Business licence');
    expect(await own.locator('tr[data-customer="cust-di-2"]').count()).toBe(0); // R-KAM-2: another manager's customer
    await own.getByLabel('Expiring within').selectOption({ label: '90 days' });
    await own.getByText(/within 90 days/).waitFor();
    await checkPage(manager, 'documents-05-expiring-en');
    await expectShownIn(manager, 'en');
    const api = (await served.as('manager', 'GET', '/reports/expiring-documents?withinDays=30')).body;
    expect(api.items.map((i: { customer: { name: string }; daysLeft: number }) => [i.customer.name, i.daysLeft])).toEqual([[NINGBO, 11], [NINGBO, 21]]);
    await manager.getByRole('button', { name: 'Switch language to Chinese' }).click();
  });

  it('R-ARC-1: the customer manager requests a new name and credit code (checked in the browser); the sales department approves it', async () => {
    const manager = await served.tab('manager');
    await manager.goto(served.url(`/customers/${CUSTOMER}`));
    await manager.locator('summary', { hasText: '申请更名或变更统一社会信用代码（R-ARC-1）' }).click();
    const form = manager.getByRole('form', { name: '申请更名或变更统一社会信用代码（R-ARC-1）' });
    await form.getByLabel('变更原因').fill('工商变更登记：更名并换发营业执照');
    await form.getByRole('button', { name: '提交变更申请' }).click();
    await form.locator('.field-error', { hasText: '请填写新的公司名称或新的统一社会信用代码' }).waitFor();
    await form.getByLabel('新的统一社会信用代码').fill('91330200ABC');
    await form.getByRole('button', { name: '提交变更申请' }).click();
    await form.locator('.field-error', { hasText: '统一社会信用代码不正确' }).waitFor(); // R-ONB-1: the check character
    expect((await detail()).identityChange).toBeNull(); // nothing sent

    await form.getByLabel('新的公司名称').fill(RENAMED);
    await form.getByLabel('新的统一社会信用代码').fill(creditCode(402));
    await form.getByLabel('证明材料（可选，如新营业执照，PDF、JPEG 或 PNG）').setInputFiles({ name: '新营业执照.pdf', mimeType: 'application/pdf', buffer: licencePdf('新营业执照') });
    await form.getByRole('button', { name: '提交变更申请' }).click();
    const review = manager.getByTestId('identity-change');
    await review.getByText('等待销售部审批。').waitFor();
    expect(await review.locator('tbody tr').first().locator('th, td').allTextContents()).toEqual(['公司名称', NINGBO, RENAMED]);
    expect(await review.locator('tbody tr').nth(1).locator('th, td').allTextContents()).toEqual(['统一社会信用代码', creditCode(401), creditCode(402)]);
    expect(await manager.getByRole('form', { name: '申请更名或变更统一社会信用代码（R-ARC-1）' }).count()).toBe(0); // one request at a time
    await checkPage(manager, 'identity-01-requested');
    await manager.setViewportSize(PHONE);
    await checkPage(manager, 'identity-01-requested-phone', PHONE);
    await manager.setViewportSize(LAPTOP);
    await expectShownIn(manager, 'zh', [creditCode(401), creditCode(402), '91330200ABC']);
    expect((await detail()).identityChange).toMatchObject({ status: 'pending', requestedBy: 'manager', file: { name: '新营业执照.pdf' } });

    const sales = await served.tab('sales');
    await sales.goto(served.url(`/customers/${CUSTOMER}`));
    const decide = sales.getByTestId('identity-change');
    await decide.getByRole('button', { name: '预览' }).waitFor(); // the evidence
    await decide.getByLabel('审批意见').fill('新营业执照已核');
    await decide.getByRole('button', { name: '批准变更' }).click();
    await sales.getByRole('heading', { level: 2, name: RENAMED }).waitFor();
    await sales.getByTestId('identity-change').getByText(/最近一次变更已由 李销售 于 .+ 批准/).waitFor();
    await checkPage(sales, 'identity-02-approved');
    await showsNoIds(sales, 'idc-', 'manager');
    await expectShownIn(sales, 'zh', [creditCode(401), creditCode(402)]);
    const after = await detail();
    expect({ name: after.name, identifiers: after.identifiers, change: after.identityChange.status }).toEqual({ name: RENAMED, identifiers: { kind: 'unified', creditCode: creditCode(402) }, change: 'approved' });
  });

  it('R-ARC-1: another rename is rejected by the sales department after a confirmation; the archive keeps its name', async () => {
    const manager = await served.tab('manager');
    await manager.goto(served.url(`/customers/${CUSTOMER}`));
    await manager.locator('summary', { hasText: '申请更名或变更统一社会信用代码（R-ARC-1）' }).click();
    const form = manager.getByRole('form', { name: '申请更名或变更统一社会信用代码（R-ARC-1）' });
    await form.getByLabel('新的公司名称').fill('宁波甬兴控股有限公司');
    await form.getByLabel('变更原因').fill('拟更名');
    await form.getByRole('button', { name: '提交变更申请' }).click();
    await manager.getByTestId('identity-change').getByText('等待销售部审批。').waitFor();

    const sales2 = await served.tab('sales2');
    await sales2.goto(served.url(`/customers/${CUSTOMER}`));
    const decide = sales2.getByTestId('identity-change');
    await decide.getByLabel('审批意见').fill('尚未取得新营业执照');
    await decide.getByRole('button', { name: '驳回' }).click();
    const dialog = sales2.getByTestId('confirm-dialog');
    await dialog.getByText(/档案中的名称和代码保持不变/).waitFor();
    expect((await detail()).identityChange.status).toBe('pending');
    await dialog.getByRole('button', { name: '驳回' }).click();
    await sales2.getByTestId('identity-change').getByText(/驳回，理由：尚未取得新营业执照/).waitFor();
    await sales2.getByRole('heading', { level: 2, name: RENAMED }).waitFor();
    await checkPage(sales2, 'identity-03-rejected');
    await expectShownIn(sales2, 'zh');
    const after = await detail();
    expect({ name: after.name, change: after.identityChange }).toMatchObject({ name: RENAMED, change: { status: 'rejected', comment: '尚未取得新营业执照', decidedBy: 'sales2' } });
  });
  it('R-ARC-4 / R-EVAL-1: the renewed licence is filed with its scan (uploaded first) and leaves the expiring report', async () => {
    const manager = await served.tab('manager');
    await manager.goto(served.url(`/customers/${CUSTOMER}`));
    const form = manager.getByRole('form', { name: '证件换证（R-ARC-4）' });
    await form.getByLabel('证件', { exact: true }).selectOption('licence');
    await form.getByLabel('新证件号码').fill('BL-2026-1101');
    await form.getByLabel('有效期自').fill('2026-10-09');
    await form.getByLabel('有效期至').fill('2036-10-08');
    await form.getByLabel('扫描件（可选，PDF、JPEG 或 PNG）').setInputFiles({ name: '营业执照 2026.pdf', mimeType: 'application/pdf', buffer: licencePdf('营业执照 换发') });
    await form.getByRole('button', { name: '登记换证' }).click();
    await form.getByText('已登记换证。').waitFor();
    await manager.getByTestId('customer-documents').locator('tr', { hasText: 'BL-2026-1101' }).getByRole('button', { name: '预览' }).waitFor();
    await expectShownIn(manager, 'zh', ['BL-2026-1101', '营业执照 2026.pdf']);
    expect((await detail()).documents.find((d: { documentId: string }) => d.documentId === 'licence')).toMatchObject({ number: 'BL-2026-1101', validUntil: '2036-10-08', file: { name: '营业执照 2026.pdf' } });

    await manager.goto(served.url('/customers/expiring-documents'));
    const report = manager.getByTestId('expiring-documents');
    await report.locator('tr', { hasText: 'OC-2026-7' }).waitFor();
    expect(await report.locator('tr', { hasText: 'BL-2026' }).count()).toBe(0);
    await expectShownIn(manager, 'zh');
  });
});
