import { type LeaderLock, type ReadModelDb, yieldToIo } from '@crm/engine';
import type { EventStore, StoredEvent } from '@crm/event-store';
import { isPermanentFailure, type Reactor } from './reactor';
import {
  advanceReactorCheckpoint, ensureReactorCheckpoint, migrateReactorTables, readReactorCheckpoint, recordReactorFailure,
} from './reactor-checkpoints';

/** past events a reactor does not react to, its checkpoint is stored at most this often */
const CHECKPOINT_EVERY = 1000;
const CHECKPOINT_MS = 1000;
const MAX_SHARED_PAGES = 64;

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
  /** where each reactor this process leads stands; the stored checkpoint may lag it (see step) */
  private readonly reached = new Map<string, { position: number; stored: number; storedAt: number }>();
  /**
   * Reactors standing at the same checkpoint read one page together: one read per page for all,
   * not one each. Dropped at every commit signal, so a page read before new events is not served
   * after them (a page served late would still be a correct prefix, only a short one).
   */
  private readonly pages = new Map<number, Promise<StoredEvent[]>>();

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
    this.unlisten = this.store.onCommitted(() => {
      this.pages.clear();
      this.wakeSoon();
    });
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

  /** How far `name` has reacted: this process's own position while it leads, else the stored checkpoint. */
  async checkpoint(name: string): Promise<number> {
    const stored = await readReactorCheckpoint(this.readModels, name);
    return Math.max(stored, this.reached.get(name)?.position ?? 0);
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
   * Reacts to one page after its position; returns how many events it read. The checkpoint is
   * stored after each reaction, so a crash redelivers no more than the reaction in flight. Past
   * events it does not react to, it is stored only every CHECKPOINT_EVERY events or
   * CHECKPOINT_MS: a crash then re-reads those, harmlessly, instead of every page of every
   * reactor costing a write.
   */
  async step(reactor: Reactor): Promise<number> {
    const state = this.reached.get(reactor.name) ?? (await this.startFromStored(reactor.name));
    const from = state.position;
    const events = await this.page(from);
    for (const event of events) {
      if (!reactor.eventTypes.includes(event.type)) continue;
      await this.deliver(reactor, event);
      await advanceReactorCheckpoint(this.readModels, reactor.name, event.position);
      Object.assign(state, { position: event.position, stored: event.position, storedAt: Date.now() });
    }
    const last = events.at(-1)?.position ?? from;
    if (last > state.position) state.position = last;
    if (state.position > state.stored && (state.position - state.stored >= CHECKPOINT_EVERY || Date.now() - state.storedAt >= CHECKPOINT_MS)) {
      await this.storeCheckpoint(reactor.name, state);
    }
    return events.length;
  }

  private async startFromStored(name: string): Promise<{ position: number; stored: number; storedAt: number }> {
    const stored = await readReactorCheckpoint(this.readModels, name);
    const state = { position: stored, stored, storedAt: Date.now() };
    this.reached.set(name, state);
    return state;
  }

  private async storeCheckpoint(name: string, state: { position: number; stored: number; storedAt: number }): Promise<void> {
    await advanceReactorCheckpoint(this.readModels, name, state.position);
    state.stored = state.position;
    state.storedAt = Date.now();
  }

  private page(from: number): Promise<StoredEvent[]> {
    let page = this.pages.get(from);
    if (!page) {
      page = this.store.readAll({ fromPosition: from, maxCount: this.options.batchSize });
      page.catch(() => this.pages.delete(from));
      if (this.pages.size >= MAX_SHARED_PAGES) this.pages.clear();
      this.pages.set(from, page);
    }
    return page;
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
            // another process leads it now: its own position is the one that counts
            this.reached.delete(reactor.name);
            await this.sleep(this.options.retryMs);
            continue;
          }
        }
        const read = await this.step(reactor);
        if (read < this.options.batchSize) await this.idle();
        else await yieldToIo();
      } catch (error) {
        this.options.onError?.(reactor.name, error as Error);
        await this.sleep(this.options.retryMs);
      }
    }
    const state = this.reached.get(reactor.name);
    if (leading && state && state.position > state.stored) await this.storeCheckpoint(reactor.name, state).catch(() => undefined);
    this.reached.delete(reactor.name);
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
