import type { EventStore, Subscription } from '@crm/event-store';
import { type Checkpoint, ensureCheckpointRow, readCheckpoint } from './checkpoints';
import { applyBatch, resetProjection } from './projection.batch';
import { ProjectionLagError, UnknownProjectionError } from './projection.errors';
import type { Projection } from './projection';
import type { ReadModelDb } from './read-model.db';
import { Wakeup } from './wakeup';

export interface ProjectionRunnerOptions {
  /** events per transaction */
  batchSize?: number;
  /** how often an idle leader looks for events written by other processes */
  idlePollMs?: number;
  /** how often a standby tries to take a projection over */
  standbyPollMs?: number;
  /** SQLite lease length; a crashed leader is replaced after this long */
  leaseMs?: number;
  onError?(projection: string, error: Error): void;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  leading: boolean;
  lastError: string | null;
}

export interface RebuildProgress {
  name: string;
  position: number;
  target: number;
}

/**
 * Runs projections over the store's global order. Each projection is led by one process at a
 * time (leader lock); the others stand by and take over when the leader goes away.
 */
export class ProjectionRunner {
  private readonly byName = new Map<string, Projection>();
  private readonly statuses = new Map<string, ProjectionStatus>();
  private readonly wakeup = new Wakeup();
  private readonly options: Required<Omit<ProjectionRunnerOptions, 'onError'>> & Pick<ProjectionRunnerOptions, 'onError'>;
  private running = false;
  private loops: Promise<void>[] = [];
  private signal: Subscription | null = null;

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
    this.options = { batchSize: 500, idlePollMs: 250, standbyPollMs: 1000, leaseMs: 5000, ...options };
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
    // a cheap live subscription from the head only to wake idle leaders at once on local commits
    this.signal = this.store.subscribeToAll(() => this.wakeup.fire(), { fromPosition: await this.store.headPosition(), onError: () => undefined });
    this.loops = [...this.byName.values()].map((p) => this.lead(p));
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeup.halt();
    await this.signal?.stop();
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
    const projection = this.projection(name);
    await this.migrate();
    const started = Date.now();
    const target = await this.store.headPosition();
    await resetProjection(this.readModels, projection);
    let position = 0;
    while (position < target) {
      await this.step(projection);
      position = (await readCheckpoint(this.readModels.db, name))?.position ?? 0;
      onProgress?.({ name, position, target });
    }
    return { events: target, ms: Date.now() - started };
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

  private async lead(projection: Projection): Promise<void> {
    const status = this.statuses.get(projection.name) as ProjectionStatus;
    const lock = this.readModels.leaderLock(`projection:${projection.name}`, this.options.leaseMs);
    let renewedAt = 0;
    while (this.running) {
      try {
        if (!status.leading) {
          status.leading = await lock.tryAcquire();
          renewedAt = Date.now();
          if (!status.leading) await this.wakeup.sleep(this.options.standbyPollMs);
          continue;
        }
        if (Date.now() - renewedAt > this.options.leaseMs / 3) {
          status.leading = await lock.renew();
          renewedAt = Date.now();
          if (!status.leading) continue;
        }
        const fetched = await this.step(projection);
        status.lastError = null;
        if (fetched < this.options.batchSize) await this.wakeup.idle(this.options.idlePollMs);
      } catch (error) {
        status.lastError = (error as Error).message;
        this.options.onError?.(projection.name, error as Error);
        await this.wakeup.sleep(this.options.idlePollMs * 4);
      }
    }
    if (status.leading) await lock.release();
    status.leading = false;
  }

  private projection(name: string): Projection {
    const projection = this.byName.get(name);
    if (!projection) throw new UnknownProjectionError(name);
    return projection;
  }
}
