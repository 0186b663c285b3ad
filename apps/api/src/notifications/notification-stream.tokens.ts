/** The in-app side of the outbox (`NotificationInbox`). */
export const NOTIFICATION_INBOX = Symbol('NOTIFICATION_INBOX');
