import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiQuery } from '@nestjs/swagger';

export const QUERY_TOKEN_ALLOWED = 'crm:query-token';

/**
 * The endpoint also accepts its bearer token as `?access_token=`, because its client (EventSource)
 * cannot send headers. Only for GET streams: a token in a URL ends up in browser history and proxy
 * logs, so every other endpoint ignores it and needs the Authorization header.
 */
export const QueryTokenAllowed = () =>
  applyDecorators(
    SetMetadata(QUERY_TOKEN_ALLOWED, true),
    ApiExtension('x-query-token', true),
    ApiQuery({ name: 'access_token', required: false, description: 'the bearer token, for clients that cannot send an Authorization header (EventSource)' }),
  );
