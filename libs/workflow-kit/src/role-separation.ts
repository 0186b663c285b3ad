import type { Role } from './actor';

/**
 * Segregation of duties between who runs the system and who decides business steps: an
 * administrator grants roles, so an administrator who may also approve could grant themselves any
 * step (issue 14: admin → general_manager → approve → remove the role). Auditors check the
 * approvals, so they do not make them either.
 */
export const DECIDING_ROLES: readonly Role[] = ['sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor'];
/**
 * R-ARC-3 (ADR 0024): the parent's chemicals sales department acknowledges filings and checks the
 * archives; an administrator could grant it to themselves, an auditor must not act, and the company's
 * own deciders must not check themselves.
 */
const PARENT_CHECKER: Role = 'parent_chemicals_sales';
const SEPARATED: ReadonlyArray<readonly [Role, readonly Role[]]> = [
  ['administrator', [...DECIDING_ROLES, PARENT_CHECKER]],
  ['auditor', [...DECIDING_ROLES, PARENT_CHECKER]],
  [PARENT_CHECKER, [...DECIDING_ROLES, 'customer_manager']],
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
