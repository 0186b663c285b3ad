import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'crm:public';
/** Marks an endpoint that answers without a bearer token (health, OpenAPI, sign-in, calendar). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
