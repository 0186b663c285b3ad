import type { NotificationLanguage } from './user-notification-settings';

/** Every way a notification leaves the service besides the in-app list (which is the outbox itself). */
export type ChannelName = 'webhook' | 'wecom' | 'dingtalk' | 'email';

/** An outbox row as the deliverer reads it. */
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
  customer_id?: string | null;
}

/** One thing to send: a row, over one channel, to one configured target. */
export interface DeliveryItem {
  deliveryId: string;
  channel: ChannelName;
  row: OutboxNotification;
  /** URL or mailbox address */
  target: string;
  secret: string | null;
  format: 'markdown' | 'text' | 'json';
  language: NotificationLanguage;
}

/** One attempt's outcome; `recordedUrl` is what the attempt log keeps (secrets in it replaced). */
export interface SendResult {
  statusCode: number | null;
  error: string | null;
  recordedUrl: string;
}

/**
 * A channel finds what is due on it (rows it has a target for, never delivered or pending and due
 * again, unclaimed) and sends one item. Claims, attempts and back-off are the ledger's, shared by all.
 */
export interface DeliveryChannel {
  readonly name: ChannelName;
  due(now: string, limit: number): Promise<DeliveryItem[]>;
  send(item: DeliveryItem): Promise<SendResult>;
}

/** The delivery id of a row on a channel (webhooks keep the row's own id: see webhook-deliveries.ts). */
export const deliveryIdOf = (notificationId: string, channel: ChannelName): string => (channel === 'webhook' ? notificationId : `${notificationId}:${channel}`);
