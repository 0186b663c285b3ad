import { z } from 'zod';

/** Where e-mail notifications leave: an SMTP server (nodemailer's options, minus what we never need). */
export interface MailConfig {
  /** `smtp://` or `smtps://` URL with optional credentials (SMTP_URL), or host/port/secure/auth */
  url?: string;
  host?: string;
  port?: number;
  /** TLS from the first byte (port 465); false: plain, upgraded with STARTTLS when offered */
  secure?: boolean;
  user?: string;
  pass?: string;
  /** the From: address, e.g. "客户管理系统 <crm@example.com>" */
  from: string;
}

export interface NotificationConfig {
  /** null: no SMTP configured, e-mail is not a channel (in-app, robots and webhooks still are) */
  mail: MailConfig | null;
  /** where the console's links in messages point (CONSOLE_URL) */
  consoleUrl: string;
}

export const DEFAULT_CONSOLE_URL = 'http://localhost:3000';

const nonEmpty = (v: unknown) => (v === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(nonEmpty, schema.optional());
const FROM = /^(?:[^<>\r\n]{0,100}<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;

export const NotificationEnv = z.object({
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })),
  SMTP_HOST: optional(z.string().regex(/^[A-Za-z0-9.-]{1,253}$|^\[[0-9A-Fa-f:.]+\]$/, 'must be a host name or address')),
  SMTP_PORT: optional(z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().min(1, 'must be at least 1').max(65535, 'must be at most 65535'))),
  SMTP_SECURE: optional(z.enum(['true', 'false', '1', '0'], 'must be true or false').transform((v) => v === 'true' || v === '1')),
  SMTP_USER: optional(z.string().max(200)),
  SMTP_PASS: optional(z.string().max(500)),
  SMTP_FROM: optional(z.string().regex(FROM, 'must be an address, e.g. crm@example.com or "客户管理 <crm@example.com>"')),
  CONSOLE_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })),
});
export type NotificationEnv = z.infer<typeof NotificationEnv>;

/** The e-mail and link settings, with every inconsistency between the variables named. */
export function notificationConfigOf(values: Partial<NotificationEnv>, issues: { variable: string; message: string }[]): NotificationConfig {
  const consoleUrl = (values.CONSOLE_URL ?? DEFAULT_CONSOLE_URL).replace(/\/+$/, '');
  const any = values.SMTP_URL ?? values.SMTP_HOST;
  if (!any) {
    for (const v of ['SMTP_PORT', 'SMTP_SECURE', 'SMTP_USER', 'SMTP_PASS', 'SMTP_FROM'] as const) {
      if (values[v] !== undefined) issues.push({ variable: v, message: 'set SMTP_URL or SMTP_HOST too, or leave e-mail unconfigured' });
    }
    return { mail: null, consoleUrl };
  }
  if (values.SMTP_URL && values.SMTP_HOST) issues.push({ variable: 'SMTP_HOST', message: 'give either SMTP_URL or SMTP_HOST (with SMTP_PORT…), not both' });
  if (!values.SMTP_FROM) issues.push({ variable: 'SMTP_FROM', message: 'required when e-mail is configured: the From: address of notifications' });
  if ((values.SMTP_USER === undefined) !== (values.SMTP_PASS === undefined)) {
    issues.push({ variable: values.SMTP_USER === undefined ? 'SMTP_USER' : 'SMTP_PASS', message: 'SMTP_USER and SMTP_PASS go together' });
  }
  const mail: MailConfig = values.SMTP_URL
    ? { url: values.SMTP_URL, from: values.SMTP_FROM ?? '' }
    : { host: values.SMTP_HOST, port: values.SMTP_PORT ?? 587, secure: values.SMTP_SECURE ?? values.SMTP_PORT === 465, user: values.SMTP_USER, pass: values.SMTP_PASS, from: values.SMTP_FROM ?? '' };
  return { mail, consoleUrl };
}
