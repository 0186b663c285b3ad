import type { LeaderLock, ReadModelDb } from '@crm/engine';
import type { EventStore, StoredEvent } from '@crm/event-store';
import { isPermanentFailure, type Reactor } from './reactor';
import {
  advanceReactorCheckpoint, ensureReactorCheckpoint, migrateReactorTables, readReactorCheckpoint, recordReactorFailure,
} from './reactor-checkpoints';

export interface ReactorRunnerOptions {
  batchSize?: number;
  /** how often an idle leader looks for events appended by other processes */
  idlePollMs?: number;
  /** back-off after a transient failure, and a standby's retry interval */
  retryMs?: number;
  leaseMs?: number;
  /** how long after a local commit an idle leader wakes */
  wakeDelayMs?: number;
  onError?(reactor: string, error: Error, event?: StoredEvent): void;
}

/**
 * Drives reactors over the store's global order from a checkpoint kept in the read-model DB.
 * One process leads each reactor (the engine's leader lock: PG advisory lock / SQLite lease);
 * the checkpoint moves after each event's reaction, so a crash redelivers at most the event in
 * flight: at-least-once delivery, made exactly-once in effect by idempotent commands.
 */
export class ReactorRunner {
  private readonly reactors = new Map<string, Reactor>();
  private readonly options: Required<Omit<ReactorRunnerOptions, 'onError'>> & Pick<ReactorRunnerOptions, 'onError'>;
  private running = false;
  private loops: Promise<void>[] = [];
  private unlisten: (() => void) | null = null;
  private wakers = new Set<() => void>();
  private soon: NodeJS.Timeout | null = null;
  /** an append was signalled since the last idle wait: no wake-up is lost while a step runs */
  private pending = false;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelDb,
    options: ReactorRunnerOptions = {},
  ) {
    this.options = { batchSize: 100, idlePollMs: 250, retryMs: 1000, leaseMs: 5000, wakeDelayMs: 2, ...options };
  }

  register(reactor: Reactor): void {
    if (this.running) throw new Error(`register ${reactor.name} before the runner starts`);
    if (this.reactors.has(reactor.name)) throw new Error(`two reactors are named ${reactor.name}`);
    this.reactors.set(reactor.name, reactor);
  }

  async start(): Promise<void> {
    if (this.running) return;
    await migrateReactorTables(this.readModels);
    for (const name of this.reactors.keys()) await ensureReactorCheckpoint(this.readModels, name);
    this.running = true;
    // the store's data-free commit signal: only each reactor's own step reads the events
    this.unlisten = this.store.onCommitted(() => this.wakeSoon());
    this.loops = [...this.reactors.values()].map((r) => this.lead(r));
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.soon) clearTimeout(this.soon);
    this.soon = null;
    this.wake();
    this.unlisten?.();
    this.unlisten = null;
    await Promise.all(this.loops);
    this.loops = [];
  }

  checkpoint(name: string): Promise<number> {
    return readReactorCheckpoint(this.readModels, name);
  }

  /** Resolves once `name` has reacted to everything up to `position` (tests, read-your-writes). */
  async waitForPosition(name: string, position: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.checkpoint(name)) < position) {
      if (Date.now() >= deadline) throw new Error(`reactor ${name} did not reach position ${position} within ${timeoutMs} ms`);
      this.wake();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /**
   * Reacts to one page after the checkpoint; returns how many events it read. The checkpoint
   * moves after each reaction, and once more at the page's end past the events it does not
   * read: a crash re-reads those (harmless) but redelivers no more than the reaction in flight.
   */
  async step(reactor: Reactor): Promise<number> {
    const from = await this.checkpoint(reactor.name);
    const events = await this.store.readAll({ fromPosition: from, maxCount: this.options.batchSize });
    let reached = from;
    for (const event of events) {
      if (!reactor.eventTypes.includes(event.type)) continue;
      await this.deliver(reactor, event);
      await advanceReactorCheckpoint(this.readModels, reactor.name, (reached = event.position));
    }
    const last = events.at(-1)?.position ?? from;
    if (last > reached) await advanceReactorCheckpoint(this.readModels, reactor.name, last);
    return events.length;
  }

  private async deliver(reactor: Reactor, event: StoredEvent): Promise<void> {
    try {
      await reactor.react(event);
    } catch (error) {
      if (!isPermanentFailure(error)) throw error;
      this.options.onError?.(reactor.name, error as Error, event);
      await recordReactorFailure(this.readModels, reactor.name, event, error as Error);
    }
  }

  private async lead(reactor: Reactor): Promise<void> {
    const lock: LeaderLock = this.readModels.leaderLock(`reactor:${reactor.name}`, this.options.leaseMs);
    let leading = false;
    let renewedAt = 0;
    while (this.running) {
      try {
        if (!leading || Date.now() - renewedAt > this.options.leaseMs / 3) {
          leading = leading ? await lock.renew() : await lock.tryAcquire();
          renewedAt = Date.now();
          if (!leading) {
            await this.sleep(this.options.retryMs);
            continue;
          }
        }
        const read = await this.step(reactor);
        if (read < this.options.batchSize) await this.idle();
      } catch (error) {
        this.options.onError?.(reactor.name, error as Error);
        await this.sleep(this.options.retryMs);
      }
    }
    if (leading) await lock.release();
  }

  /**
   * A local commit: wake on a timer rather than in the committing request's microtasks, so its
   * response is written first and a burst of commits is read as one page.
   */
  private wakeSoon(): void {
    this.pending = true;
    if (this.soon || !this.running) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      this.wake();
    }, this.options.wakeDelayMs);
    this.soon.unref();
  }

  private wake(): void {
    this.pending = true;
    const wakers = [...this.wakers];
    this.wakers.clear();
    wakers.forEach((w) => w());
  }

  private async idle(): Promise<void> {
    if (!this.pending) await this.sleep(this.options.idlePollMs);
    this.pending = false;
  }

  /** `ms`, cut short by a local append or stop(). */
  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }
}
