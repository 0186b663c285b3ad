import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { TokenClaims } from './token.service';

/** The verified claims of the caller's bearer token (its `jti` and `exp`, for signing out). */
export const CurrentToken = createParamDecorator((_data: unknown, context: ExecutionContext): TokenClaims => {
  return context.switchToHttp().getRequest<{ tokenClaims: TokenClaims }>().tokenClaims;
});
