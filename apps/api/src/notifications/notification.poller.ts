import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { TransportLimits } from '@crm/config';
import { TRANSPORT_LIMITS } from '../runtime';
import type { InboxItem, NotificationInbox } from './notification-inbox';
import { NOTIFICATION_INBOX } from './notification-stream.tokens';

const logger = new Logger('notification-stream');
const PAGE = 100;

/** One open notification stream, as the poller sees it. */
export interface NotificationSubscriber {
  readonly username: string;
  /** the position of the last notification it was sent (or where it asked to start) */
  readonly after: number;
  readonly open: boolean;
  deliver(item: InboxItem): void;
}

/**
 * One poller for every open notification stream (as the SLA alert poller, ADR 0010): one query
 * per interval reads every person's rows after a shared cursor and hands each to its addressee's
 * streams only. A stream resuming from an older Last-Event-ID first reads its own backlog (its
 * user's rows only, a page per tick), then joins. Ticks run one after another, and the outbox
 * only grows in position order, so "caught up, then live" has no gap.
 */
@Injectable()
export class NotificationPoller implements OnModuleDestroy {
  private readonly live = new Set<NotificationSubscriber>();
  private readonly pending = new Set<NotificationSubscriber>();
  private cursor: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @Inject(NOTIFICATION_INBOX) private readonly inbox: NotificationInbox,
    @Inject(TRANSPORT_LIMITS) private readonly limits: TransportLimits,
  ) {}

  subscribe(subscriber: NotificationSubscriber): void {
    if (this.stopped) return;
    this.pending.add(subscriber);
    if (!this.timer) this.schedule(0); // an idle poller ticks at once
  }

  unsubscribe(subscriber: NotificationSubscriber): void {
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
      this.cursor ??= await this.inbox.latestPosition();
      for (const subscriber of [...this.pending]) await this.catchUp(subscriber, this.cursor);
      this.fanOut(await this.inbox.after(this.cursor, PAGE));
    } catch (error) {
      logger.warn(`notification poll failed: ${(error as Error).message}`);
    }
    if (this.stopped) return;
    if (this.live.size + this.pending.size === 0) {
      this.timer = null;
      this.cursor = null;
      return;
    }
    this.schedule(this.limits.ssePollMs);
  }

  private async catchUp(subscriber: NotificationSubscriber, cursor: number): Promise<void> {
    let caughtUp = subscriber.after >= cursor;
    if (!caughtUp) {
      const page = (await this.inbox.after(subscriber.after, PAGE, subscriber.username)).filter((item) => item.position <= cursor);
      for (const item of page) if (subscriber.open) subscriber.deliver(item);
      caughtUp = page.length < PAGE || subscriber.after >= cursor;
    }
    if (!caughtUp || !this.pending.delete(subscriber)) return;
    if (subscriber.open) this.live.add(subscriber);
  }

  private fanOut(items: Array<InboxItem & { addressee: string }>): void {
    for (const { addressee, ...item } of items) {
      for (const subscriber of this.live) {
        if (subscriber.open && subscriber.username === addressee && item.position > subscriber.after) subscriber.deliver(item);
      }
      this.cursor = item.position;
    }
  }
}
