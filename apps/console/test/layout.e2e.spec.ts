import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
/* eslint-disable @nx/enforce-module-boundaries -- the real API's own test helpers */
import { recordAndClassify } from '../../api/test/complaints/complaint-support';
import { archive, openCustomer } from '../../api/test/customers/customer-fixtures';
/* eslint-enable @nx/enforce-module-boundaries */
import { FEATURES } from '../src/features/feature-catalogue';
import { checkPage, horizontalOverflow, LAPTOP, NARROW, PHONE, type Viewport } from './support/page-checks';
import { browserTestsRun, startServedConsole, type ServedConsole } from './support/served-console';

jest.setTimeout(240_000);

// Tuesday 3 March 2026, 09:00 in Beijing
const START = '2026-03-03T01:00:00.000Z';
const SIZES: ReadonlyArray<[string, Viewport]> = [['laptop', LAPTOP], ['narrow', NARROW], ['phone', PHONE]];
const LANGUAGES = [['zh', 'zh-CN'], ['en', 'en']] as const;
/** One demo user per role, each signing in to see their own home and pages. */
const USERS = ['manager', 'sales', 'finance', 'gm', 'supervisor', 'auditor', 'admin', 'parent'];
/** Every feature whose page exists (feature-catalogue.ts: the page file makes it live). */
const LIVE = FEATURES.filter((f) => existsSync(join(__dirname, `../src/features/${f.id}.page.tsx`))).map((f) => f.id);

/**
 * Issue 16, layout: every page every role can open, at a laptop's 1366×768, a narrow 1024 px window
 * (the navigation behind a menu) and a 390×844 phone, in Chinese and English — no sideways scroll,
 * the header's parts inside the window, axe clean, and a screenshot of each under test-artifacts/console/.
 */
(browserTestsRun('layout browser tests') ? describe : describe.skip)('the console at every width, every page, both languages', () => {
  let served: ServedConsole;
  const visited = new Set<string>();

  beforeAll(async () => {
    served = await startServedConsole(START);
    // long company names, as the company's customers have them
    await openCustomer(served.api, archive('cust-layout-1', { name: '宁波甬兴塑业科技发展股份有限公司' }));
    await openCustomer(served.api, archive('cust-layout-2', { name: '浙江镇海炼化化工贸易有限责任公司' }));
    // the SLA board, the inbox and the complaints list have rows: one overdue, one due later
    const manager = await served.api.tokenFor('manager');
    await recordAndClassify(served.api, manager, '2026-03-02T09:30:00+08:00', 'general', 'cust-layout-1');
    await recordAndClassify(served.api, manager, '2026-03-03T08:30:00+08:00', 'major', 'cust-layout-2');
  }, 180_000);
  afterAll(() => served?.close());

  it('finds the pages it lays out', () => {
    expect(LIVE.length).toBeGreaterThanOrEqual(10);
  });

  it.each(USERS)('%s: home and every page in the navigation fit every width in both languages; the menu opens below 1100 px', async (username) => {
    const page = await served.signedInPage(username);
    // every page's problems at once, so one run lists all that does not fit
    const problems: string[] = [];
    try {
      const links = await navigationLinks(page);
      expect(links[0]).toBe('#/');
      for (const [lang, code] of LANGUAGES) {
        await setLanguage(page, code);
        for (const link of links) {
          // a feature page is laid out once per language (by the first role that has it); every role's home
          const key = `${lang}${link === '#/' ? `:${username}` : ''}:${link}`;
          if (visited.has(key)) continue;
          visited.add(key);
          await page.goto(`${served.api.url}/${link}`);
          for (const [sizeName, size] of SIZES) {
            // the narrow window checks the folded menu and the header, the same on every page of a role: its home is enough
            if (sizeName === 'narrow' && link !== '#/') continue;
            const name = `layout-${lang}-${sizeName}-${link === '#/' ? `home-${username}` : link.slice(2).replace(/\//g, '-')}`;
            try {
              await page.setViewportSize(size);
              await page.getByRole('heading', { level: 1 }).first().waitFor();
              await expectHeaderInside(page, size);
              await expectNavigationAt(page, size, links.length);
              // the narrow window is about the folded menu and the header: axe and the photo are the laptop's and the phone's
              if (sizeName === 'narrow') expect({ page: name, overflow: await horizontalOverflow(page) }).toEqual({ page: name, overflow: null });
              else await checkPage(page, name, size);
              if (sizeName === 'laptop') expect({ page: name, ids: await visibleIds(page) }).toEqual({ page: name, ids: [] });
            } catch (error) {
              problems.push(`${name}: ${stripColours((error as Error).message).split('\n').filter((l) => /^\s*[-+]|Error|Timeout/.test(l)).join(' ').slice(0, 600)}`);
            }
          }
          await page.setViewportSize(LAPTOP);
        }
      }
      expect(links.every((l) => l === '#/' || LIVE.includes(l.slice(2).split('/')[0] as never))).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      // the next role signs in on the Chinese form
      await page.evaluate(() => localStorage.removeItem('crm.console.lang')).catch(() => undefined);
      await page.close();
    }
  });

  it('every live page was laid out by some role', () => {
    const laidOut = new Set([...visited].map((k) => k.split(':').at(-1)?.slice(2)));
    expect(LIVE.filter((id) => !laidOut.has(id))).toEqual([]);
  });
});

// Jest's diff colours, so the summary reads as text
const ESC = String.fromCharCode(27);
const stripColours = (text: string) => text.split(ESC).map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/, ''))).join('');

/** Ids a person should never have to read: the seeded customers', complaints' and applications' (issue 16: names, not ids). */
async function visibleIds(page: Page): Promise<string[]> {
  const text = await page.locator('main').innerText();
  return [...new Set(text.match(/\b(?:cust-layout-\d|cmp-[0-9a-f]{8}|app-[0-9a-f]{8})[0-9a-z-]*/g) ?? [])];
}

async function navigationLinks(page: Page): Promise<string[]> {
  await page.setViewportSize(LAPTOP);
  return page.locator('#main-nav a').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
}

async function setLanguage(page: Page, code: string): Promise<void> {
  await page.evaluate((lang) => localStorage.setItem('crm.console.lang', lang), code);
  await page.reload();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, code);
}

/** The brand, the bell, the language switch and the user menu stay inside the window: nothing pushed off the right edge. */
async function expectHeaderInside(page: Page, size: Viewport): Promise<void> {
  const outside = await page.locator('.topbar > *').evaluateAll((els, width) =>
    els.filter((e) => getComputedStyle(e).display !== 'none').map((e) => ({ cls: e.className, right: Math.round(e.getBoundingClientRect().right) })).filter((r) => r.right > width),
  size.width);
  expect(outside).toEqual([]);
}

/** ≥ 1100 px the links show in the header; below, a menu button opens and closes them. */
async function expectNavigationAt(page: Page, size: Viewport, linkCount: number): Promise<void> {
  const toggle = page.locator('.nav-toggle');
  const nav = page.locator('#main-nav');
  if (size.width >= 1100) {
    expect(await toggle.isVisible()).toBe(false);
    expect(await nav.isVisible()).toBe(true);
    // one row, however many pages a role has (issue 16): the menus hold them, each opens and Escape closes it
    const middles = await nav.locator(':scope > a, :scope > .nav-group').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => r.top + r.height / 2));
    expect({ rows: middles.some((m) => Math.abs(m - middles[0]) > 8) ? 'more than one' : 'one' }).toEqual({ rows: 'one' });
    const menus = nav.locator('.nav-group-button');
    if ((await menus.count()) > 0) {
      await menus.first().click();
      expect(await nav.locator('.nav-group-open .nav-group-items a').first().isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      expect(await nav.locator('.nav-group-open').count()).toBe(0);
    }
    return;
  }
  expect(await nav.isVisible()).toBe(false);
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  expect(await nav.locator('a').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)).toBe(linkCount);
  await page.keyboard.press('Escape');
  expect(await nav.isVisible()).toBe(false);
}
