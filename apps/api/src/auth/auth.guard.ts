import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@crm/workflow-kit';
import { AUDITOR_ALLOWED } from './auditor-allowed.decorator';
import { assertAuditorMayCall } from './auditor-read-only';
import { Authenticator, bearerTokenOf, verifiedBefore, type Verdict } from './authenticator';
import { IS_PUBLIC } from './public.decorator';
import { QUERY_TOKEN_ALLOWED } from './query-token.decorator';
import { REQUIRED_ROLES } from './roles.decorator';
import { TEMPORARY_PASSWORD_ALLOWED } from './temporary-password-allowed.decorator';
import { TokenService } from './token.service';
import { isScrapeToken, SCRAPE_TOKEN_ALLOWED } from '../metrics/scrape-token';
import { API_RUNTIME, type ApiRuntime } from '../runtime';

type GuardedRequest = { headers: Record<string, string | string[] | undefined>; query?: unknown; bearerToken?: string; passwordTemporary?: boolean };

/**
 * Authenticates every request and checks, before any handler loads or writes anything:
 * the token (signature, expiry, not revoked), the auditor read-only rule, the endpoint's roles.
 * `?access_token=` counts only on endpoints marked `@QueryTokenAllowed()`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const scrapeAllowed = this.reflector.getAllAndOverride<boolean>(SCRAPE_TOKEN_ALLOWED, targets) === true;
    if (scrapeAllowed && isScrapeToken(bearerTokenOf(request, false), this.runtime.metricsToken)) return true;
    const queryAllowed = this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN_ALLOWED, targets) === true;
    const { claims, user } = await this.authenticate(request, queryAllowed);
    request.passwordTemporary = user.passwordTemporary;
    if (user.passwordTemporary && this.reflector.getAllAndOverride<boolean>(TEMPORARY_PASSWORD_ALLOWED, targets) !== true) throw temporaryPassword();
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

  private async authenticate(request: GuardedRequest, queryAllowed: boolean): Promise<Verdict & { ok: true }> {
    const token = bearerTokenOf(request, queryAllowed);
    const verdict = (token && verifiedBefore(request, token)) || (await this.authenticator.verify(token));
    if (!verdict.ok) throw unauthorized(verdict.reason);
    // long-lived responses (SSE) re-check the very token they were opened with
    request.bearerToken = token;
    return verdict;
  }
}

const temporaryPassword = () =>
  new ForbiddenException({ statusCode: 403, error: 'Forbidden', message: 'signed in with a temporary password: change it first (POST /users/me/password)', rule: 'AUTH-TEMPORARY-PASSWORD' });

const unauthorized = (message: string) => new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message, rule: 'AUTH' });
