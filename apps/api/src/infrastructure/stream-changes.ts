import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@crm/event-store';

const PAGE = 500;
/** SQLite does not signal other processes' commits: this often a caught-up feed looks again anyway */
const STREAM_CHANGES_POLL_MS = 250;

/**
 * Which of the watched streams (users, the calendar, the complaint policy) changed, for caches
 * that serve every request from memory and must still honour another replica's write (ADR 0031).
 *
 * The feed follows the store's global order from the head at start. It reads nothing until a
 * commit is signalled (the store's `onCommitted`: local commits at once, other processes' through
 * PostgreSQL NOTIFY or EventStoreDB's live $all, and every `pollMs` for SQLite's); the next caller
 * then waits for one catch-up (shared by every caller) before it is answered. A cache entry keeps
 * the feed position it was read at (`stamp`) and is stale once its stream changed after it.
 */
@Injectable()
export class StreamChanges implements OnModuleDestroy {
  private position: number | null = null;
  private readonly changedAt = new Map<string, number>();
  private readonly watched: Array<(streamId: string) => boolean> = [];
  private signalled = true;
  private catching: Promise<void> | null = null;
  private listening: { unlisten: () => void; poll: NodeJS.Timeout } | null = null;
  private closed = false;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Streams whose changes are remembered (only these: the map stays as small as the users). */
  watch(streams: (streamId: string) => boolean): void {
    this.watched.push(streams);
  }

  /** The position a cache entry read after this call is valid from. */
  async stamp(): Promise<number> {
    await this.fresh();
    return this.position ?? 0;
  }

  /** Whether `streamId` changed after an entry stamped at `stamp`, with every signalled commit caught up first. */
  async changedSince(streamId: string, stamp: number): Promise<boolean> {
    await this.fresh();
    return (this.changedAt.get(streamId) ?? 0) > stamp;
  }

  onModuleDestroy(): void {
    // a request still in flight at shutdown asks the store each time rather than listening again
    this.closed = true;
    this.listening?.unlisten();
    if (this.listening) clearInterval(this.listening.poll);
    this.listening = null;
  }

  /** Started by the first question, so a service built outside Nest (the CLI, a unit test) costs nothing until used. */
  private listen(): void {
    const unlisten = this.store.onCommitted(() => void (this.signalled = true));
    const poll = setInterval(() => void (this.signalled = true), STREAM_CHANGES_POLL_MS);
    poll.unref();
    this.listening = { unlisten, poll };
  }

  private async fresh(): Promise<void> {
    if (this.closed) this.signalled = true;
    else if (!this.listening) this.listen();
    if (!this.signalled) return;
    // a catch-up in flight may have begun before this signal: wait for it, then for one begun after
    if (this.catching) await this.catching;
    if (!this.signalled) return;
    this.catching ??= this.catchUp().finally(() => (this.catching = null));
    await this.catching;
  }

  private async catchUp(): Promise<void> {
    this.signalled = false;
    try {
      // nothing before the start matters: every cache entry is read, and stamped, after it
      this.position ??= await this.store.headPosition();
      for (let page = await this.page(this.position); ; page = await this.page(this.position)) {
        for (const event of page) {
          if (this.watched.some((watched) => watched(event.streamId))) this.changedAt.set(event.streamId, event.position);
        }
        this.position = page.at(-1)?.position ?? this.position;
        if (page.length < PAGE) return;
      }
    } catch (error) {
      // the store failed mid-way: the next caller tries again rather than trusting what is cached
      this.signalled = true;
      throw error;
    }
  }

  private page(from: number) {
    return this.store.readAll({ fromPosition: from, maxCount: PAGE });
  }
}
