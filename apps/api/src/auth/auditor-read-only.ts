import { ForbiddenException } from '@nestjs/common';
import type { Role } from '@crm/workflow-kit';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * "Auditors read everything and change nothing", enforced once for every endpoint rather than
 * remembered in each `@Roles`: a caller whose every role is `auditor` may only use safe methods,
 * unless the endpoint is `@AuditorAllowed(reason)`. Someone holding auditor and another role is
 * judged by the endpoint's roles as usual.
 */
export function assertAuditorMayCall(method: string, roles: readonly Role[], exemption: string | undefined): void {
  const auditorOnly = roles.length > 0 && roles.every((role) => role === 'auditor');
  if (!auditorOnly || SAFE_METHODS.has(method.toUpperCase()) || exemption) return;
  throw new ForbiddenException({
    statusCode: 403,
    error: 'Forbidden',
    message: 'auditors read and never change anything',
    rule: 'AUDITOR-READ-ONLY',
  });
}
