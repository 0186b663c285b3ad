import { Body, Controller, Get, HttpCode, Inject, Post, Req, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, safeText } from '@crm/workflow-kit';
import type { Request } from 'express';
import { z } from 'zod';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { AuditorAllowed } from './auditor-allowed.decorator';
import { TOKEN_SERVICE } from './auth.tokens';
import { CurrentActor } from './current-actor.decorator';
import { CurrentToken } from './current-token.decorator';
import { Public } from './public.decorator';
import { TemporaryPasswordAllowed } from './temporary-password-allowed.decorator';
import { SignInLog } from './sign-in.events';
import { SignInThrottle, throttled } from './sign-in-throttle';
import { TokenService, type TokenClaims } from './token.service';
import { UserDirectory } from './user-directory';

export const SignIn = z.strictObject({
  // recorded in SignInFailed as typed: nothing there may read differently to an auditor
  username: safeText(z.string().min(1).max(40)),
  password: z.string().min(1).max(200),
});
export type SignIn = z.infer<typeof SignIn>;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UserDirectory,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    private readonly throttle: SignInThrottle,
    private readonly signIns: SignInLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: exchange username and password for a bearer token (429 with Retry-After while a progressive delay runs)' })
  async signIn(@Body({ schema: SignIn }) body: SignIn, @Req() request: Request) {
    const client = request.ip ?? 'unknown';
    const refusal = this.throttle.refusal(body.username, client);
    if (refusal) {
      if (refusal.first) await this.signIns.throttled(body.username, client, refusal, this.clock.now());
      throw throttled(refusal);
    }
    const user = await this.users.authenticate(body.username, body.password);
    if (!user) {
      const recentFailures = this.throttle.recordFailure(body.username, client);
      await this.signIns.failed(body.username, client, recentFailures, this.clock.now());
      // one message for both halves: a failed sign-in does not say which was wrong
      throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message: 'unknown user or wrong password', rule: 'AUTH' });
    }
    this.throttle.recordSuccess(body.username, client);
    const { token, expiresAt } = this.tokens.issue(user);
    const session = { accessToken: token, tokenType: 'Bearer', expiresAt, user: { id: user.id, name: user.name, roles: user.roles } };
    // an administrator's temporary password (UserPasswordReset): the console asks to change it first
    return user.passwordTemporary ? { ...session, mustChangePassword: true } : session;
  }

  @Post('logout')
  @HttpCode(204)
  @TemporaryPasswordAllowed()
  @ApiBearerAuth()
  @AuditorAllowed('signs out only the caller’s own token')
  @ApiOperation({ summary: 'Sign out: the bearer token used for this request is refused from now on' })
  async logout(@CurrentActor() actor: Actor, @CurrentToken() claims: TokenClaims): Promise<void> {
    const data = { username: actor.id, jti: claims.jti, expiresAt: new Date(claims.exp * 1000).toISOString() };
    await this.users.append(actor.id, 'UserTokenRevoked', data, { by: actor.id, at: this.clock.now(), expectedRevision: 'stream_exists' });
  }

  @Get('me')
  @ApiBearerAuth()
  @TemporaryPasswordAllowed()
  @ApiOperation({ summary: 'Who the bearer token belongs to (mustChangePassword while the password is an administrator’s temporary one)' })
  me(@CurrentActor() actor: Actor, @Req() request: Request & { passwordTemporary?: boolean }) {
    return request.passwordTemporary ? { ...actor, mustChangePassword: true } : actor;
  }
}
