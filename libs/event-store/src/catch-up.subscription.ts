import type { EventHandler, ReadAllOptions, StoredEvent, SubscribeOptions, Subscription } from './event-store.port';

const PAGE = 500;

export interface CatchUpSource {
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
  /** registers a callback run after each local commit; returns the unregister function */
  onCommitted(listener: () => void): () => void;
}

/**
 * A catch-up subscription built only on `readAll`: it pages from the checkpoint, and once caught
 * up it sleeps until a commit is signalled (or `pollMs` passes, for commits made by other
 * processes). Because it always asks for "after the last position handled", switching from
 * catch-up to live can neither lose nor repeat an event, provided readAll never exposes a
 * position before all lower positions are committed (each adapter's duty).
 */
export function catchUpSubscription(
  source: CatchUpSource,
  handler: EventHandler,
  options: SubscribeOptions & { pollMs?: number } = {},
): Subscription {
  let position = options.fromPosition ?? 0;
  let running = true;
  let wake: (() => void) | null = null;
  // a commit signalled while a page was being read must not be slept through
  let signalled = false;
  let failure: Error | null = null;
  let waiters: { position: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  const signal = () => {
    signalled = true;
    wake?.();
  };
  const unlisten = source.onCommitted(signal);

  const settleWaiters = () => {
    const due = waiters.filter((w) => w.position <= position);
    waiters = waiters.filter((w) => w.position > position);
    due.forEach((w) => w.resolve());
  };

  const sleep = () =>
    new Promise<void>((resolve) => {
      if (signalled || !running) return resolve();
      const timer = setTimeout(done, options.pollMs ?? 250);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const loop = (async () => {
    while (running) {
      signalled = false;
      const page = await source.readAll({ fromPosition: position, maxCount: PAGE });
      for (const event of page) {
        if (!running) return;
        await handler(event);
        position = event.position;
        settleWaiters();
      }
      if (page.length < PAGE && running) await sleep();
    }
  })().catch((error: Error) => {
    running = false;
    failure = error;
    unlisten();
    waiters.forEach((w) => w.reject(error));
    waiters = [];
    options.onError?.(error);
  });

  return {
    async stop() {
      running = false;
      unlisten();
      wake?.();
      await loop;
    },
    waitFor(target: number, timeoutMs = 10_000) {
      if (target <= position) return Promise.resolve();
      if (failure) return Promise.reject(failure);
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w.resolve !== done);
          reject(new Error(`subscription did not reach position ${target} within ${timeoutMs} ms (at ${position})`));
        }, timeoutMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        waiters.push({ position: target, resolve: done, reject: fail });
        function fail(error: Error) {
          clearTimeout(timer);
          reject(error);
        }
        signal();
      });
    },
  };
}
