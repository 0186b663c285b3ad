import type { ReadModelDb } from '@crm/engine';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { ChannelName, DeliveryItem, SendResult } from './delivery-channel';
import { ATTEMPTS_TABLE, backoffMs, DELIVERIES_TABLE } from './webhook-deliveries';

export interface LedgerOptions {
  clock: { now(): Date };
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
  claimMs: number;
}

export type DeliveryOutcome = { deliveryId: string; channel: ChannelName; attempt: number; delivered: boolean; statusCode: number | null; error: string | null };

/**
 * Joins the ledger row of a delivery (`d`) onto outbox rows (`o`): on the row id itself for
 * webhooks, on `<row id>:<channel>` for the others (a literal suffix of our own, never input).
 */
export function joinDelivery(channel: ChannelName) {
  const id = channel === 'webhook' ? sql.ref('o.notification_id') : sql`o.notification_id || ${sql.lit(`:${channel}`)}`;
  return (join: any) => join.on('d.delivery_id', '=', id);
}

/** Never attempted, or pending, due again and not claimed by a live process. */
export function isDue(now: string) {
  return (eb: ExpressionBuilder<any, any>) =>
    eb.or([
      eb('d.delivery_id', 'is', null),
      eb.and([eb('d.status', '=', 'pending'), eb('d.next_attempt_at', '<=', now), eb.or([eb('d.claim_until', 'is', null), eb('d.claim_until', '<', now)])]),
    ]);
}

/**
 * The outbox's delivery state for every channel: a claim before each send (several replicas:
 * at-least-once, receivers dedupe on the delivery id), every attempt recorded, exponential
 * back-off on the injected clock, `failed` after the last attempt, left for an operator.
 */
export class DeliveryLedger {
  constructor(
    private readonly readModels: ReadModelDb,
    private readonly opts: LedgerOptions,
  ) {}

  async claim(item: DeliveryItem): Promise<boolean> {
    const now = this.opts.clock.now();
    const at = now.toISOString();
    const until = new Date(now.getTime() + this.opts.claimMs).toISOString();
    return this.readModels.transaction(async (trx) => {
      await trx
        .insertInto(DELIVERIES_TABLE)
        .values({ delivery_id: item.deliveryId, recipient: item.row.recipient, channel: item.channel, status: 'pending', attempts: 0, next_attempt_at: at, position: item.row.position })
        .onConflict((oc) => oc.column('delivery_id').doNothing())
        .execute();
      const claimed = await trx
        .updateTable(DELIVERIES_TABLE)
        .set({ claimed_by: this.readModels.owner, claim_until: until })
        .where('delivery_id', '=', item.deliveryId)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', at)
        .where((eb) => eb.or([eb('claim_until', 'is', null), eb('claim_until', '<', at)]))
        .executeTakeFirst();
      return Number(claimed.numUpdatedRows) === 1;
    });
  }

  /** Whether a pending delivery's retry is due now (on the status/next-attempt index). */
  async retryDue(now: string): Promise<boolean> {
    const row = await this.readModels.db
      .selectFrom(DELIVERIES_TABLE)
      .select('delivery_id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async record(item: DeliveryItem, result: SendResult): Promise<DeliveryOutcome> {
    const now = this.opts.clock.now();
    return this.readModels.transaction(async (trx) => {
      const current = await trx.selectFrom(DELIVERIES_TABLE).select('attempts').where('delivery_id', '=', item.deliveryId).executeTakeFirstOrThrow();
      const attempt = Number(current.attempts) + 1;
      await trx
        .insertInto(ATTEMPTS_TABLE)
        .values({ delivery_id: item.deliveryId, attempt, attempted_at: now.toISOString(), url: result.recordedUrl, status_code: result.statusCode, error: result.error })
        .execute();
      await this.settle(trx, item.deliveryId, attempt, result, now);
      return { deliveryId: item.deliveryId, channel: item.channel, attempt, delivered: result.error === null, statusCode: result.statusCode, error: result.error };
    });
  }

  private async settle(trx: Kysely<any>, deliveryId: string, attempt: number, result: SendResult, now: Date): Promise<void> {
    const delivered = result.error === null;
    const exhausted = !delivered && attempt >= this.opts.maxAttempts;
    const next = new Date(now.getTime() + backoffMs(attempt, this.opts.baseDelayMs, this.opts.maxDelayMs)).toISOString();
    await trx
      .updateTable(DELIVERIES_TABLE)
      .set({
        status: delivered ? 'delivered' : exhausted ? 'failed' : 'pending',
        attempts: attempt,
        next_attempt_at: delivered || exhausted ? now.toISOString() : next,
        last_status_code: result.statusCode,
        last_error: result.error,
        delivered_at: delivered ? now.toISOString() : null,
        claimed_by: null,
        claim_until: null,
      })
      .where('delivery_id', '=', deliveryId)
      .execute();
  }
}
