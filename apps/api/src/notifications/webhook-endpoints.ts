import type { ReadModelDb } from '@crm/engine';
import type { Kysely } from 'kysely';

export const ENDPOINTS_TABLE = 'webhook_endpoints';

export interface WebhookEndpoint {
  recipient: string;
  url: string;
  secret: string;
  source: 'registry' | 'env';
}

/**
 * Where each recipient's notifications go. Registry rows (PUT /webhooks/:recipient) win over the
 * environment (`WEBHOOK_URL_<RECIPIENT>`, `WEBHOOK_SECRET_<RECIPIENT>`). The registry is operational
 * configuration holding a signing secret, so it lives beside the read models rather than in the
 * event history, where a secret could never be removed.
 */
export class WebhookEndpoints {
  constructor(
    private readonly readModels: ReadModelDb,
    private readonly env: Record<string, string | undefined> = process.env,
  ) {}

  static async migrate(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable(ENDPOINTS_TABLE)
      .ifNotExists()
      .addColumn('recipient', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  }

  async put(recipient: string, url: string, secret: string, by: string, at: Date): Promise<void> {
    const row = { url, secret, updated_by: by, updated_at: at.toISOString() };
    // configuration kept nowhere else, unlike the read models beside it: wait for the disk
    await this.readModels.transaction(
      (trx) => trx.insertInto(ENDPOINTS_TABLE).values({ recipient, ...row }).onConflict((oc) => oc.column('recipient').doUpdateSet(row)).execute(),
      { commit: 'durable' },
    );
  }

  async remove(recipient: string): Promise<boolean> {
    const result = await this.readModels.transaction((trx) => trx.deleteFrom(ENDPOINTS_TABLE).where('recipient', '=', recipient).executeTakeFirst(), {
      commit: 'durable',
    });
    return Number(result.numDeletedRows) > 0;
  }

  async find(recipient: string): Promise<WebhookEndpoint | null> {
    const row = await this.readModels.db.selectFrom(ENDPOINTS_TABLE).select(['url', 'secret']).where('recipient', '=', recipient).executeTakeFirst();
    if (row) return { recipient, url: row.url, secret: row.secret, source: 'registry' };
    return this.fromEnv(recipient);
  }

  /** Every configured recipient, secrets left out (for GET /webhooks). */
  async list(): Promise<Array<{ recipient: string; url: string; source: 'registry' | 'env'; updatedBy?: string; updatedAt?: string }>> {
    const rows = await this.readModels.db.selectFrom(ENDPOINTS_TABLE).select(['recipient', 'url', 'updated_by', 'updated_at']).orderBy('recipient').execute();
    const registry = rows.map((r) => ({ recipient: r.recipient as string, url: r.url as string, source: 'registry' as const, updatedBy: r.updated_by, updatedAt: r.updated_at }));
    const fromEnv = this.envRecipients()
      .filter((recipient) => !registry.some((r) => r.recipient === recipient))
      .map((recipient) => this.fromEnv(recipient))
      .filter((e): e is WebhookEndpoint => e !== null)
      .map(({ recipient, url, source }) => ({ recipient, url, source }));
    return [...registry, ...fromEnv];
  }

  /** Recipients that have an endpoint at all, so the deliverer skips the rest cheaply. */
  async recipients(): Promise<string[]> {
    return (await this.list()).map((e) => e.recipient);
  }

  private envRecipients(): string[] {
    return Object.keys(this.env)
      .filter((k) => k.startsWith('WEBHOOK_URL_') && this.env[k])
      .map((k) => k.slice('WEBHOOK_URL_'.length).toLowerCase());
  }

  private fromEnv(recipient: string): WebhookEndpoint | null {
    const suffix = recipient.toUpperCase();
    const url = this.env[`WEBHOOK_URL_${suffix}`];
    if (!url) return null;
    // one shared secret is allowed for every recipient; a per-recipient one overrides it
    const secret = this.env[`WEBHOOK_SECRET_${suffix}`] ?? this.env.WEBHOOK_SECRET;
    return secret ? { recipient, url, secret, source: 'env' } : null;
  }
}
