import type { EventStore, StoredEvent } from '@crm/event-store';
import { type Checkpoint, ensureCheckpointRow, readCheckpoint, readCheckpoints } from './checkpoints';
import { applyBatch, applyPage, resetProjection } from './projection.batch';
import { ProjectionLagError, UnknownProjectionError } from './projection.errors';
import type { Projection } from './projection';
import type { ReadModelDb } from './read-model.db';
import { Wakeup } from './wakeup';
import { yieldToIo } from './yield-to-io';

export interface ProjectionRunnerOptions {
  /** events per transaction */
  batchSize?: number;
  /** how often an idle leader looks for events written by other processes */
  idlePollMs?: number;
  /** how often a standby tries to take a projection over */
  standbyPollMs?: number;
  /** SQLite lease length; a crashed leader is replaced after this long */
  leaseMs?: number;
  /** how long after a local commit the leaders wake (the committing request answers first; a burst makes one batch) */
  wakeDelayMs?: number;
  onError?(projection: string, error: Error): void;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  leading: boolean;
  lastError: string | null;
}

/** How far a projection trails the store: events not applied yet, and how long the oldest of them has waited. */
export interface ProjectionLag {
  name: string;
  events: number;
  /** 0 when caught up */
  seconds: number;
}

export interface RebuildProgress {
  name: string;
  position: number;
  target: number;
}

/**
 * Runs projections over the store's global order. Each projection is led by one process at a
 * time (leader lock); the others stand by and take over when the leader goes away. The
 * projections this process leads are driven together: those standing at the same checkpoint
 * share one read of the store and one transaction per page (`applyPage`), each behind its own
 * checkpoint fence. A page that fails for the group is retried one projection at a time, so a
 * failing projection holds back only itself (it then falls behind and pages on its own).
 */
export class ProjectionRunner {
  private readonly byName = new Map<string, Projection>();
  private readonly statuses = new Map<string, ProjectionStatus>();
  private readonly wakeup = new Wakeup();
  private readonly options: Required<Omit<ProjectionRunnerOptions, 'onError'>> & Pick<ProjectionRunnerOptions, 'onError'>;
  /** a projection whose last page failed waits until then before it is tried again */
  private readonly retryAt = new Map<string, number>();
  private running = false;
  private loops: Promise<void>[] = [];
  private unlisten: (() => void) | null = null;

  constructor(
    private readonly store: EventStore,
    readonly readModels: ReadModelDb,
    projections: readonly Projection[],
    options: ProjectionRunnerOptions = {},
  ) {
    for (const p of projections) {
      if (this.byName.has(p.name)) throw new Error(`two projections are named ${p.name}`);
      this.byName.set(p.name, p);
      this.statuses.set(p.name, { name: p.name, version: p.version, leading: false, lastError: null });
    }
    this.options = { batchSize: 500, idlePollMs: 250, standbyPollMs: 1000, leaseMs: 5000, wakeDelayMs: 2, ...options };
  }

  /** Creates the read-model tables; safe to call from every process. */
  async migrate(): Promise<void> {
    for (const p of this.byName.values()) {
      await this.readModels.ddl(async (trx) => {
        await p.migrate(trx, this.readModels.dialect);
        await ensureCheckpointRow(trx, p.name, p.version);
      });
    }
  }

  async start(): Promise<void> {
    if (this.running) return;
    await this.migrate();
    this.running = true;
    this.wakeup.resume();
    // the store's data-free commit signal: only the drive loop's own page reads the events
    this.unlisten = this.store.onCommitted(() => this.wakeup.fireSoon(this.options.wakeDelayMs));
    this.loops = [this.drive(), ...[...this.byName.values()].map((p) => this.holdLeadership(p))];
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeup.halt();
    this.unlisten?.();
    this.unlisten = null;
    await Promise.all(this.loops);
    this.loops = [];
  }

  /** Wake idle leaders now (e.g. right after this process appended). */
  notify(): void {
    this.wakeup.fire();
  }

  status(): ProjectionStatus[] {
    return [...this.statuses.values()].map((s) => ({ ...s }));
  }

  /**
   * Every projection's lag as of now, whoever leads it (read from the shared checkpoints, so any
   * replica answers for all). One read of the store per distinct checkpoint that trails the head.
   */
  async lag(now: Date = new Date()): Promise<ProjectionLag[]> {
    const head = await this.store.headPosition();
    const checkpoints = await readCheckpoints(this.readModels.db, [...this.byName.keys()]);
    const positions = [...this.byName.keys()].map((name) => ({ name, position: checkpoints.get(name)?.position ?? 0 }));
    const waitingSince = new Map<number, number>();
    for (const { position } of positions) {
      if (position >= head || waitingSince.has(position)) continue;
      const [next] = await this.store.readAll({ fromPosition: position, maxCount: 1 });
      waitingSince.set(position, next ? Date.parse(next.recordedAt) : now.getTime());
    }
    return positions.map(({ name, position }) => {
      const since = waitingSince.get(position);
      return { name, events: Math.max(0, head - position), seconds: since === undefined ? 0 : Math.max(0, (now.getTime() - since) / 1000) };
    });
  }

  checkpoint(name: string): Promise<Checkpoint | null> {
    this.projection(name);
    return readCheckpoint(this.readModels.db, name);
  }

  /** Read-your-writes: resolves once `name` has applied `position`, else throws ProjectionLagError. */
  async waitForPosition(name: string, position: number, timeoutMs = 5000): Promise<number> {
    this.projection(name);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const reached = (await readCheckpoint(this.readModels.db, name))?.position ?? 0;
      if (reached >= position) return reached;
      if (Date.now() >= deadline) throw new ProjectionLagError(name, position, reached, timeoutMs);
      this.wakeup.fire();
      await this.wakeup.advanced(Math.min(25, Math.max(1, deadline - Date.now())));
    }
  }

  /**
   * Throws the read model away and replays the store from position zero. Drives the batches
   * itself (the checkpoint fence keeps a concurrently running leader harmless) and reports progress.
   */
  async rebuild(name: string, onProgress?: (progress: RebuildProgress) => void): Promise<{ events: number; ms: number }> {
    const { events, ms, failed } = await this.rebuildAll([name], onProgress);
    const error = failed.get(name);
    if (error) throw error;
    return { events, ms };
  }

  /**
   * Rebuilds several read models in one pass over the store: each is reset, then every page is
   * read once and applied to all of them in one transaction (`applyPage`, each behind its own
   * fence). A page one of them fails is applied to each alone, so the failing one alone stops
   * and its error is reported; the others finish.
   */
  async rebuildAll(names: readonly string[], onProgress?: (progress: RebuildProgress) => void): Promise<{ events: number; ms: number; failed: Map<string, Error> }> {
    const projections = names.map((name) => this.projection(name));
    await this.migrate();
    const started = Date.now();
    const target = await this.store.headPosition();
    for (const projection of projections) await resetProjection(this.readModels, projection);
    const failed = new Map<string, Error>();
    let position = 0;
    while (position < target) {
      const events = await this.store.readAll({ fromPosition: position, maxCount: this.options.batchSize });
      if (events.length === 0) break;
      const going = projections.filter((p) => !failed.has(p.name));
      if (going.length === 0) break;
      await applyPage(this.readModels, going, events, position).catch(async () => {
        for (const projection of going) {
          await applyBatch(this.readModels, projection, events, position).catch((error: Error) => void failed.set(projection.name, error));
        }
      });
      position = events[events.length - 1].position;
      onProgress?.({ name: names.join(', '), position, target });
    }
    return { events: target, ms: Date.now() - started, failed };
  }

  /** Processes until the checkpoint reaches the store's head as of now (tests, CLI, start-up). */
  async catchUp(name: string): Promise<number> {
    const projection = this.projection(name);
    const target = await this.store.headPosition();
    let position = (await readCheckpoint(this.readModels.db, name))?.position ?? 0;
    while (position < target) {
      await this.step(projection);
      position = (await readCheckpoint(this.readModels.db, name))?.position ?? 0;
    }
    return position;
  }

  /** One batch: version check (rebuild on bump), fetch after the checkpoint, apply under the fence. */
  private async step(projection: Projection): Promise<number> {
    const checkpoint = await readCheckpoint(this.readModels.db, projection.name);
    if (!checkpoint || checkpoint.version < projection.version) {
      await this.readModels.ddl((trx) => ensureCheckpointRow(trx, projection.name, projection.version));
      await resetProjection(this.readModels, projection);
      return 1;
    }
    // a newer deployment owns this read model: leave it alone
    if (checkpoint.version > projection.version) return 0;
    const events = await this.store.readAll({ fromPosition: checkpoint.position, maxCount: this.options.batchSize });
    const applied = await applyBatch(this.readModels, projection, events, checkpoint.position);
    if (applied > 0) this.wakeup.advance();
    return events.length;
  }

  /** Takes the projection's leader lock when free and keeps renewing it; the drive loop does the work. */
  private async holdLeadership(projection: Projection): Promise<void> {
    const status = this.statuses.get(projection.name) as ProjectionStatus;
    const lock = this.readModels.leaderLock(`projection:${projection.name}`, this.options.leaseMs);
    while (this.running) {
      try {
        if (status.leading) {
          await this.wakeup.sleep(this.options.leaseMs / 3);
          if (this.running) status.leading = await lock.renew();
          continue;
        }
        status.leading = await lock.tryAcquire();
        if (status.leading) this.wakeup.fire();
        else await this.wakeup.sleep(this.options.standbyPollMs);
      } catch (error) {
        this.failed(projection, error as Error);
        await this.wakeup.sleep(this.options.idlePollMs * 4);
      }
    }
    if (status.leading) await lock.release();
    status.leading = false;
  }

  /** Pages through the store for every projection this process leads, until stopped. */
  private async drive(): Promise<void> {
    while (this.running) {
      const now = Date.now();
      const led = [...this.byName.values()].filter((p) => this.statuses.get(p.name)?.leading && (this.retryAt.get(p.name) ?? 0) <= now);
      let fetched = 0;
      try {
        if (led.length > 0) fetched = await this.stepLed(led);
      } catch (error) {
        // the store or the checkpoint table failed, not one projection: every one waits
        led.forEach((p) => this.failed(p, error as Error));
      }
      if (fetched < this.options.batchSize) await this.wakeup.idle(this.options.idlePollMs);
      else await yieldToIo();
    }
  }

  /**
   * One page for each distinct checkpoint among `led` (normally all stand at the same one, so
   * one read and one transaction); a version bump resets that projection first. Returns the
   * size of the largest page read.
   */
  private async stepLed(led: readonly Projection[]): Promise<number> {
    const checkpoints = await readCheckpoints(this.readModels.db, led.map((p) => p.name));
    const groups = new Map<number, Projection[]>();
    let fetched = 0;
    for (const projection of led) {
      const checkpoint = checkpoints.get(projection.name);
      if (!checkpoint || checkpoint.version < projection.version) {
        fetched = Math.max(fetched, await this.attempt(projection, () => this.step(projection)));
      } else if (checkpoint.version === projection.version) {
        const group = groups.get(checkpoint.position) ?? [];
        groups.set(checkpoint.position, [...group, projection]);
      }
      // a newer deployment owns a read model of a higher version: leave it alone
    }
    for (const [from, group] of groups) {
      const events = await this.store.readAll({ fromPosition: from, maxCount: this.options.batchSize });
      fetched = Math.max(fetched, events.length);
      if (events.length > 0) await this.applyGroup(group, events, from);
    }
    return fetched;
  }

  private async applyGroup(group: readonly Projection[], events: readonly StoredEvent[], from: number): Promise<void> {
    let moved = false;
    try {
      const applied = await applyPage(this.readModels, group, events, from);
      group.forEach((p) => this.succeeded(p));
      moved = applied.size > 0;
    } catch (error) {
      if (group.length === 1) return this.failed(group[0], error as Error);
      for (const projection of group) {
        moved = (await this.attempt(projection, () => applyBatch(this.readModels, projection, events, from))) > 0 || moved;
      }
    }
    if (moved) this.wakeup.advance();
  }

  /** Runs one projection's work alone, recording its failure instead of throwing. */
  private async attempt(projection: Projection, work: () => Promise<number>): Promise<number> {
    try {
      const result = await work();
      this.succeeded(projection);
      return result;
    } catch (error) {
      this.failed(projection, error as Error);
      return 0;
    }
  }

  private succeeded(projection: Projection): void {
    (this.statuses.get(projection.name) as ProjectionStatus).lastError = null;
    this.retryAt.delete(projection.name);
  }

  private failed(projection: Projection, error: Error): void {
    (this.statuses.get(projection.name) as ProjectionStatus).lastError = error.message;
    this.retryAt.set(projection.name, Date.now() + this.options.idlePollMs * 4);
    this.options.onError?.(projection.name, error);
  }

  private projection(name: string): Projection {
    const projection = this.byName.get(name);
    if (!projection) throw new UnknownProjectionError(name);
    return projection;
  }
}
