import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@crm/workflow-kit';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';
import { TOKEN_SERVICE } from './auth.tokens';
import { TokenService } from './token.service';

/** Authenticates every request and checks the endpoint's declared roles before any handler runs. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : (request.query?.access_token as string | undefined);
    if (!token) throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message: 'a bearer token is required', rule: 'AUTH' });
    const verdict = this.tokens.verify(token);
    if (!verdict.ok) throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message: verdict.reason, rule: 'AUTH' });
    request.actor = TokenService.actorOf(verdict.claims);
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((role) => verdict.claims.roles.includes(role))) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: `requires one of the roles: ${required.join(', ')}`,
        rule: 'ROLE',
      });
    }
    return true;
  }
}
