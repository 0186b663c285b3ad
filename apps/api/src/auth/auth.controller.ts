import { Body, Controller, Get, HttpCode, Inject, Post, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/workflow-kit';
import { z } from 'zod';
import { TOKEN_SERVICE } from './auth.tokens';
import { CurrentActor } from './current-actor.decorator';
import { Public } from './public.decorator';
import { TokenService } from './token.service';
import { UserDirectory } from './user-directory';

export const SignIn = z.strictObject({
  username: z.string().min(1).max(40),
  password: z.string().min(1).max(200),
});
export type SignIn = z.infer<typeof SignIn>;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UserDirectory,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
  ) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: exchange username and password for a bearer token' })
  async signIn(@Body({ schema: SignIn }) body: SignIn) {
    const user = await this.users.authenticate(body.username, body.password);
    // one message for both halves: a failed sign-in does not say which was wrong
    if (!user) throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message: 'unknown user or wrong password', rule: 'AUTH' });
    const { token, expiresAt } = this.tokens.issue(user);
    return { accessToken: token, tokenType: 'Bearer', expiresAt, user: { id: user.id, name: user.name, roles: user.roles } };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the bearer token belongs to' })
  me(@CurrentActor() actor: Actor) {
    return actor;
  }
}
