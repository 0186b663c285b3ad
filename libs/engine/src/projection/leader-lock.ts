import { Client, type Pool } from 'pg';
import type { ReadModelDb } from './read-model.db';

/**
 * Who runs a projection. Only an efficiency device: the checkpoint fence in each batch
 * transaction keeps effects exactly-once even if two processes briefly both believe they lead.
 */
export interface LeaderLock {
  readonly name: string;
  tryAcquire(): Promise<boolean>;
  /** keeps the role alive; false means it was lost (stop working, stand by) */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

const LOCK_NAMESPACE = 7305;

/**
 * PostgreSQL: session advisory locks held by one dedicated connection per process. If the
 * process dies, the server ends the session and another instance gets the lock at once.
 * Every projection's lock shares that connection and they acquire and renew independently, so
 * their statements queue here: a pg Client must not be handed a query while it runs another.
 */
export class PgAdvisoryLocks {
  private client: Client | null = null;
  private connecting: Promise<Client> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly pool: Pool) {}

  lock(name: string): LeaderLock {
    return {
      name,
      tryAcquire: () => this.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [LOCK_NAMESPACE, name]).then((r) => r === true),
      renew: () => this.query('SELECT true AS ok', []).then((r) => r === true, () => false),
      release: async () => {
        if (this.client) await this.query('SELECT pg_advisory_unlock($1, hashtext($2)) AS ok', [LOCK_NAMESPACE, name]).catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private query(text: string, values: unknown[]): Promise<boolean> {
    const next = this.queue.then(() => this.run(text, values));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async run(text: string, values: unknown[]): Promise<boolean> {
    const client = await this.connection();
    try {
      const result = await client.query(text, values);
      return result.rows[0]?.ok === true;
    } catch (error) {
      this.drop(client);
      throw error;
    }
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    this.connecting ??= (async () => {
      const client = new Client((this.pool as unknown as { options: object }).options);
      // a dropped session has released every lock it held: forget it and report the roles lost
      client.on('error', () => this.drop(client));
      client.on('end', () => this.drop(client));
      await client.connect();
      this.client = client;
      return client;
    })().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private drop(client: Client): void {
    if (this.client === client) this.client = null;
    client.end().catch(() => undefined);
  }
}

/** SQLite: a lease row renewed by the holder; a crashed holder's lease expires after `leaseMs`. */
export class SqliteLease implements LeaderLock {
  constructor(
    private readonly readModels: ReadModelDb,
    readonly name: string,
    private readonly leaseMs: number,
  ) {}

  tryAcquire(): Promise<boolean> {
    return this.readModels.transaction(async (trx) => {
      const now = Date.now();
      const row = await trx.selectFrom('projection_leases').select(['owner', 'expires_at']).where('name', '=', this.name).executeTakeFirst();
      if (row && row.owner !== this.readModels.owner && Number(row.expires_at) > now) return false;
      await trx
        .insertInto('projection_leases')
        .values({ name: this.name, owner: this.readModels.owner, expires_at: now + this.leaseMs })
        .onConflict((oc) => oc.column('name').doUpdateSet({ owner: this.readModels.owner, expires_at: now + this.leaseMs }))
        .execute();
      return true;
    });
  }

  async renew(): Promise<boolean> {
    const result = await this.readModels.transaction((trx) =>
      trx
        .updateTable('projection_leases')
        .set({ expires_at: Date.now() + this.leaseMs })
        .where('name', '=', this.name)
        .where('owner', '=', this.readModels.owner)
        .executeTakeFirst(),
    );
    return Number(result.numUpdatedRows) === 1;
  }

  async release(): Promise<void> {
    await this.readModels
      .transaction((trx) => trx.deleteFrom('projection_leases').where('name', '=', this.name).where('owner', '=', this.readModels.owner).execute())
      .catch(() => undefined);
  }
}
