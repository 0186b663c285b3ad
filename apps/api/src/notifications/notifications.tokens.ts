/** The generic webhook deliverer (`WebhookDeliverer`): complaints' SLA alerts reuse it. */
export const WEBHOOK_DELIVERER = Symbol('WEBHOOK_DELIVERER');
/** Recipient → webhook URL and signing secret (`WebhookEndpoints`). */
export const WEBHOOK_ENDPOINTS = Symbol('WEBHOOK_ENDPOINTS');
