import { z } from 'zod';
import { Page } from '../http/edge-schemas';
import { MinPosition } from '../read-models/read-your-writes';
import { RECIPIENT_PATTERN } from './recipient-groups';

export const Language = z.enum(['zh', 'en'], 'zh (中文, the default) or en');
export const EmailAddress = z.email('an e-mail address').max(254);
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

/** What users set themselves: where e-mail goes and the language messages are written in. */
export const MySettingsBody = z.strictObject({ email: EmailAddress.nullable(), language: Language });
export type MySettingsBody = z.infer<typeof MySettingsBody>;

/** What administrators set per user: the address, the language and which channels besides in-app. */
export const UserSettingsBody = z.strictObject({
  email: EmailAddress.nullable(),
  language: Language,
  channels: z.array(z.enum(['in_app', 'email'])).max(2).refine((c) => new Set(c).size === c.length, 'channels repeat'),
});
export type UserSettingsBody = z.infer<typeof UserSettingsBody>;

export const GroupParam = z.string().regex(RECIPIENT_PATTERN, 'a recipient group: lower-case letters, digits and underscores');
export const GroupChannelParam = z.enum(['wecom', 'dingtalk', 'email'], 'wecom (企业微信), dingtalk (钉钉) or email');

/** One group channel: a robot (`url`, DingTalk's `secret`) or a mailbox (`address`). */
export const GroupChannelBody = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  /** DingTalk 加签: the SEC… secret of the robot's security setting */
  secret: z.string().min(8).max(200).regex(/^[\x21-\x7e]+$/, 'printable ASCII').optional(),
  address: EmailAddress.optional(),
  format: z.enum(['markdown', 'text']).default('markdown'),
  language: Language.default('zh'),
});
export type GroupChannelBody = z.infer<typeof GroupChannelBody>;
