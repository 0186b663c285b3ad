import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from '@crm/workflow-kit';

export const REQUIRED_ROLES = 'crm:roles';
/**
 * The caller must hold at least one of these roles; declared next to each endpoint. The roles
 * are also published in the OpenAPI document as `x-required-roles`, for clients and for the
 * access-matrix test's suggestions (the matrix's expectations are still written by hand).
 */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiExtension('x-required-roles', roles));
