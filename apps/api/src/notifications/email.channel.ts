import type { ReadModelDb } from '@crm/engine';
import { type DeliveryChannel, type DeliveryItem, deliveryIdOf, type OutboxNotification, type SendResult } from './delivery-channel';
import { isDue, joinDelivery } from './delivery-ledger';
import { emailOf } from './message-formats';
import { OUTBOX_TABLE } from './notification-outbox.projection';
import type { NotificationRenderer } from './notification-renderer';
import { PEOPLE_TABLE } from './outbox-directory';
import { groupRowsDue } from './robot.channel';
import type { Mailer } from './smtp.mailer';
import { USER_SETTINGS_TABLE } from './user-notification-settings';
import { DELIVERIES_TABLE } from './webhook-deliveries';

/**
 * E-mail over SMTP: a person's row to their address when an administrator switched e-mail on for
 * them (and they are still active), a group's row to the group's mailbox; each in its reader's
 * language. Only rows after the channel was switched on go out.
 */
export class EmailChannel implements DeliveryChannel {
  readonly name = 'email' as const;

  constructor(
    private readonly readModels: ReadModelDb,
    private readonly renderer: NotificationRenderer,
    private readonly mailer: Mailer,
  ) {}

  async due(now: string, limit: number): Promise<DeliveryItem[]> {
    const people = await this.peopleDue(now, limit);
    const groups = await groupRowsDue(this.readModels, 'email', now, Math.max(0, limit - people.length));
    return [...people, ...groups.map(({ target, language, secret: _secret, format: _format, ...row }) => this.item(row, target, language))];
  }

  async send(item: DeliveryItem): Promise<SendResult> {
    const message = emailOf(await this.renderer.render(item.row, item.language));
    try {
      await this.mailer.send({ to: item.target, ...message, deliveryId: item.deliveryId });
      return { statusCode: null, error: null, recordedUrl: `mailto:${item.target}` };
    } catch (failure) {
      return { statusCode: null, error: (failure as Error).message.slice(0, 500), recordedUrl: `mailto:${item.target}` };
    }
  }

  private async peopleDue(now: string, limit: number): Promise<DeliveryItem[]> {
    const rows = (await this.readModels.db
      .selectFrom(`${OUTBOX_TABLE} as o`)
      .innerJoin(`${USER_SETTINGS_TABLE} as s`, 's.username', 'o.addressee')
      .innerJoin(`${PEOPLE_TABLE} as p`, 'p.username', 'o.addressee')
      .leftJoin(`${DELIVERIES_TABLE} as d`, joinDelivery('email'))
      .selectAll('o')
      .select(['s.email', 's.language'])
      .where('o.kind', '=', 'person')
      .where('s.email_enabled', '=', 1)
      .where('s.email', 'is not', null)
      .where('p.disabled', '=', 0)
      .whereRef('o.position', '>', 's.email_since')
      .where(isDue(now))
      .orderBy('o.position')
      .limit(limit)
      .execute()) as Array<OutboxNotification & { email: string; language: 'zh' | 'en' }>;
    return rows.map(({ email, language, ...row }) => this.item(row, email, language));
  }

  private item(row: OutboxNotification, target: string, language: 'zh' | 'en'): DeliveryItem {
    return { deliveryId: deliveryIdOf(row.notification_id, 'email'), channel: 'email', row, target, secret: null, format: 'text', language };
  }
}
