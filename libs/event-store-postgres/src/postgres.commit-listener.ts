import { Client, type Pool } from 'pg';
import { NOTIFY_CHANNEL } from './postgres.sql';

const MAX_ECHOES = 1024;

/**
 * Wakes subscriptions when ANY process commits (es_append notifies at commit). It is only an
 * accelerator: if the LISTEN connection fails, subscriptions still find new events by polling.
 */
export class PgCommitListener {
  private readonly listeners = new Set<() => void>();
  /** heads this process signalled itself: their NOTIFY echo would only wake everyone a second time */
  private readonly echoes = new Set<number>();
  private client: Client | null = null;
  private closed = false;

  constructor(private readonly pool: Pool) {}

  add(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.client && !this.closed) void this.start();
    return () => void this.listeners.delete(listener);
  }

  /** In-process commits wake subscribers without waiting for the notification round trip. */
  notifyLocal(head?: number): void {
    if (head !== undefined && this.client) {
      this.echoes.add(head);
      if (this.echoes.size > MAX_ECHOES) this.echoes.delete(this.echoes.values().next().value as number);
    }
    this.wakeAll();
  }

  private wakeAll(): void {
    this.listeners.forEach((listener) => listener());
  }

  private onNotification(payload: string | undefined): void {
    if (this.echoes.delete(Number(payload))) return;
    this.wakeAll();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async start(): Promise<void> {
    const client = new Client(this.pool.options);
    this.client = client;
    client.on('notification', (message) => this.onNotification(message.payload));
    client.on('error', () => this.drop(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
      if (this.closed) await client.end();
    } catch {
      this.drop(client);
    }
  }

  private drop(client: Client): void {
    if (this.client === client) this.client = null;
    void client.end().catch(() => undefined);
  }
}
