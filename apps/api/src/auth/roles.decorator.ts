import { SetMetadata } from '@nestjs/common';
import type { Role } from '@crm/workflow-kit';

export const REQUIRED_ROLES = 'crm:roles';
/** The caller must hold at least one of these roles; declared next to each endpoint. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
