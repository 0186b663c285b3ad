/* eslint-disable @nx/enforce-module-boundaries -- the real API's own test helpers */
import { caughtUp } from '../../api/test/complaints/complaint-support';
import { archive, openCustomer } from '../../api/test/customers/customer-fixtures';
/* eslint-enable @nx/enforce-module-boundaries */
import { checkPage, showsNoIds } from './support/page-checks';
import { expectShownIn } from './support/shown-messages';
import { browserTestsRun, startServedConsole, type ServedConsole } from './support/served-console';

jest.setTimeout(180_000);

const NINGBO = '宁波甬兴塑业有限公司';
const CHARTER = { version: 'c-1', members: ['gm', 'sales2', 'finance'], chairId: 'gm', quorum: 2, decisionRule: 'majority_of_members', authorityBoundPercent: 10 };

/**
 * Issue 16: the catalogue (R-TIER-1 product lines, R-PRIN-4 designated warehouses, R-PRICE-1 the
 * price in force) and the sales contracts (R-ARC-5), which were API-only, walked in the browser in
 * Chinese: the administrator keeps the warehouses, the sales department drafts and signs, a leader
 * approves, the general manager terminates. Each form refuses in the browser what the API would,
 * with the same words, and every step is read back through the API.
 */
(browserTestsRun('contracts and catalogue browser tests') ? describe : describe.skip)('sales contracts and the catalogue in the console (issue 16: R-ARC-5, R-PRIN-4, R-TIER-1)', () => {
  let served: ServedConsole;
  let contractId = '';

  beforeAll(async () => {
    served = await startServedConsole('2026-10-09T02:00:00.000Z');
    await openCustomer(served.api, archive('cust-ct-1', { name: NINGBO }));
    await caughtUp(served.api, 'customers');
  });
  afterAll(() => served?.close());
  afterEach(() => served.closeTabs());

  it('R-PRIN-4: the administrator designates a warehouse (the API’s rules checked in the browser in Chinese) and withdraws another after a confirmation', async () => {
    const admin = await served.tab('admin');
    await admin.goto(served.url('/catalogue'));
    const lines = admin.getByTestId('product-lines');
    await lines.getByRole('cell', { name: '聚烯烃', exact: true }).waitFor();
    await lines.getByRole('cell', { name: '其他化工产品', exact: true }).waitFor();

    const form = admin.getByRole('form', { name: '指定提货仓库' });
    await form.getByLabel('仓库编码（字母、数字，设立后不变）').fill('镇海 库');
    await form.getByRole('button', { name: '保存指定仓库' }).click();
    await form.locator('.field-error', { hasText: '以字母或数字开头' }).waitFor();
    await form.locator('.field-error', { hasText: '必填' }).waitFor();
    await form.getByText('请至少选择一条产品线').waitFor();
    expect((await served.as('admin', 'GET', '/catalogue')).body.warehouses).toEqual([]); // nothing sent

    await form.getByLabel('仓库编码（字母、数字，设立后不变）').fill('zh-1');
    await form.getByLabel('仓库名称').fill('镇海库');
    await form.getByLabel('地址（可选）').fill('宁波市镇海区');
    await form.getByLabel('聚烯烃').check();
    await form.getByRole('button', { name: '保存指定仓库' }).click();
    await form.getByText('指定仓库已保存。').waitFor();
    await form.getByLabel('仓库编码（字母、数字，设立后不变）').fill('nb-2');
    await form.getByLabel('仓库名称').fill('北仑库');
    await form.getByLabel('其他化工产品').check();
    await form.getByRole('button', { name: '保存指定仓库' }).click();
    await admin.getByTestId('warehouses').getByRole('cell', { name: '北仑库', exact: true }).waitFor();
    const zh1 = admin.getByTestId('warehouses').locator('tr[data-warehouse="zh-1"]');
    expect(await zh1.textContent()).toContain('聚烯烃');
    expect(await admin.getByTestId('product-lines').locator('tr[data-line="polyolefin"]').textContent()).toContain('镇海库');

    await admin.getByTestId('warehouses').locator('tr[data-warehouse="nb-2"]').getByRole('button', { name: '撤销指定 北仑库' }).click();
    const withdraw = admin.getByRole('form', { name: '撤销指定仓库：北仑库' });
    await withdraw.getByRole('button', { name: '撤销指定' }).click();
    await withdraw.locator('.field-error', { hasText: '必填' }).waitFor();
    await withdraw.getByLabel('撤销原因').fill('仓库租约到期');
    await withdraw.getByRole('button', { name: '撤销指定' }).click();
    expect(await withdraw.getByTestId('confirm-step').textContent()).toContain('确认撤销 北仑库 的指定');
    expect((await served.as('admin', 'GET', '/catalogue')).body.warehouses.find((w: { warehouseId: string }) => w.warehouseId === 'nb-2').withdrawn).toBe(false);
    await withdraw.getByRole('button', { name: '确认撤销' }).click();
    await admin.getByText('已撤销该仓库的指定。').waitFor();
    await admin.getByTestId('warehouses').locator('tr[data-warehouse="nb-2"]').getByText('已撤销').waitFor();
    await checkPage(admin, 'catalogue-01-administrator');
    await showsNoIds(admin, 'polyolefin', 'other_chemicals');
    await expectShownIn(admin, 'zh', ['镇海 库']);

    const stored = (await served.as('admin', 'GET', '/catalogue')).body.warehouses;
    expect(stored).toEqual(expect.arrayContaining([
      expect.objectContaining({ warehouseId: 'zh-1', nameZh: '镇海库', productLines: ['polyolefin'], address: '宁波市镇海区', withdrawn: false }),
      expect.objectContaining({ warehouseId: 'nb-2', withdrawn: true }),
    ]));
  });

  it('R-PRICE-1: the sales department reads the price in force for polyolefins at 镇海库, with no editing of the catalogue', async () => {
    expect((await served.as('admin', 'PUT', '/committee/charter', CHARTER)).status).toBe(200);
    const proposal = { proposalId: 'p-8000', productLineId: 'polyolefin', warehouseId: 'zh-1', pricePerTonne: 8000, effectiveFrom: '2026-10-10T00:00:00+08:00', reason: '十月挂牌价' };
    expect((await served.as('sales', 'POST', '/committee/proposals', proposal)).status).toBe(201);
    for (const m of ['sales2', 'finance']) expect((await served.as(m, 'POST', '/committee/proposals/p-8000/votes', { vote: 'approve' })).status).toBe(200);
    served.api.clock.set('2026-10-12T02:00:00.000Z');
    for (let i = 0; i < 50 && (await served.as('sales', 'GET', '/prices/polyolefin/zh-1')).body.inForce?.proposalId !== 'p-8000'; i++) await new Promise((r) => setTimeout(r, 100));

    const sales = await served.tab('sales');
    await sales.goto(served.url('/catalogue'));
    const panel = sales.getByTestId('price-panel');
    await panel.getByLabel('产品线').selectOption({ label: '聚烯烃' });
    // only the warehouses designated for the line, never a withdrawn one
    expect(await panel.getByLabel('仓库').locator('option').allTextContents()).toEqual(['请选择', '镇海库']);
    await panel.getByLabel('仓库').selectOption({ label: '镇海库' });
    await panel.getByRole('button', { name: '查询价格' }).click();
    const answer = panel.getByTestId('price-answer');
    await answer.getByText(/8,000\.00 元\/吨/).waitFor();
    expect(await answer.textContent()).toContain('价格委员会');
    expect(await sales.getByRole('button', { name: /^修改/ }).count()).toBe(0);
    await checkPage(sales, 'catalogue-02-price');
    await showsNoIds(sales, 'zh-1', 'p-8000');
    await expectShownIn(sales, 'zh');
  });

  it('R-ARC-5: the sales department drafts a contract for a customer picked by name; the term is checked in the browser with the API’s words', async () => {
    const sales = await served.tab('sales');
    await sales.goto(served.url('/contracts'));
    await sales.getByText('暂无销售合同。').waitFor();
    const form = sales.getByRole('form', { name: '起草销售合同' });
    await form.getByRole('button', { name: '起草合同' }).click();
    await form.locator('.field-error', { hasText: '必填' }).first().waitFor();
    await form.getByLabel('客户', { exact: true }).fill('甬兴');
    await form.locator('.picker-options button', { hasText: NINGBO }).click();
    await form.getByLabel('产品线').selectOption({ label: '聚烯烃' });
    await form.getByLabel('合同编号').fill('HT-2026-018');
    await form.getByLabel('生效日期').fill('2026-10-01');
    await form.getByLabel('截止日期').fill('2026-09-30');
    await form.getByLabel('主要条款').fill('年度购销合同：款到发货，镇海库自提');
    await form.getByRole('button', { name: '起草合同' }).click();
    await form.locator('.field-error', { hasText: '合同的结束日期须晚于开始日期' }).waitFor();
    expect((await served.as('sales', 'GET', '/contracts')).body.items).toEqual([]);
    expect(await form.getByLabel('合同编号').inputValue()).toBe('HT-2026-018'); // typed work kept

    await form.getByLabel('截止日期').fill('2026-12-31');
    await form.getByRole('button', { name: '起草合同' }).click();
    const detail = sales.getByTestId('contract-detail');
    await detail.getByRole('heading', { name: `${NINGBO} · HT-2026-018` }).waitFor();
    await detail.getByText('待审批', { exact: true }).waitFor();
    expect(await detail.textContent()).toContain('聚烯烃');
    expect(await detail.textContent()).toContain('李销售（销售部）');
    contractId = decodeURIComponent(sales.url().split('/contracts/')[1]);
    await checkPage(sales, 'contracts-01-drafted');
    await showsNoIds(sales, 'cust-ct-1', contractId, 'polyolefin');
    await expectShownIn(sales, 'zh', ['HT-2026-018']);
    expect((await served.as('sales', 'GET', `/contracts/${contractId}`)).body).toMatchObject({ state: 'drafted', customerId: 'cust-ct-1', productLineId: 'polyolefin', validUntil: '2026-12-31', draftedBy: 'sales' });
  });

  it('R-ARC-5: a leader approves; the sales department signs (a signing day ahead refused in the browser); the list names the company and says 履行中', async () => {
    const supervisor = await served.tab('supervisor');
    await supervisor.goto(served.url(`/contracts/${contractId}`));
    const approve = supervisor.getByRole('form', { name: '审批合同' });
    await approve.getByLabel('审批意见（可选）').fill('同意');
    await approve.getByRole('button', { name: '审批通过' }).click();
    await supervisor.getByText('合同已审批通过，待销售部签订。').waitFor();
    await supervisor.getByTestId('contract-detail').getByText('待签订', { exact: true }).waitFor();
    await expectShownIn(supervisor, 'zh');

    const sales = await served.tab('sales');
    await sales.goto(served.url(`/contracts/${contractId}`));
    const sign = sales.getByRole('form', { name: '签订合同' });
    await sign.getByLabel('签订日期').fill('2099-01-01');
    await sign.getByRole('button', { name: '登记签订' }).click();
    await sign.locator('.field-error', { hasText: '签订日期不能晚于今天' }).waitFor();
    await sign.locator('.field-error', { hasText: '必填' }).waitFor();
    await sign.getByLabel('签订日期').fill('2026-10-12');
    await sign.getByLabel('客户签字人').fill('张总（法定代表人）');
    await sign.getByRole('button', { name: '登记签订' }).click();
    await sales.getByText('合同已签订，进入履行期。').waitFor();
    const detail = sales.getByTestId('contract-detail');
    await detail.getByText('履行中', { exact: true }).waitFor();
    expect(await detail.textContent()).toContain('孙主管（主管领导）');
    await expectShownIn(sales, 'zh');

    await sales.goto(served.url('/contracts'));
    const row = sales.getByTestId('contracts-table').locator(`tr[data-contract="${contractId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(NINGBO);
    expect(await row.textContent()).toContain('履行中');
    await sales.getByLabel('按状态筛选').selectOption({ label: '待审批' });
    await sales.getByText('暂无销售合同。').waitFor();
    await sales.getByLabel('按状态筛选').selectOption({ label: '履行中' });
    await row.waitFor();
    await checkPage(sales, 'contracts-02-list');
    await showsNoIds(sales, 'cust-ct-1', contractId, 'inForce');
    await expectShownIn(sales, 'zh');
    expect((await served.as('sales', 'GET', `/contracts/${contractId}`)).body).toMatchObject({ state: 'inForce', approvedBy: 'supervisor', signedOn: '2026-10-12' });
  });

  it('R-ARC-5: the general manager terminates the contract only after a confirmation naming it', async () => {
    const gm = await served.tab('gm');
    await gm.goto(served.url(`/contracts/${contractId}`));
    const terminate = gm.getByRole('form', { name: '终止合同' });
    await terminate.getByLabel('终止原因').fill('客户停产，双方协商提前终止');
    await terminate.getByRole('button', { name: '终止合同' }).click();
    expect(await terminate.getByTestId('confirm-step').textContent()).toContain('确认在期满前终止合同 HT-2026-018');
    expect((await served.as('gm', 'GET', `/contracts/${contractId}`)).body.state).toBe('inForce'); // nothing sent before the confirmation
    await terminate.getByRole('button', { name: '确认终止' }).click();
    await gm.getByText('合同已终止。').waitFor();
    await gm.getByTestId('contract-detail').getByText('已终止', { exact: true }).waitFor();
    await checkPage(gm, 'contracts-03-terminated');
    await expectShownIn(gm, 'zh', ['HT-2026-018']);
    expect((await served.as('gm', 'GET', `/contracts/${contractId}`)).body.state).toBe('terminated');
  });
});
