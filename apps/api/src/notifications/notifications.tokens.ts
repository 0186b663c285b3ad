/** The outbox's deliverer over every channel (`NotificationDeliverer`). */
export const NOTIFICATION_DELIVERER = Symbol('NOTIFICATION_DELIVERER');
/** Recipient → webhook URL and signing secret (`WebhookEndpoints`). */
export const WEBHOOK_ENDPOINTS = Symbol('WEBHOOK_ENDPOINTS');
/** Per group: robots and mailbox (`GroupChannels`). */
export const GROUP_CHANNELS = Symbol('GROUP_CHANNELS');
/** Per user: address, language, channels (`UserNotificationSettingsStore`). */
export const USER_NOTIFICATION_SETTINGS = Symbol('USER_NOTIFICATION_SETTINGS');
/** Outbox rows → messages (`NotificationRenderer`). */
export const NOTIFICATION_RENDERER = Symbol('NOTIFICATION_RENDERER');
/** Where e-mail leaves (`Mailer`), or null when SMTP is not configured. */
export const MAILER = Symbol('MAILER');
