import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@crm/workflow-kit';
import { AUDITOR_ALLOWED } from './auditor-allowed.decorator';
import { assertAuditorMayCall } from './auditor-read-only';
import { TOKEN_SERVICE } from './auth.tokens';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';
import { revocationReason } from './token-validity';
import { TokenService, type TokenClaims } from './token.service';
import { UserDirectory } from './user-directory';

/**
 * Authenticates every request and checks, before any handler loads or writes anything:
 * the token (signature, expiry, not revoked), the auditor read-only rule, the endpoint's roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    private readonly users: UserDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const claims = await this.authenticate(request);
    request.actor = TokenService.actorOf(claims);
    request.tokenClaims = claims;
    assertAuditorMayCall(request.method, claims.roles, this.reflector.getAllAndOverride<string>(AUDITOR_ALLOWED, targets));
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((role) => claims.roles.includes(role))) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: `requires one of the roles: ${required.join(', ')}`,
        rule: 'ROLE',
        requiredRoles: required,
      });
    }
    return true;
  }

  private async authenticate(request: { headers: Record<string, string | undefined>; query?: Record<string, unknown> }): Promise<TokenClaims> {
    const header = request.headers.authorization;
    const query = request.query?.access_token;
    // the query form exists for EventSource (SSE), which cannot send headers
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : typeof query === 'string' ? query : undefined;
    if (!token) throw unauthorized('a bearer token is required');
    const verdict = this.tokens.verify(token);
    if (!verdict.ok) throw unauthorized(verdict.reason);
    const revoked = revocationReason(verdict.claims, await this.users.current(verdict.claims.sub));
    if (revoked) throw unauthorized(revoked);
    return verdict.claims;
  }
}

const unauthorized = (message: string) => new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message, rule: 'AUTH' });
