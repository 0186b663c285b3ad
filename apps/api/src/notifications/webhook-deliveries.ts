import type { ReadModelDialect } from '@crm/engine';
import type { Kysely } from 'kysely';
import { ensureColumns } from '../read-models/ensure-columns';

export const DELIVERIES_TABLE = 'webhook_deliveries';
export const ATTEMPTS_TABLE = 'webhook_delivery_attempts';

/**
 * The deliverer's own state, keyed by delivery id: the outbox row's id for its group's signed
 * webhook (as before other channels existed), `<row id>:<channel>` for every other channel (so
 * `<eventId>:@<user>:email`). Not a projection: it records what happened on the wire, so
 * rebuilding the outbox must not forget that a notification was delivered.
 */
export async function migrateWebhookDeliveries(db: Kysely<any>, dialect: ReadModelDialect): Promise<void> {
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable(DELIVERIES_TABLE)
    .ifNotExists()
    .addColumn('delivery_id', 'text', (c) => c.primaryKey())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('position', big, (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claim_until', 'text')
    .execute();
  await db.schema.createIndex('webhook_deliveries_due').ifNotExists().on(DELIVERIES_TABLE).columns(['status', 'next_attempt_at']).execute();
  await db.schema
    .createTable(ATTEMPTS_TABLE)
    .ifNotExists()
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('attempted_at', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('webhook_delivery_attempts_pk', ['delivery_id', 'attempt'])
    .execute();
  // null: a webhook delivery written before the other channels
  await ensureColumns(db, DELIVERIES_TABLE, [['channel', 'text']]);
}

export interface DeliveryAttempt {
  attempt: number;
  attemptedAt: string;
  url: string;
  statusCode: number | null;
  error: string | null;
}

export async function attemptsOf(db: Kysely<any>, deliveryId: string): Promise<DeliveryAttempt[]> {
  const rows = await db.selectFrom(ATTEMPTS_TABLE).selectAll().where('delivery_id', '=', deliveryId).orderBy('attempt').execute();
  return rows.map((r) => ({ attempt: Number(r.attempt), attemptedAt: r.attempted_at, url: r.url, statusCode: r.status_code === null ? null : Number(r.status_code), error: r.error }));
}

/**
 * What a non-administrator may see of an attempt: when, and whether it got through. URLs, status
 * codes and error texts describe the receiver's network and stay with administrators.
 */
export function redactAttempt(a: DeliveryAttempt): { attempt: number; attemptedAt: string; outcome: 'delivered' | 'failed' } {
  return { attempt: a.attempt, attemptedAt: a.attemptedAt, outcome: a.error === null ? 'delivered' : 'failed' };
}

/** Exponential back-off: base, 2×base, 4×base … capped. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
