import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
// The browser tests drive the real API through its own test harness (real server, real SQLite
// file); test support is not part of the API's public surface, so it has no @crm entry.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestApi, type TestApi, type TestApiOptions } from '../../../api/test/support/test-api';
import { chromiumAvailable, CHROMIUM, launchBrowser, type Browser } from './browser';
import { ARTIFACTS, sharedConsoleBuild } from './build-console';

/** Whether browser specs run here; says loudly why not (CI=true runs them and lets them fail). */
export function browserTestsRun(suite: string): boolean {
  const runs = chromiumAvailable() || process.env.CI === 'true';
  if (!runs) console.warn(`\n!! ${suite} SKIPPED: no Chromium at ${CHROMIUM} (apt-get install -y --no-install-recommends chromium)\n`);
  return runs;
}

export interface ServedConsole {
  api: TestApi;
  browser: Browser;
  /** a new tab signed in as a demo user through the sign-in form (tabs keep separate sessions) */
  signedInPage(username: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The console (one build shared by the run's suites), served by the real API (fresh SQLite file, manual
 * clock starting at `start`; `options` for the service, e.g. SMTP in `env`), and a headless Chromium. One per spec file.
 */
export async function startServedConsole(start?: string, options: TestApiOptions = {}): Promise<ServedConsole> {
  const dist = await sharedConsoleBuild();
  const saved = process.env.CONSOLE_DIR;
  process.env.CONSOLE_DIR = dist; // read by apps/api/src/console/console-static.ts at start
  const api = await startTestApi({ ...options, ...(start ? { start } : {}) });
  const browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    api,
    browser,
    async signedInPage(username) {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${api.url}/`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill('demo1234');
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: /^您好/ }).waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await api.close();
      if (saved === undefined) delete process.env.CONSOLE_DIR;
      else process.env.CONSOLE_DIR = saved;
    },
  };
}
