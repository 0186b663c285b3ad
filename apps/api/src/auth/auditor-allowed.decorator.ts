import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const AUDITOR_ALLOWED = 'crm:auditor-allowed';
/**
 * Exempts a non-GET endpoint from the AUDITOR-READ-ONLY rule because it changes nothing but the
 * caller's own session or credentials (sign-out, own password), or only reads through a POST.
 * The reason is required so every exemption explains itself where it is declared.
 */
export const AuditorAllowed = (reason: string) =>
  applyDecorators(SetMetadata(AUDITOR_ALLOWED, reason), ApiExtension('x-auditor-allowed', reason));
