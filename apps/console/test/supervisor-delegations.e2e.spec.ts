import type { Page } from 'playwright-core';
import { checkPage } from './support/page-checks';
import { expectShownIn } from './support/shown-messages';
import { browserTestsRun, startServedConsole, type ServedConsole } from './support/served-console';

jest.setTimeout(120_000);

/**
 * Issue 16: the supervisor's delegation of their deciding role (issue 15), which was API-only,
 * in the browser: a colleague picked by name (never a user name), the domain's Delegation rules
 * checked before sending, the revocation after a confirmation; each effect checked through the API.
 */
(browserTestsRun('supervisor delegation browser tests') ? describe : describe.skip)('the supervisor’s delegations in the console (issue 16, ONB-DELEGATION)', () => {
  let served: ServedConsole;
  let supervisor: Page;
  const url = (path: string) => `${served.api.url}/#${path}`;
  const asSupervisor = async (path: string) => served.api.request('GET', path, { token: await served.api.tokenFor('supervisor') });

  beforeAll(async () => {
    served = await startServedConsole('2026-03-02T02:00:00.000Z');
    const token = await served.api.tokenFor('admin');
    const created = await served.api.request('POST', '/users', { token, body: { username: 'qianzhu', name: '钱主管', roles: ['supervisor'], password: 'qian-pass-2026' } });
    expect(created.status).toBe(201);
    supervisor = await served.signedInPage('supervisor');
  });
  afterAll(() => served?.close());

  it('ONB-DELEGATION: delegates to a colleague picked by name; the 90-day and date-order rules are checked in the browser in Chinese', async () => {
    await supervisor.locator('.feature-card', { hasText: '委托授权' }).click();
    const form = supervisor.getByRole('form', { name: '新建委托' });
    const picker = form.getByLabel('受托人');
    await picker.locator('option', { hasText: '钱主管（主管领导）' }).waitFor({ state: 'attached' });
    expect(await picker.locator('option').allTextContents()).toEqual(['请选择', '钱主管（主管领导）']);
    await form.getByRole('button', { name: '新建委托' }).click();
    await form.getByText('必填', { exact: true }).waitFor();

    await picker.selectOption({ label: '钱主管（主管领导）' });
    await form.getByLabel('开始日期').fill('2026-03-10');
    await form.getByLabel('结束日期').fill('2026-03-05');
    await form.getByRole('button', { name: '新建委托' }).click();
    await form.getByText('结束日期不能早于开始日期，委托最长 90 天').waitFor();
    await form.getByLabel('结束日期').fill('2026-07-01');
    await form.getByRole('button', { name: '新建委托' }).click();
    await form.getByText('结束日期不能早于开始日期，委托最长 90 天').waitFor();

    await form.getByLabel('结束日期').fill('2026-03-20');
    await form.getByRole('button', { name: '新建委托' }).click();
    await form.getByText('已委托 钱主管（主管领导） 自 2026-03-10 至 2026-03-20 代为审批。').waitFor();
    const row = supervisor.getByTestId('delegations-table').locator('tr[data-delegation]');
    await row.first().waitFor();
    const text = await row.first().textContent();
    expect(text).toContain('孙主管（主管领导）');
    expect(text).toContain('钱主管（主管领导）');
    expect(text).toContain('2026-03-10 ~ 2026-03-20');
    expect(text).not.toContain('qianzhu');
    await checkPage(supervisor, 'supervisor-01-delegation');

    const listed = (await asSupervisor('/delegations')).body.items;
    expect(listed).toEqual([expect.objectContaining({ delegatorId: 'supervisor', delegateId: 'qianzhu', role: 'supervisor', from: '2026-03-10', until: '2026-03-20', revokedAt: null })]);
  });

  it('ONB-DELEGATION: revokes the delegation only after a confirmation naming the colleague; the list says who revoked it', async () => {
    await supervisor.goto(url('/delegations'));
    const row = supervisor.getByTestId('delegations-table').locator('tr[data-delegation]').first();
    await row.getByRole('button', { name: '撤销' }).click();
    await supervisor.getByLabel('撤销原因（可选）').fill('提前返岗');
    const confirm = supervisor.getByTestId('confirm-step');
    expect(await confirm.textContent()).toContain('确认撤销委托给 钱主管（主管领导）（2026-03-10 至 2026-03-20）的授权');
    expect((await asSupervisor('/delegations')).body.items[0].revokedAt).toBeNull(); // nothing sent before the confirmation
    await confirm.getByRole('button', { name: '确认撤销' }).click();
    await supervisor.getByText('委托已撤销。').waitFor();
    await row.getByText(/^已由 孙主管（主管领导） 于 2026-03-02 10:00 撤销$/).waitFor();
    expect(await row.getByRole('button', { name: '撤销' }).count()).toBe(0);
    expect((await asSupervisor('/delegations')).body.items[0]).toMatchObject({ revokedBy: 'supervisor', revocationReason: '提前返岗' });
  });

  it('in English: the delegation screen and its refusals speak English', async () => {
    await expectShownIn(supervisor, 'zh'); // issue 16: the Chinese journey's checks and notices, all Chinese
    await supervisor.goto(url('/delegations'));
    await supervisor.getByRole('button', { name: '切换语言为英文' }).click();
    const form = supervisor.getByRole('form', { name: 'New delegation' });
    await form.getByLabel('Delegated to').selectOption({ label: '钱主管 (Supervisor)' });
    await form.getByLabel('From').fill('2026-04-01');
    await form.getByLabel('Until').fill('2026-03-01');
    await form.getByRole('button', { name: 'New delegation' }).click();
    await form.getByText('The end cannot be before the start; a delegation lasts 90 days at most').waitFor();
    const row = supervisor.getByTestId('delegations-table').locator('tr[data-delegation]').first();
    expect(await row.textContent()).toContain('Revoked by 孙主管 (Supervisor)');
    await checkPage(supervisor, 'supervisor-02-delegation-en');
    expect((await expectShownIn(supervisor, 'en', ['钱主管', '孙主管'])).some((m) => m.includes('90 days at most'))).toBe(true);
    await supervisor.getByRole('button', { name: 'Switch language to Chinese' }).click();
  });
});
