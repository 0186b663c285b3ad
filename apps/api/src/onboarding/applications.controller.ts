import { Body, Controller, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { commandResponse } from '../workflows/command-response';
import { AmendApplicationBody, ApplicationIdParam, CreateApplicationBody, WithdrawBody } from './onboarding.bodies';
import { type HttpRequestLike, OnboardingCommandService } from './onboarding.command-service';

/** The applicant's side of account opening (客户开户): draft, amend, submit, withdraw (R-ONB-1/2, ONB-APPLICANT). */
@ApiTags('onboarding')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly commands: OnboardingCommandService) {}

  @Post()
  @HttpCode(201)
  @Roles('customer_manager')
  @ApiOperation({ summary: 'Draft an account-opening application (ONB-DUPLICATE: one open application per company)' })
  async create(@Body({ schema: CreateApplicationBody }) body: CreateApplicationBody, @CurrentActor() actor: Actor, @Req() request: HttpRequestLike) {
    const id = this.commands.applicationIdFor(actor, request, body.applicationId);
    return commandResponse(id, await this.commands.create(id, body.form, actor, request));
  }

  @Put(':id')
  @HttpCode(200)
  @Roles('customer_manager')
  @ApiOperation({ summary: 'Replace the whole form while it is a draft or returned for revision (applicant only)' })
  async amend(
    @Param('id', { schema: ApplicationIdParam }) id: string,
    @Body({ schema: AmendApplicationBody }) body: AmendApplicationBody,
    @CurrentActor() actor: Actor,
    @Req() request: HttpRequestLike,
  ) {
    return commandResponse(id, await this.commands.amend(id, body.form, actor, request));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('customer_manager')
  @ApiOperation({ summary: 'Submit for review (R-ONB-1/2: every certificate present and valid today); opens the sales step' })
  async submit(@Param('id', { schema: ApplicationIdParam }) id: string, @CurrentActor() actor: Actor, @Req() request: HttpRequestLike) {
    return commandResponse(id, await this.commands.submit(id, actor, request));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('customer_manager')
  @ApiOperation({ summary: 'Withdraw before the final decision (applicant only)' })
  async withdraw(
    @Param('id', { schema: ApplicationIdParam }) id: string,
    @Body({ schema: WithdrawBody }) body: WithdrawBody,
    @CurrentActor() actor: Actor,
    @Req() request: HttpRequestLike,
  ) {
    return commandResponse(id, await this.commands.plain(id, 'WithdrawApplication', { ...body }, actor, request));
  }
}
