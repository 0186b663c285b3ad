import type { EventStore } from '@crm/event-store';

/**
 * Holds the next `count` reads of `streamId` until all of them have arrived, so the racing
 * commands are sure to decide on the same revision (without it, one request could finish before
 * the other starts, and that is no race). Gives up after `ms` rather than hang the test.
 * Returns the function that puts the store back.
 */
export function barrierOnReads(store: EventStore, streamId: string, count: number, ms = 5000): () => void {
  const original = store.readStream.bind(store);
  const waiting: Array<() => void> = [];
  const timers: NodeJS.Timeout[] = [];
  let armed = count;
  store.readStream = async (id, options) => {
    if (id === streamId && armed > 0) {
      armed--;
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length === count) waiting.splice(0).forEach((r) => r());
        else timers.push(setTimeout(resolve, ms));
      });
    }
    return original(id, options);
  };
  return () => {
    timers.forEach(clearTimeout);
    store.readStream = original;
  };
}
