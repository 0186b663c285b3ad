import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Browser as Chromium } from 'playwright-core';
import { LAPTOP } from './page-checks';

/** Debian's Chromium (`apt-get install chromium`); playwright-core downloads no browser. CHROMIUM_PATH for another. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Playwright waits 180 s for a browser by default: a Chromium that cannot start should fail the suite sooner. */
const LAUNCH_TIMEOUT_MS = 30_000;

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * Whether this file's browser suite runs: without Chromium it is skipped, loudly, unless
 * CI=true, where it runs and fails at launch (the summary line repeats the skip as a NOTICE).
 */
export function browserTestsRun(suite: string): boolean {
  const runs = chromiumAvailable() || process.env.CI === 'true';
  if (!runs) console.warn(`\n!!! ${suite} SKIPPED: no Chromium at ${CHROMIUM} (apt-get install -y --no-install-recommends chromium; under CI=true they fail instead)\n`);
  return runs;
}

/** Flags that keep a headless Chromium in a container quiet: no sandbox, no GPU, no phoning home. */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  /** the browser's first profile: its tabs share one console session, as one person's browser does */
  context: BrowserContext;
  /**
   * Another profile (its own storage): another person at another computer. The console shares a
   * session between the tabs of one browser (ADR 0034), so two people need two of these.
   */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * A fresh browser each run, every context in memory. The browser's time zone is New York on
 * purpose: the console must still show Beijing time. The window is a common laptop's (1366×768),
 * so every page the specs visit is seen, checked and photographed at the size people will use.
 */
export async function launchBrowser(): Promise<Browser> {
  let chromiumBrowser: Chromium;
  try {
    chromiumBrowser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: LAUNCH_TIMEOUT_MS });
  } catch (error) {
    throw new Error(`Chromium at ${CHROMIUM} could not be launched (CHROMIUM_PATH to use another): ${(error as Error).message.split('\n')[0]}`);
  }
  const newContext = () => chromiumBrowser.newContext({ viewport: { ...LAPTOP }, locale: 'en-US', timezoneId: 'America/New_York' });
  let context: BrowserContext;
  try {
    context = await newContext();
  } catch (error) {
    await chromiumBrowser.close();
    throw error;
  }
  return { context, newContext, close: () => chromiumBrowser.close() };
}
