/**
 * Signalling for the runner's loops: `fire` wakes idle leaders (a commit happened), `advance`
 * wakes read-your-writes waiters (a checkpoint moved), `halt` cuts every sleep short (stop).
 */
export class Wakeup {
  private readonly idlers = new Set<() => void>();
  private readonly sleepers = new Set<() => void>();
  private readonly waiters = new Set<() => void>();
  private pending = false;
  private halted = false;
  private soon: NodeJS.Timeout | null = null;

  resume(): void {
    this.halted = false;
  }

  halt(): void {
    this.halted = true;
    if (this.soon) clearTimeout(this.soon);
    this.soon = null;
    wakeAll(this.idlers);
    wakeAll(this.sleepers);
  }

  fire(): void {
    this.pending = true;
    wakeAll(this.idlers);
  }

  /**
   * A local commit: idle leaders wake after `delayMs`, on a timer rather than in the committing
   * request's own microtasks, so that request's response is written before projection work
   * takes the thread, and a burst of commits is caught up in one batch. A leader that is busy
   * sees `pending` when it next idles and goes on at once.
   */
  fireSoon(delayMs: number): void {
    this.pending = true;
    if (this.soon || this.halted) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      wakeAll(this.idlers);
    }, delayMs);
    this.soon.unref();
  }

  advance(): void {
    wakeAll(this.waiters);
  }

  /** Until fired or `ms` passed; at once if fired since the last idle (no lost wake-up). */
  async idle(ms: number): Promise<void> {
    if (!this.pending && !this.halted) await wait(this.idlers, ms);
    this.pending = false;
  }

  /** `ms` unless halted (standby, error back-off): commits do not cut it short. */
  async sleep(ms: number): Promise<void> {
    if (!this.halted) await wait(this.sleepers, ms);
  }

  advanced(ms: number): Promise<void> {
    return wait(this.waiters, ms);
  }
}

function wakeAll(set: Set<() => void>): void {
  const wakers = [...set];
  set.clear();
  wakers.forEach((wake) => wake());
}

function wait(set: Set<() => void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      set.delete(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    set.add(done);
  });
}
