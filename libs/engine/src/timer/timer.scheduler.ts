import { sql } from 'kysely';
import { Wakeup } from '../projection/wakeup';
import type { ReadModelDb } from '../projection/read-model.db';
import type { WorkflowEngine } from '../workflow/workflow.engine';
import type { WorkflowRegistry } from '../workflow/workflow.registry';
import { type DueTimer, fireTimer, type TimerFiring } from './timer-firing';
import { TIMERS_TABLE, timersProjection } from './timers.projection';

export interface Clock {
  now(): Date;
}

export interface TimerSchedulerOptions {
  /** injectable so specs move time without sleeping */
  clock?: Clock;
  /** timers claimed per transaction */
  batchSize?: number;
  /** firings in flight at once (each is its own stream, so they do not conflict) */
  concurrency?: number;
  /** longest sleep between looks at the table (new timers arrive through the projection) */
  pollMs?: number;
  /** a claim by a process that died is taken over after this long */
  claimMs?: number;
  /** fired later than this after its due time counts as late */
  lateAfterMs?: number;
  onFired?(firing: TimerFiring): void;
  onError?(error: Error, timer?: DueTimer): void;
}

interface TimerRow {
  timer_id: string;
  workflow: string;
  instance_id: string;
  key: string;
  due_at: string;
  command: string;
}

/**
 * Fires due timers from the `timers` read model. Pending timers stay in the table: each pass
 * claims the next due batch (PG: FOR UPDATE SKIP LOCKED; SQLite: BEGIN IMMEDIATE), commits the
 * claim, then fires, so any number of schedulers can run and memory does not grow with the
 * number of pending timers. Exactly-once in effect comes from the firing, not the claim.
 */
export class TimerScheduler {
  private readonly clock: Clock;
  private readonly opts: Required<Omit<TimerSchedulerOptions, 'clock' | 'onFired' | 'onError'>>;
  private readonly wakeup = new Wakeup();
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly engine: WorkflowEngine,
    private readonly registry: WorkflowRegistry,
    private readonly readModels: ReadModelDb,
    private readonly options: TimerSchedulerOptions = {},
  ) {
    this.clock = options.clock ?? { now: () => new Date() };
    this.opts = { batchSize: 100, concurrency: 8, pollMs: 250, claimMs: 30_000, lateAfterMs: 1000, ...options };
  }

  async start(): Promise<void> {
    if (this.running) return;
    await this.readModels.ddl((trx) => timersProjection.migrate(trx, this.readModels.dialect));
    this.running = true;
    this.wakeup.resume();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeup.halt();
    await this.loop;
    this.loop = null;
  }

  /** Look again now (e.g. a timer was just scheduled). */
  notify(): void {
    this.wakeup.fire();
  }

  /** One pass: claims and fires every timer due at the clock's now, batch by batch. */
  async runDue(): Promise<TimerFiring[]> {
    const firings: TimerFiring[] = [];
    for (;;) {
      const claimed = await this.claim(this.clock.now());
      if (claimed.length === 0) return firings;
      // claimed in due order; a few workers take whole instances in that order, so one instance's
      // timers fire one after another in due order (a warning and a breach both overdue after a
      // restart must not race on one stream, where the later one would win and refuse the earlier)
      const queues = [...groupByInstance(claimed).values()];
      let next = 0;
      const worker = async () => {
        while (next < queues.length) {
          for (const timer of queues[next++]) {
            const firing = await this.fire(timer);
            if (firing) firings.push(firing);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, queues.length) }, worker));
    }
  }

  /** Earliest due instant among live timers not under a claim, or null when none is pending. */
  async nextDueAt(): Promise<Date | null> {
    const at = this.clock.now().toISOString();
    const row = await this.readModels.db
      .selectFrom(TIMERS_TABLE)
      .select('due_at')
      .where('status', '=', 'scheduled')
      .where((eb) => eb.or([eb('claim_until', 'is', null), eb('claim_until', '<', at)]))
      .orderBy('due_at')
      .limit(1)
      .executeTakeFirst();
    return row ? new Date(row.due_at) : null;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.runDue();
        const next = await this.nextDueAt();
        const wait = next ? next.getTime() - this.clock.now().getTime() : this.opts.pollMs;
        await this.wakeup.idle(Math.max(5, Math.min(this.opts.pollMs, wait)));
      } catch (error) {
        this.options.onError?.(error as Error);
        await this.wakeup.sleep(this.opts.pollMs * 4);
      }
    }
  }

  private async fire(timer: DueTimer): Promise<TimerFiring | null> {
    try {
      const firing = await fireTimer(this.engine, this.registry, timer, this.clock.now(), this.opts.lateAfterMs);
      this.options.onFired?.(firing);
      return firing;
    } catch (error) {
      // left claimed: another pass retries it once the claim lapses, without blocking the queue
      this.options.onError?.(error as Error, timer);
      return null;
    }
  }

  private async claim(now: Date): Promise<DueTimer[]> {
    const owner = this.readModels.owner;
    const at = now.toISOString();
    const until = new Date(now.getTime() + this.opts.claimMs).toISOString();
    const lock = this.readModels.dialect === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
    const rows = await this.readModels.transaction(async (trx) => {
      const result = await sql<TimerRow>`
        UPDATE timers SET claimed_by = ${owner}, claim_until = ${until}
        WHERE timer_id IN (
          SELECT timer_id FROM timers
          WHERE status = 'scheduled' AND due_at <= ${at} AND (claim_until IS NULL OR claim_until < ${at})
          ORDER BY due_at LIMIT ${this.opts.batchSize} ${lock})
        RETURNING timer_id, workflow, instance_id, key, due_at, command`.execute(trx);
      return result.rows;
    });
    return rows
      .sort((a, b) => (a.due_at < b.due_at ? -1 : a.due_at > b.due_at ? 1 : 0))
      .map((r) => ({ timerId: r.timer_id, workflow: r.workflow, instanceId: r.instance_id, key: r.key, dueAt: r.due_at, command: JSON.parse(r.command) }));
  }
}

/** Timers per workflow instance, each list in the claimed (due) order; instances in order of their first due timer. */
function groupByInstance(timers: readonly DueTimer[]): Map<string, DueTimer[]> {
  const byInstance = new Map<string, DueTimer[]>();
  for (const timer of timers) {
    const key = `${timer.workflow}\u0000${timer.instanceId}`;
    const list = byInstance.get(key);
    if (list) list.push(timer);
    else byInstance.set(key, [timer]);
  }
  return byInstance;
}
