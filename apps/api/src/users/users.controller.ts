import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import type { Request } from 'express';
import { AuditorAllowed } from '../auth/auditor-allowed.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { TemporaryPasswordAllowed } from '../auth/temporary-password-allowed.decorator';
import { PROJECTION_RUNNER } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { UserAdminService } from './user-admin.service';
import { ChangeOwnPassword, ChangeRoles, CreateUser, DisableUser, EnableUser, ResetPassword, RevokeTokens, UsernameParam, UsersQuery } from './users.bodies';
import { USERS_PROJECTION } from './users.projection';
import { UsersQueryService } from './users.query';

/** Administrators manage users and roles; auditors read them; everyone changes their own password. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly admin: UserAdminService,
    private readonly queries: UsersQueryService,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Post('me/password')
  @HttpCode(200)
  @AuditorAllowed('changes only the caller’s own password')
  @TemporaryPasswordAllowed()
  @ApiOperation({ summary: 'Change your own password (signs out your other sessions; answers a fresh token)' })
  changeOwnPassword(@Body({ schema: ChangeOwnPassword }) body: ChangeOwnPassword, @CurrentActor() actor: Actor, @Req() request: Request) {
    return this.admin.changeOwnPassword(actor, body, request.ip ?? 'unknown');
  }

  @Post()
  @Roles('administrator')
  @ApiOperation({ summary: 'Create a user with roles and an initial password' })
  create(@Body({ schema: CreateUser }) body: CreateUser, @CurrentActor() actor: Actor) {
    return this.admin.create(body, actor);
  }

  @Get()
  @Roles('administrator', 'auditor')
  @ApiOperation({ summary: 'List users (from the users read model; ?minPosition= to read your own change)' })
  async list(@Query({ schema: UsersQuery }) query: UsersQuery) {
    await waitForProjections(this.runner, [USERS_PROJECTION], query.minPosition);
    return this.queries.list(query);
  }

  @Get(':username')
  @Roles('administrator', 'auditor')
  @ApiOperation({ summary: 'One user with the history of their access changes (who granted what, when)' })
  detail(@Param('username', { schema: UsernameParam }) username: string) {
    return this.queries.detail(username);
  }

  @Put(':username/roles')
  @Roles('administrator')
  @ApiOperation({ summary: 'Replace a user’s roles (revokes their tokens)' })
  changeRoles(@Param('username', { schema: UsernameParam }) username: string, @Body({ schema: ChangeRoles }) body: ChangeRoles, @CurrentActor() actor: Actor) {
    return this.admin.changeRoles(username, body, actor);
  }

  @Post(':username/disable')
  @HttpCode(200)
  @Roles('administrator')
  @ApiOperation({ summary: 'Disable a user (revokes their tokens; sign-in refused)' })
  disable(@Param('username', { schema: UsernameParam }) username: string, @Body({ schema: DisableUser }) body: DisableUser, @CurrentActor() actor: Actor) {
    return this.admin.disable(username, body.reason, actor);
  }

  @Post(':username/enable')
  @HttpCode(200)
  @Roles('administrator')
  @ApiOperation({ summary: 'Re-enable a disabled user: sign-in accepted again; tokens from before the disable stay refused' })
  enable(@Param('username', { schema: UsernameParam }) username: string, @Body({ schema: EnableUser }) body: EnableUser, @CurrentActor() actor: Actor) {
    return this.admin.enable(username, body.reason, actor);
  }

  @Post(':username/reset-password')
  @HttpCode(200)
  @Roles('administrator')
  @ApiOperation({ summary: 'Set a temporary password for another user (only its hash is kept; revokes their tokens)' })
  resetPassword(@Param('username', { schema: UsernameParam }) username: string, @Body({ schema: ResetPassword }) body: ResetPassword, @CurrentActor() actor: Actor) {
    return this.admin.resetPassword(username, body, actor);
  }

  @Post(':username/revoke-tokens')
  @HttpCode(200)
  @Roles('administrator')
  @ApiOperation({ summary: 'Sign a user out everywhere: every token issued so far is refused' })
  revokeTokens(@Param('username', { schema: UsernameParam }) username: string, @Body({ schema: RevokeTokens }) body: RevokeTokens, @CurrentActor() actor: Actor) {
    return this.admin.revokeTokens(username, body.reason, actor);
  }
}
