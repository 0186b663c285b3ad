/** A client-chosen id for a record whose command names it (a retried submit then writes nothing twice). */
export const randomId = (prefix: string): string => `${prefix}-${crypto.randomUUID().slice(0, 18)}`;
