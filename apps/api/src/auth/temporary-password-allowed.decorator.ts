import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const TEMPORARY_PASSWORD_ALLOWED = 'crm:temporary-password-allowed';
/**
 * The few endpoints a person signed in with an administrator's temporary password may call before
 * choosing their own (ADR 0035): who they are, signing out, changing the password. Everything else
 * answers 403 AUTH-TEMPORARY-PASSWORD, so a password the administrator knows never does real work.
 */
export const TemporaryPasswordAllowed = () => applyDecorators(SetMetadata(TEMPORARY_PASSWORD_ALLOWED, true), ApiExtension('x-temporary-password-allowed', true));
