import type { ReadModelDb } from '@crm/engine';
import { type DeliveryChannel, type DeliveryItem, deliveryIdOf, type OutboxNotification, type SendResult } from './delivery-channel';
import { isDue, joinDelivery } from './delivery-ledger';
import { OUTBOX_TABLE } from './notification-outbox.projection';
import { type OutboundPolicy, postSafely } from './outbound-post';
import { DELIVERIES_TABLE } from './webhook-deliveries';
import type { WebhookEndpoints } from './webhook-endpoints';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature';

/**
 * A group's signed webhook (ADR 0010): the JSON of the event for the group, HMAC-SHA256 over
 * "<timestamp>.<body>". A group with an endpoint gets every row addressed to it, from the first.
 */
export class WebhookChannel implements DeliveryChannel {
  readonly name = 'webhook' as const;

  constructor(
    private readonly readModels: ReadModelDb,
    private readonly endpoints: WebhookEndpoints,
    private readonly policy: OutboundPolicy,
    private readonly clock: { now(): Date },
  ) {}

  async due(now: string, limit: number): Promise<DeliveryItem[]> {
    const configured = await this.endpoints.list();
    if (configured.length === 0) return [];
    const rows = (await this.readModels.db
      .selectFrom(`${OUTBOX_TABLE} as o`)
      .leftJoin(`${DELIVERIES_TABLE} as d`, joinDelivery('webhook'))
      .selectAll('o')
      .where('o.recipient', 'in', configured.map((e) => e.recipient))
      .where(isDue(now))
      .orderBy('o.position')
      .limit(limit)
      .execute()) as OutboxNotification[];
    const items: DeliveryItem[] = [];
    for (const row of rows) {
      const endpoint = await this.endpoints.find(row.recipient);
      if (endpoint) items.push({ deliveryId: deliveryIdOf(row.notification_id, 'webhook'), channel: 'webhook', row, target: endpoint.url, secret: endpoint.secret, format: 'json', language: 'zh' });
    }
    return items;
  }

  async send(item: DeliveryItem): Promise<SendResult> {
    const body = JSON.stringify(bodyOf(item.row));
    const timestamp = this.clock.now().toISOString();
    const headers = {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signWebhook(item.secret ?? '', timestamp, body),
      [TIMESTAMP_HEADER]: timestamp,
      [DELIVERY_HEADER]: item.deliveryId,
      [EVENT_HEADER]: item.row.event_type,
    };
    const { statusCode, error } = await postSafely(item.target, headers, body, this.policy);
    return { statusCode, error, recordedUrl: item.target };
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
