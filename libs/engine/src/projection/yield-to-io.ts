/**
 * One turn of the event loop for everything else. better-sqlite3 answers synchronously, so a loop
 * that pages through the store with nothing but awaits on settled promises runs in microtasks only:
 * no request, timer or socket is served until it stops. Background loops call this between full
 * pages (a catch-up) so that requests interleave with them page by page.
 */
export function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
