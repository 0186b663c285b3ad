/** What the customer decider needs from outside. No clock: time comes from `command.meta.now`. */
export interface CustomerServices {
  /** calendar days before a document's validUntil that its customer manager is warned (R-ARC-4) */
  documentWarningDays: number;
}

export const DEFAULT_CUSTOMER_SERVICES: CustomerServices = { documentWarningDays: 30 };
