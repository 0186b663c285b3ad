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

  resume(): void {
    this.halted = false;
  }

  halt(): void {
    this.halted = true;
    wakeAll(this.idlers);
    wakeAll(this.sleepers);
  }

  fire(): void {
    this.pending = true;
    wakeAll(this.idlers);
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
