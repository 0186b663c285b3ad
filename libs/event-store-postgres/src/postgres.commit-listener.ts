import { Client, type Pool } from 'pg';
import { NOTIFY_CHANNEL } from './postgres.sql';

/**
 * Wakes subscriptions when ANY process commits (es_append notifies at commit). It is only an
 * accelerator: if the LISTEN connection fails, subscriptions still find new events by polling.
 */
export class PgCommitListener {
  private readonly listeners = new Set<() => void>();
  private client: Client | null = null;
  private closed = false;

  constructor(private readonly pool: Pool) {}

  add(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.client && !this.closed) void this.start();
    return () => void this.listeners.delete(listener);
  }

  /** In-process commits wake subscribers without waiting for the notification round trip. */
  notifyLocal(): void {
    this.listeners.forEach((listener) => listener());
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
    client.on('notification', () => this.notifyLocal());
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
