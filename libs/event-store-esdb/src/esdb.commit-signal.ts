import { type AllStreamSubscription, END, type EventStoreDBClient, excludeSystemEvents } from '@eventstore/db-client';

/**
 * Wakes catch-up subscriptions when anyone (any replica) appends: one live ESDB subscription to
 * $all from the end, shared by every listener. It carries no data on purpose: delivery always
 * comes from readAll after the last handled position, so a missed or duplicated wake-up can
 * neither lose nor repeat an event (the poll interval covers a dropped live subscription).
 */
export class EsdbCommitSignal {
  private readonly listeners = new Set<() => void>();
  private live: AllStreamSubscription | null = null;

  constructor(private readonly client: EventStoreDBClient) {}

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    this.ensureLive();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopLive();
    };
  }

  /** Called after this process's own appends, so local subscribers do not wait for the round trip. */
  notify(): void {
    this.listeners.forEach((listener) => listener());
  }

  close(): void {
    this.listeners.clear();
    this.stopLive();
  }

  private ensureLive(): void {
    if (this.live) return;
    const live = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    live.on('data', () => this.notify());
    // the store went away: forget the subscription; polling continues and readAll reports the failure
    live.on('error', () => {
      if (this.live === live) this.live = null;
    });
    this.live = live;
  }

  private stopLive(): void {
    const live = this.live;
    this.live = null;
    live?.unsubscribe().catch(() => undefined);
  }
}
