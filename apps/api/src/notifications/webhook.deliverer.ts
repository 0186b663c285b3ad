import type { ReadModelDb } from '@crm/engine';
import { allowedClasses } from './outbound-address';
import { type Lookup, postTo, vetDestination } from './outbound-request';
import { OUTBOX_TABLE } from './notification-outbox.projection';
import { ATTEMPTS_TABLE, backoffMs, DELIVERIES_TABLE, migrateWebhookDeliveries } from './webhook-deliveries';
import type { WebhookEndpoint, WebhookEndpoints } from './webhook-endpoints';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature';

export interface WebhookDelivererOptions {
  clock?: { now(): Date };
  /** first retry after this long; then doubling */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** after this many failed attempts the delivery is marked failed and left for an operator */
  maxAttempts?: number;
  /** deliveries per pass */
  batchSize?: number;
  /** a claim by a process that died is taken over after this long */
  claimMs?: number;
  requestTimeoutMs?: number;
  /** non-public destinations allowed besides public ones (WEBHOOK_ALLOW_PRIVATE_HOSTS); default none */
  allowPrivateHosts?: 'none' | 'loopback';
  /** name resolution at send time (tests substitute a resolver) */
  lookup?: Lookup;
}

export interface OutboxNotification {
  notification_id: string;
  event_id: string;
  position: number | string;
  recipient: string;
  addressee: string | null;
  event_type: string;
  stream_id: string;
  occurred_at: string;
  payload: string;
}

export type DeliveryOutcome = { deliveryId: string; attempt: number; delivered: boolean; statusCode: number | null; error: string | null };

/**
 * Delivers outbox rows to each recipient's webhook, signed with HMAC-SHA256, retried with
 * exponential back-off on the injected clock, every attempt recorded. Generic: any context whose
 * events carry `data.notify` is delivered; nothing here knows customers. Safe with several
 * replicas: a delivery is claimed before it is sent (at-least-once; receivers dedupe on the
 * `X-CRM-Delivery` header).
 */
export class WebhookDeliverer {
  private readonly clock: { now(): Date };
  private readonly opts: Required<Omit<WebhookDelivererOptions, 'clock' | 'lookup'>>;
  private readonly lookup: Lookup | undefined;
  private running: Promise<DeliveryOutcome[]> = Promise.resolve([]);

  constructor(
    private readonly readModels: ReadModelDb,
    private readonly endpoints: WebhookEndpoints,
    options: WebhookDelivererOptions = {},
  ) {
    this.clock = options.clock ?? { now: () => new Date() };
    this.lookup = options.lookup;
    const defaults = { baseDelayMs: 10_000, maxDelayMs: 3_600_000, maxAttempts: 10, batchSize: 50, claimMs: 60_000, requestTimeoutMs: 10_000 };
    this.opts = { ...defaults, allowPrivateHosts: 'none', ...options };
  }

  async migrate(): Promise<void> {
    await this.readModels.ddl((trx) => migrateWebhookDeliveries(trx, this.readModels.dialect));
  }

  /** One pass over everything due now; passes in this process never overlap. */
  runDue(): Promise<DeliveryOutcome[]> {
    const next = this.running.catch(() => []).then(() => this.pass());
    this.running = next;
    return next;
  }

  /** Resolves once the pass in flight (if any) has finished (shutdown). */
  async idle(): Promise<void> {
    await this.running.catch(() => undefined);
  }

  private async pass(): Promise<DeliveryOutcome[]> {
    const recipients = await this.endpoints.recipients();
    if (recipients.length === 0) return [];
    const outcomes: DeliveryOutcome[] = [];
    for (const row of await this.due(recipients)) {
      const endpoint = await this.endpoints.find(row.recipient);
      if (!endpoint || !(await this.claim(row))) continue;
      outcomes.push(await this.deliver(row, endpoint));
    }
    return outcomes;
  }

  private async due(recipients: string[]): Promise<OutboxNotification[]> {
    const now = this.clock.now().toISOString();
    return this.readModels.db
      .selectFrom(`${OUTBOX_TABLE} as o`)
      .leftJoin(`${DELIVERIES_TABLE} as d`, 'd.delivery_id', 'o.notification_id')
      .selectAll('o')
      .where('o.recipient', 'in', recipients)
      .where((eb) =>
        eb.or([
          eb('d.delivery_id', 'is', null),
          eb.and([eb('d.status', '=', 'pending'), eb('d.next_attempt_at', '<=', now), eb.or([eb('d.claim_until', 'is', null), eb('d.claim_until', '<', now)])]),
        ]),
      )
      .orderBy('o.position')
      .limit(this.opts.batchSize)
      .execute() as Promise<OutboxNotification[]>;
  }

  private async claim(row: OutboxNotification): Promise<boolean> {
    const now = this.clock.now();
    const at = now.toISOString();
    const until = new Date(now.getTime() + this.opts.claimMs).toISOString();
    return this.readModels.transaction(async (trx) => {
      await trx
        .insertInto(DELIVERIES_TABLE)
        .values({ delivery_id: row.notification_id, recipient: row.recipient, status: 'pending', attempts: 0, next_attempt_at: at, position: row.position })
        .onConflict((oc) => oc.column('delivery_id').doNothing())
        .execute();
      const claimed = await trx
        .updateTable(DELIVERIES_TABLE)
        .set({ claimed_by: this.readModels.owner, claim_until: until })
        .where('delivery_id', '=', row.notification_id)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', at)
        .where((eb) => eb.or([eb('claim_until', 'is', null), eb('claim_until', '<', at)]))
        .executeTakeFirst();
      return Number(claimed.numUpdatedRows) === 1;
    });
  }

  private async deliver(row: OutboxNotification, endpoint: WebhookEndpoint): Promise<DeliveryOutcome> {
    const body = JSON.stringify(bodyOf(row));
    const timestamp = this.clock.now().toISOString();
    const headers = {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signWebhook(endpoint.secret, timestamp, body),
      [TIMESTAMP_HEADER]: timestamp,
      [DELIVERY_HEADER]: row.notification_id,
      [EVENT_HEADER]: row.event_type,
    };
    const { statusCode, error } = await this.post(endpoint.url, headers, body);
    return this.record(row, endpoint, statusCode, error);
  }

  /** One attempt; a refused destination, a redirect or any non-2xx is a failure with its reason. */
  private async post(target: string, headers: Record<string, string>, body: string): Promise<{ statusCode: number | null; error: string | null }> {
    try {
      const url = new URL(target);
      const address = await vetDestination(url, allowedClasses(this.opts.allowPrivateHosts), this.lookup);
      const statusCode = await postTo(url, address, { headers, body, timeoutMs: this.opts.requestTimeoutMs });
      if (statusCode >= 300 && statusCode < 400) return { statusCode, error: `HTTP ${statusCode}: redirects are not followed` };
      return { statusCode, error: statusCode >= 200 && statusCode < 300 ? null : `HTTP ${statusCode}` };
    } catch (failure) {
      return { statusCode: null, error: (failure as Error).message.slice(0, 500) };
    }
  }

  private async record(row: OutboxNotification, endpoint: WebhookEndpoint, statusCode: number | null, error: string | null): Promise<DeliveryOutcome> {
    const now = this.clock.now();
    return this.readModels.transaction(async (trx) => {
      const current = await trx.selectFrom(DELIVERIES_TABLE).select('attempts').where('delivery_id', '=', row.notification_id).executeTakeFirstOrThrow();
      const attempt = Number(current.attempts) + 1;
      await trx
        .insertInto(ATTEMPTS_TABLE)
        .values({ delivery_id: row.notification_id, attempt, attempted_at: now.toISOString(), url: endpoint.url, status_code: statusCode, error })
        .execute();
      const delivered = error === null;
      const exhausted = !delivered && attempt >= this.opts.maxAttempts;
      const next = new Date(now.getTime() + backoffMs(attempt, this.opts.baseDelayMs, this.opts.maxDelayMs)).toISOString();
      await trx
        .updateTable(DELIVERIES_TABLE)
        .set({
          status: delivered ? 'delivered' : exhausted ? 'failed' : 'pending',
          attempts: attempt,
          next_attempt_at: delivered || exhausted ? now.toISOString() : next,
          last_status_code: statusCode,
          last_error: error,
          delivered_at: delivered ? now.toISOString() : null,
          claimed_by: null,
          claim_until: null,
        })
        .where('delivery_id', '=', row.notification_id)
        .execute();
      return { deliveryId: row.notification_id, attempt, delivered, statusCode, error };
    });
  }
}

/** The JSON a receiver gets: which event, for whom, and the event's own data. */
export function bodyOf(row: OutboxNotification) {
  return {
    id: row.notification_id,
    eventId: row.event_id,
    type: row.event_type,
    recipient: row.recipient,
    addressee: row.addressee,
    streamId: row.stream_id,
    position: Number(row.position),
    occurredAt: row.occurred_at,
    data: JSON.parse(row.payload) as unknown,
  };
}
