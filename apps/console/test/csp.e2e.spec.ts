import type { Page } from 'playwright-core';
import { browserTestsRun, startServedConsole, type ServedConsole } from './support/served-console';

jest.setTimeout(60_000);

/** Every CSP violation the page reports, from the DOM event and from Chromium's console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  // an init script is injected by the browser itself, so the policy under test does not block it
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return violations;
}

(browserTestsRun('console CSP browser test') ? describe : describe.skip)('the built console under its strict Content-Security-Policy (Chromium, real API)', () => {
  let served: ServedConsole;
  beforeAll(async () => {
    served = await startServedConsole();
  }, 180_000);
  afterAll(() => served?.close());

  it('signs in and renders its pages with no CSP violation, and the policy is the strict one', async () => {
    const page = await served.browser.context.newPage();
    page.setDefaultTimeout(15_000);
    const violations = await watchViolations(page);
    const response = await page.goto(`${served.api.url}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^您好/ }).waitFor();
    for (const route of ['#/inbox', '#/customers', '#/calendar', '#/complaints']) {
      await page.goto(`${served.api.url}/${route}`);
      await page.locator('h1').first().waitFor();
    }
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toBe(''); // the stylesheet applied
    expect(violations).toEqual([]);
    await page.close();
  });
});
