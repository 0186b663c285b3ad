import { useEffect } from 'react';

/**
 * The forms holding unsent changes, each with the warning to show in the page's language. While
 * one is there, leaving the page (reload, closing the tab, another address) asks the browser's
 * beforeunload question, and following an in-app link asks `confirm` first. Back/Forward are not
 * stopped: the form's draft brings the typed values back when the user returns (ADR 0034).
 */
const changed = new Map<symbol, string>();

function onBeforeUnload(event: BeforeUnloadEvent): void {
  if (changed.size === 0) return;
  event.preventDefault();
  event.returnValue = '';
}

function onLinkClick(event: MouseEvent): void {
  if (changed.size === 0 || event.defaultPrevented || event.button !== 0) return;
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return; // a new tab leaves nothing
  const link = (event.target as Element | null)?.closest?.('a[href]');
  if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) return;
  if (link.href === window.location.href || link.getAttribute('href')?.startsWith('#main')) return;
  const warning = [...changed.values()][0];
  if (!window.confirm(warning)) event.preventDefault();
}

function install(): void {
  window.addEventListener('beforeunload', onBeforeUnload);
  document.addEventListener('click', onLinkClick, true);
}

function uninstall(): void {
  window.removeEventListener('beforeunload', onBeforeUnload);
  document.removeEventListener('click', onLinkClick, true);
}

/** Warns before leaving while `dirty`; `warning` is the question asked (in the page's language). */
export function useLeaveGuard(dirty: boolean, warning: string): void {
  useEffect(() => {
    if (!dirty) return;
    const key = Symbol('changed form');
    if (changed.size === 0) install();
    changed.set(key, warning);
    return () => {
      changed.delete(key);
      if (changed.size === 0) uninstall();
    };
  }, [dirty, warning]);
}
