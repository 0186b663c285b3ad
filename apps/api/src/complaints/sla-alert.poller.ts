import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { TransportLimits } from '@crm/config';
import type { ReadModelDb } from '@crm/engine';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { TRANSPORT_LIMITS } from '../runtime';
import { alertsAfter, SLA_ALERTS_TABLE, type SlaAlert } from './sla-alerts.projection';

const logger = new Logger('sla-stream');
const PAGE = 100;

/** One open stream, as the poller sees it. */
export interface AlertSubscriber {
  /** the position of the last alert it was sent (or where it asked to start) */
  readonly after: number;
  readonly open: boolean;
  deliver(alert: SlaAlert): void;
}

/**
 * One poller for every open SLA alert stream: one query per interval reads the alerts after a
 * shared cursor and hands each to every stream that has not had it, so N clients cost one
 * query, not N. A client resuming from an older Last-Event-ID first reads its backlog on its
 * own (a page per tick) and then joins, so it never holds back the others. Ticks run one after
 * another, which is what makes "caught up, then live" free of gaps: the read model only grows,
 * in position order, so a backlog read after the cursor moved covers everything up to it.
 */
@Injectable()
export class SlaAlertPoller implements OnModuleDestroy {
  private readonly live = new Set<AlertSubscriber>();
  private readonly pending = new Set<AlertSubscriber>();
  /** every alert up to here has been handed to every live subscriber; null while idle */
  private cursor: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(TRANSPORT_LIMITS) private readonly limits: TransportLimits,
  ) {}

  /** The subscriber gets every alert after its `after`, from the next tick on. */
  subscribe(subscriber: AlertSubscriber): void {
    if (this.stopped) return;
    this.pending.add(subscriber);
    // an idle poller ticks at once, so the first client does not wait a whole interval
    if (!this.timer) this.schedule(0);
  }

  unsubscribe(subscriber: AlertSubscriber): void {
    this.pending.delete(subscriber);
    this.live.delete(subscriber);
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    try {
      this.cursor ??= await this.latestAlertPosition();
      for (const subscriber of [...this.pending]) await this.catchUp(subscriber, this.cursor);
      this.fanOut(await alertsAfter(this.readModels.db, this.cursor, PAGE));
    } catch (error) {
      logger.warn(`alert poll failed: ${(error as Error).message}`);
    }
    if (this.stopped) return;
    if (this.live.size + this.pending.size === 0) {
      this.timer = null;
      this.cursor = null; // idle: the next client starts from the read model as it is then
      return;
    }
    this.schedule(this.limits.ssePollMs);
  }

  /** Reads one page of a new subscriber's backlog; it goes live once nothing up to the cursor is missing. */
  private async catchUp(subscriber: AlertSubscriber, cursor: number): Promise<void> {
    let caughtUp = subscriber.after >= cursor;
    if (!caughtUp) {
      const page = await alertsAfter(this.readModels.db, subscriber.after, PAGE);
      for (const alert of page) if (subscriber.open) subscriber.deliver(alert);
      caughtUp = page.length < PAGE || subscriber.after >= cursor;
    }
    if (!caughtUp || !this.pending.delete(subscriber)) return;
    if (subscriber.open) this.live.add(subscriber);
  }

  private fanOut(alerts: SlaAlert[]): void {
    for (const alert of alerts) {
      for (const subscriber of this.live) {
        if (subscriber.open && alert.position > subscriber.after) subscriber.deliver(alert);
      }
      this.cursor = alert.position;
    }
  }

  private async latestAlertPosition(): Promise<number> {
    const row = await this.readModels.db
      .selectFrom(SLA_ALERTS_TABLE)
      .select((eb) => eb.fn.max('position').as('latest'))
      .executeTakeFirst();
    return row?.latest === null || row?.latest === undefined ? 0 : Number(row.latest);
  }
}
