import { EmailAddress, MessageLanguage } from '@crm/workflow-kit';
import { z } from 'zod';
import { Page } from '../http/edge-schemas';
import { MinPosition } from '../read-models/read-your-writes';
import { RECIPIENT_PATTERN } from './recipient-groups';

export const Language = MessageLanguage;
export { EmailAddress };
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const MyNotificationsQuery = z.strictObject({
  ...Page,
  /** only the unread ones */
  unread: flag.optional(),
  /** the language to render in; default: the user's preference */
  language: Language.optional(),
  minPosition: MinPosition,
});
export type MyNotificationsQuery = z.infer<typeof MyNotificationsQuery>;

/** `<eventId>:@<username>` */
export const NotificationIdParam = z.string().regex(/^[A-Za-z0-9._-]{1,100}:@[a-z][a-z0-9._-]{1,39}$/, 'a notification id as listed (<eventId>:@<username>)');

export const ReadAllBody = z.strictObject({
  /** mark read up to this position (the newest the list showed), so one arriving meanwhile stays unread */
  upToPosition: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type ReadAllBody = z.infer<typeof ReadAllBody>;

export const MyStreamQuery = z.strictObject({
  /** EventSource cannot send headers; the guard reads the token from here on this endpoint only */
  access_token: z.string().max(4000).optional(),
  lastEventId: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type MyStreamQuery = z.infer<typeof MyStreamQuery>;

// what users set themselves lives in @crm/workflow-kit, where the console's settings form reads it too
export { MySettingsBody } from '@crm/workflow-kit';

export { UserSettingsBody } from '@crm/workflow-kit';

export const GroupParam = z.string().regex(RECIPIENT_PATTERN, 'a recipient group: lower-case letters, digits and underscores');
export const GroupChannelParam = z.enum(['wecom', 'dingtalk', 'email'], 'wecom (企业微信), dingtalk (钉钉) or email');

// the body lives in @crm/workflow-kit, where the console's channel screens read it too
export { GroupChannelBody } from '@crm/workflow-kit';
