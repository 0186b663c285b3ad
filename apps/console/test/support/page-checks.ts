import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './build-console';

/** The laptop the console must fit: every browser spec runs at this size (see browser.ts). */
export const LAPTOP = { width: 1366, height: 768 } as const;
/** Below 1100 px the navigation folds behind a menu button. */
export const NARROW = { width: 1024, height: 768 } as const;
/** A phone the lists and forms must fit. */
export const PHONE = { width: 390, height: 844 } as const;
export type Viewport = { readonly width: number; readonly height: number };

// axe-core's own bundle, read from node_modules and injected into the page: no network, and the
// same engine version the lock file pins.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** What axe reports that we treat as a defect: a person using a screen reader or keyboard is blocked or badly hindered. */
const BLOCKING = new Set(['serious', 'critical']);

interface AxeNode { target: unknown[]; failureSummary?: string }
interface AxeViolation { id: string; impact: string | null; help: string; nodes: AxeNode[] }

/**
 * axe-core's WCAG 2.x A/AA and best-practice rules against the page as it is now, keeping the
 * serious and critical violations, one readable line per offending element.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // evaluated through the DevTools protocol, not as a <script> tag: the console's CSP forbids inline scripts, and rightly
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}) at ${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`));
}

/** Whether the page scrolls sideways: on a laptop nothing should need a horizontal scroll bar. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; widest: string[] } | null> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    // the innermost elements reaching past the window's right edge: what to fix
    const clipped = (e: Element) => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true; return false; };
    const past = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > root.clientWidth + 1 && !clipped(e));
    const innermost = past.filter((e) => !past.some((other) => other !== e && e.contains(other)));
    const describe = (e: Element) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest: innermost.slice(0, 5).map(describe) };
  });
}

/**
 * One page as a person on a 1366×768 laptop (or the size given) gets it: no serious or critical
 * axe violation, no horizontal scroll, and a full-page screenshot `<name>.png` in test-artifacts/console/.
 */
export async function checkPage(page: Page, name: string, size: Viewport = LAPTOP): Promise<void> {
  expect(page.viewportSize()).toEqual(size);
  await page.evaluate(() => window.scrollTo(0, 0)); // the sticky top bar would cover the heading
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  expect({ page: name, overflow: await horizontalOverflow(page) }).toEqual({ page: name, overflow: null });
  expect({ page: name, violations: await seriousA11yViolations(page) }).toEqual({ page: name, violations: [] });
}

/**
 * The focused element's visible focus indicator: its computed outline or box-shadow. Throws when
 * it has neither, so a keyboard user would not see where they are.
 */
export async function focusIndicator(page: Page): Promise<{ element: string; outline: string; boxShadow: string }> {
  const found = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0 ? 'none' : `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`;
    const label = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    return { element: label, outline, boxShadow: style.boxShadow };
  });
  if (!found) throw new Error('nothing has the keyboard focus');
  if (found.outline === 'none' && found.boxShadow === 'none') throw new Error(`${found.element} has the focus but no visible indicator (outline and box-shadow are none)`);
  return found;
}

/**
 * Presses Tab (at most `limit` times) until the focused element matches `selector` (and, when
 * given, has exactly `text` as its trimmed text), checking at each stop that the focus is
 * visible. Fails if the element is never reached by Tab.
 */
export async function tabTo(page: Page, selector: string, text?: string, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    await focusIndicator(page);
    const reached = await page.evaluate(
      ([s, t]) => {
        const el = document.activeElement;
        return !!el && el.matches(s) && (t === null || el.textContent?.trim() === t);
      },
      [selector, text ?? null] as const,
    );
    if (reached) return;
  }
  throw new Error(`${selector}${text ? ` "${text}"` : ''} not reached with ${limit} presses of Tab`);
}

/** What a screen shows must never be an id or a username (issue 16): each one found is reported with the text around it. */
export async function showsNoIds(page: Page, ...ids: string[]): Promise<void> {
  const text = (await page.locator('main').textContent()) ?? '';
  for (const id of ids) {
    const at = text.indexOf(id);
    expect({ id, shown: at < 0 ? false : text.slice(Math.max(0, at - 80), at + 40) }).toEqual({ id, shown: false });
  }
}
