import type { Role } from './actor';

/**
 * Segregation of duties between who runs the system and who decides business steps: an
 * administrator grants roles, so an administrator who may also approve could grant themselves any
 * step (issue 14: admin → general_manager → approve → remove the role). Auditors check the
 * approvals, so they do not make them either.
 */
export const DECIDING_ROLES: readonly Role[] = ['sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor'];
const SEPARATED: ReadonlyArray<readonly [Role, readonly Role[]]> = [
  ['administrator', DECIDING_ROLES],
  ['auditor', DECIDING_ROLES],
];

/** The first pair of roles that one person must not hold together, or null. */
export function incompatibleRoles(roles: readonly Role[]): [Role, Role] | null {
  for (const [role, excluded] of SEPARATED) {
    if (!roles.includes(role)) continue;
    const clash = excluded.find((other) => roles.includes(other));
    if (clash) return [role, clash];
  }
  return null;
}
