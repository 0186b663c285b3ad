import { CUSTOMER_PERMISSIONS, type CustomerCommandType } from '@crm/customers';
import type { SessionUser } from '../../../auth/session';

/**
 * Whether the signed-in user may issue a customer command: the domain's own issuers (the API's
 * @Roles on each endpoint are the same roles), so a form shows for exactly the roles the API accepts.
 */
export function mayIssue(user: SessionUser, type: CustomerCommandType): boolean {
  const issuers: readonly string[] = CUSTOMER_PERMISSIONS[type].issuers;
  return user.roles.some((role) => issuers.includes(role));
}

/** A number typed into a form: empty is absent (the schema says "required"), anything else is Number(). */
export const numberOf = (raw: string): number | undefined => (raw.trim() === '' ? undefined : Number(raw));
