import { z } from 'zod';
import { Username } from '../auth/user-directory';
import { MessageLanguage } from '@crm/workflow-kit';
import { MinPosition } from '../read-models/read-your-writes';
import { RECIPIENT_PATTERN } from './notification-outbox.projection';

export const Recipient = z.string().regex(RECIPIENT_PATTERN, 'a recipient name: lower-case letters, digits and underscores');

export const NotificationsQuery = z.strictObject({
  recipient: Recipient.optional(),
  /** one person's rows (administrators and auditors) */
  addressee: Username.optional(),
  /** paging by position: pass the last position seen */
  afterPosition: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** the language each row's message (title, company, deadline, console link) is rendered in; default zh */
  language: MessageLanguage.optional(),
  minPosition: MinPosition,
});
export type NotificationsQuery = z.infer<typeof NotificationsQuery>;

export const NotificationId = z.string().min(3).max(200);

// the body lives in @crm/workflow-kit, where the console's channel screens read it too
export { WebhookBody } from '@crm/workflow-kit';
