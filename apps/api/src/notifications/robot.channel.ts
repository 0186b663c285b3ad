import type { ReadModelDb } from '@crm/engine';
import { type DeliveryChannel, type DeliveryItem, deliveryIdOf, type OutboxNotification, type SendResult } from './delivery-channel';
import { isDue, joinDelivery } from './delivery-ledger';
import { GROUP_CHANNELS_TABLE, redactUrl } from './group-channels';
import { OUTBOX_TABLE } from './notification-outbox.projection';
import type { NotificationRenderer } from './notification-renderer';
import { type OutboundPolicy, postSafely } from './outbound-post';
import { dingtalkBody, dingtalkSignedUrl, robotRefusal, wecomBody } from './robot-messages';
import { DELIVERIES_TABLE } from './webhook-deliveries';

/**
 * A group's 企业微信 or 钉钉 robot: each row addressed to the group after the robot was configured
 * is rendered in the robot's language and posted through the same SSRF-safe path as webhooks.
 */
export class RobotChannel implements DeliveryChannel {
  constructor(
    readonly name: 'wecom' | 'dingtalk',
    private readonly readModels: ReadModelDb,
    private readonly renderer: NotificationRenderer,
    private readonly policy: OutboundPolicy,
    private readonly clock: { now(): Date },
  ) {}

  async due(now: string, limit: number): Promise<DeliveryItem[]> {
    const rows = await groupRowsDue(this.readModels, this.name, now, limit);
    return rows.map(({ target, secret, format, language, ...row }) => ({
      deliveryId: deliveryIdOf(row.notification_id, this.name), channel: this.name, row, target, secret, format, language,
    }));
  }

  async send(item: DeliveryItem): Promise<SendResult> {
    const message = await this.renderer.render(item.row, item.language);
    const format = item.format === 'text' ? 'text' : 'markdown';
    const body = JSON.stringify(this.name === 'wecom' ? wecomBody(message, format) : dingtalkBody(message, format));
    const url = this.name === 'dingtalk' ? dingtalkSignedUrl(item.target, item.secret, this.clock.now().getTime()) : item.target;
    const outcome = await postSafely(url, { 'content-type': 'application/json; charset=utf-8' }, body, this.policy);
    const error = outcome.error ?? robotRefusal(outcome.answer);
    return { statusCode: outcome.statusCode, error, recordedUrl: redactUrl(item.target) };
  }
}

type GroupRow = OutboxNotification & { target: string; secret: string | null; format: 'markdown' | 'text'; language: 'zh' | 'en' };

/** Group rows due on a group channel (robots, a group mailbox): configured for the group, after `since`. */
export async function groupRowsDue(readModels: ReadModelDb, channel: 'wecom' | 'dingtalk' | 'email', now: string, limit: number): Promise<GroupRow[]> {
  return (await readModels.db
    .selectFrom(`${OUTBOX_TABLE} as o`)
    .innerJoin(`${GROUP_CHANNELS_TABLE} as g`, (join) => join.onRef('g.recipient', '=', 'o.recipient').on('g.channel', '=', channel))
    .leftJoin(`${DELIVERIES_TABLE} as d`, joinDelivery(channel))
    .selectAll('o')
    .select(['g.target', 'g.secret', 'g.format', 'g.language'])
    .where('o.kind', '=', 'group')
    .whereRef('o.position', '>', 'g.since')
    .where(isDue(now))
    .orderBy('o.position')
    .limit(limit)
    .execute()) as GroupRow[];
}
