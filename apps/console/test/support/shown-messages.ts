import type { BrowserContext, Page } from 'playwright-core';

/**
 * Issue 16: every message a journey shows — alerts, notes, notices, status lines, field errors, dialogs — recorded as it
 * appears (a refusal may be replaced by the next step's before a spec reads it), so a spec can check
 * at the end that none of them was in the other language. Installed on a browser context, it
 * follows every page of that profile, reloads included.
 */
const REGIONS = '[role="alert"], [role="status"], [role="note"], .notice, .alert, .field-error, dialog, [role="dialog"], [role="alertdialog"]';

/** Runs in the page: a MutationObserver collecting the text of each message region, support details left out. */
function recordInPage(regions: string): void {
  const w = window as unknown as { __shownMessages?: string[]; __shownSeen?: Set<string> };
  if (w.__shownMessages) return;
  const seen = new Set<string>();
  w.__shownSeen = seen;
  w.__shownMessages = [];
  const textOf = (el: Element): string => {
    const copy = el.cloneNode(true) as Element;
    // the request id, HTTP status, rule and field path beneath a message are for support, not for reading
    copy.querySelectorAll('.alert-details').forEach((d) => d.remove());
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  };
  const collect = () => {
    document.querySelectorAll(regions).forEach((el) => {
      if ((el as HTMLElement).hidden || (el.tagName === 'DIALOG' && !(el as HTMLDialogElement).open)) return;
      const text = textOf(el);
      if (!text || seen.has(text)) return;
      seen.add(text);
      w.__shownMessages?.push(text);
    });
  };
  new MutationObserver(collect).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['open', 'hidden', 'role'] });
}

export async function recordShownMessages(context: BrowserContext): Promise<void> {
  await context.addInitScript(recordInPage, REGIONS);
}

/** Forgets what was shown so far (a spec switching language checks each language's part on its own). */
export async function forgetShownMessages(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __shownMessages?: string[]; __shownSeen?: Set<string> };
    // what is still on screen stays seen: a notice left from before is not recorded again
    w.__shownMessages = [];
  });
}

/** What the page showed so far (this document's life: read before navigating away from a journey's step). */
export async function shownMessages(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __shownMessages?: string[] }).__shownMessages ?? []);
}

export type Language = 'zh' | 'en';

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
/**
 * Words allowed in a Chinese message: rule ids and codes in capitals (R-KAM-2, SCHEMA, HTTP),
 * product grades (HDPE 5000S), the unit t, emails, web addresses, the user's own file names, Webhook (the integration's name, as 钉钉 and 飞书
 * call it too), and what the user typed themselves (`typed`).
 */
const ALLOWED_IN_ZH = [/\bWebhook\b/g, /[\w.-]+\.(?:csv|xlsx|xls|pdf|png|jpe?g)\b/gi, /\bhttps?:\/\/\S*/g, /\bR-[A-Z]+-\d+\b/g, /\b[A-Z][A-Z0-9_-]*[A-Z0-9]\b/g, /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, /\b\d+(?:\.\d+)?\s?t\b/g, /\b[0-9a-f]{8}-[0-9a-f-]{27,}\b/g];

/** The messages that are in the other language: English words in Chinese, Chinese characters in English. */
export function foreignMessages(messages: readonly string[], language: Language, typed: readonly string[] = []): string[] {
  return messages.filter((message) => {
    if (language === 'en') return CJK.test(typed.reduce((text, t) => text.split(t).join(' '), message));
    const stripped = [...ALLOWED_IN_ZH, ...typed.map((t) => new RegExp(t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].reduce((text, pattern) => text.replace(pattern, ' '), message);
    return /[A-Za-z]{2,}/.test(stripped);
  });
}

/**
 * Fails with the offending messages when the page showed any in the other language. What was read is
 * forgotten, so a spec that switches language next checks the next part on its own.
 */
export async function expectShownIn(page: Page, language: Language, typed: readonly string[] = []): Promise<string[]> {
  const messages = await shownMessages(page);
  await forgetShownMessages(page);
  const foreign = foreignMessages(messages, language, typed);
  if (foreign.length) throw new Error(`issue 16: messages shown in the ${language === 'zh' ? 'Chinese' : 'English'} console in the other language:\n  ${foreign.join('\n  ')}`);
  return messages;
}
