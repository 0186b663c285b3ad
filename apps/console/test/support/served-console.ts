import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
// The browser tests drive the real API through its own test harness (real server, real SQLite
// file); test support is not part of the API's public surface, so it has no @crm entry.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestApi, type TestApi, type TestApiOptions } from '../../../api/test/support/test-api';
import { launchBrowser, type Browser } from './browser';
import { ARTIFACTS, sharedConsoleBuild } from './build-console';
import { recordShownMessages } from './shown-messages';

export { browserTestsRun } from './browser';

export interface ServedConsole {
  api: TestApi;
  browser: Browser;
  /**
   * a tab of a browser profile of its own (a session per browser, ADR 0034), signed in through the
   * sign-in form (the demo password unless given); it records the messages it shows (shown-messages.ts)
   */
  signedInPage(username: string, password?: string): Promise<Page>;
  /** a console route's address (hash routing) */
  url(path: string): string;
  /** an API call as a person, through their token (the arrangement a test makes before the browser acts) */
  as(username: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** `signedInPage`, kept until `closeTabs`: each tab holds its notification stream open, and Chromium allows six connections per host */
  tab(username: string, password?: string): Promise<Page>;
  /** closes the tabs `tab` opened since the last call, after `check` looked at each (e.g. the language of what it showed) */
  closeTabs(check?: (tab: Page) => Promise<unknown>): Promise<void>;
  close(): Promise<void>;
}

/**
 * The console (one build shared by the run's suites), served by the real API (fresh SQLite file, manual
 * clock starting at `start`; `options` for the service, e.g. SMTP in `env`), and a headless Chromium. One per spec file.
 * The browser is launched first, so a Chromium that cannot start fails the suite before a build or a
 * server exists; whatever started before a failure is stopped before the failure is thrown, since the
 * spec's afterAll never receives it and an open server would keep Jest from exiting.
 */
export async function startServedConsole(start?: string, options: TestApiOptions = {}): Promise<ServedConsole> {
  const browser = await launchBrowser();
  const saved = process.env.CONSOLE_DIR;
  let api: TestApi | undefined;
  try {
    process.env.CONSOLE_DIR = await sharedConsoleBuild(); // read by apps/api/src/console/console-static.ts at start
    api = await startTestApi({ ...options, ...(start ? { start } : {}) });
    mkdirSync(ARTIFACTS, { recursive: true });
  } catch (error) {
    await stopAll(browser, api, saved);
    throw error;
  }
  return served(browser, api, saved);
}

function served(browser: Browser, api: TestApi, savedConsoleDir: string | undefined): ServedConsole {
  const tabs: Page[] = [];
  const handle: ServedConsole = {
    api,
    browser,
    url: (path) => `${api.url}/#${path}`,
    as: async (username, method, path, body) => api.request(method, path, { token: await api.tokenFor(username), body }),
    async tab(username, password) {
      const page = await handle.signedInPage(username, password);
      tabs.push(page);
      return page;
    },
    async closeTabs(check) {
      const closing = tabs.splice(0);
      try {
        if (check) for (const tab of closing) await check(tab);
      } finally {
        for (const tab of closing) await tab.close();
      }
    },
    async signedInPage(username, password = 'demo1234') {
      const context = await browser.newContext();
      await recordShownMessages(context); // issue 16: every message shown, for the specs' language checks
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${api.url}/`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      // a temporary password opens 我的账号, whatever the route (ADR 0035)
      await page.getByRole('heading', { level: 1, name: /^您好|我的账号/ }).waitFor();
      return page;
    },
    close: () => stopAll(browser, api, savedConsoleDir),
  };
  return handle;
}

/** Stops each part even when another fails to stop, then reports the first failure. */
async function stopAll(browser: Browser, api: TestApi | undefined, savedConsoleDir: string | undefined): Promise<void> {
  const results = await Promise.allSettled([browser.close(), api?.close()]);
  if (savedConsoleDir === undefined) delete process.env.CONSOLE_DIR;
  else process.env.CONSOLE_DIR = savedConsoleDir;
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
