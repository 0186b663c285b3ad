import { z } from 'zod';

/**
 * Where notifications go, as the API checks it, here so the console's channel screens check the
 * same rules in the browser (issue 16). The SSRF policy on the URL stays on the server.
 */
export const WebhookBody = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  /** shared with the receiver, who checks the X-CRM-Signature header with it */
  secret: z.string().min(16).max(500),
});
export type WebhookBody = z.infer<typeof WebhookBody>;

export const MessageLanguage = z.enum(['zh', 'en'], 'zh (中文, the default) or en');
export const EmailAddress = z.email('an e-mail address').max(254);

/** One group channel: a robot (`url`, DingTalk's `secret`) or a mailbox (`address`). */
export const GroupChannelBody = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  /** DingTalk 加签: the SEC… secret of the robot's security setting */
  secret: z.string().min(8).max(200).regex(/^[\x21-\x7e]+$/, 'printable ASCII').optional(),
  address: EmailAddress.optional(),
  format: z.enum(['markdown', 'text']).default('markdown'),
  language: MessageLanguage.default('zh'),
});
export type GroupChannelBody = z.infer<typeof GroupChannelBody>;

/** What administrators set per user: the address, the language and which channels besides in-app. */
export const UserSettingsBody = z.strictObject({
  email: EmailAddress.nullable(),
  language: MessageLanguage,
  channels: z.array(z.enum(['in_app', 'email'])).max(2).refine((c) => new Set(c).size === c.length, 'channels repeat'),
});
export type UserSettingsBody = z.infer<typeof UserSettingsBody>;

/** What users set themselves (PUT /me/notification-settings): where e-mail goes and the language messages are written in. */
export const MySettingsBody = z.strictObject({ email: EmailAddress.nullable(), language: MessageLanguage });
export type MySettingsBody = z.infer<typeof MySettingsBody>;
