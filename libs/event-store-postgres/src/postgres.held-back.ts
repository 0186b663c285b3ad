const FIRST_RETRY_MS = 2;
const LAST_RETRY_MS = 200;

/**
 * Wakes subscribers again after a read stopped below an append still in flight. That append
 * notifies when it commits, but it may also fail, or belong to another process whose notification
 * is slower than its commit: a few short retries, doubling while the hold lasts, cover both.
 */
export class HeldBackRetry {
  private delay = FIRST_RETRY_MS;
  private timer: NodeJS.Timeout | null = null;

  schedule(wake: () => void): void {
    if (this.timer) return;
    const delay = this.delay;
    this.delay = Math.min(this.delay * 2, LAST_RETRY_MS);
    this.timer = setTimeout(() => {
      this.timer = null;
      wake();
    }, delay);
    this.timer.unref();
  }

  /** a read that was not held back: the next hold starts with a short retry again */
  clear(): void {
    this.delay = FIRST_RETRY_MS;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
