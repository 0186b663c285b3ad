import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ReviewStep, STEP_ROLE } from '@crm/onboarding';
import { type Actor, DomainRuleViolation } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { UserDirectory } from '../auth/user-directory';
import { commandResponse } from '../workflows/command-response';
import { ApplicationIdParam, ApproveBody, ReassignBody, RejectBody, ReturnBody, StepParam } from './onboarding.bodies';
import { type HttpRequestLike, OnboardingCommandService } from './onboarding.command-service';

const REVIEWERS = ['sales_reviewer', 'finance_reviewer', 'general_manager'] as const;

/**
 * Step decisions (R-ONB-3: sales → finance → general manager). The path names the step the
 * reviewer saw, so a decision made on a stale screen is refused rather than applied to the next
 * step. Role of the step, self-approval (ONB-SELF), segregation of duties (ONB-SOD), assignment
 * and delegation are the domain's checks; refusals carry the rule id.
 */
@ApiTags('onboarding')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('applications/:id/steps/:step')
export class ReviewController {
  constructor(
    private readonly commands: OnboardingCommandService,
    private readonly users: UserDirectory,
  ) {}

  @Post('approve')
  @HttpCode(200)
  @Roles(...REVIEWERS)
  @ApiOperation({ summary: "Approve the pending step (finance: `checked` both true; sales, other chemicals: R-TIER-6 `admission`)" })
  async approve(
    @Param('id', { schema: ApplicationIdParam }) id: string,
    @Param('step', { schema: StepParam }) step: ReviewStep,
    @Body({ schema: ApproveBody }) body: ApproveBody,
    @CurrentActor() actor: Actor,
    @Req() request: HttpRequestLike,
  ) {
    return commandResponse(id, await this.commands.decide(id, 'ApproveStep', { step, ...body }, actor, request));
  }

  @Post('reject')
  @HttpCode(200)
  @Roles(...REVIEWERS)
  @ApiOperation({ summary: 'Reject the application at the pending step, with a reason (final)' })
  async reject(
    @Param('id', { schema: ApplicationIdParam }) id: string,
    @Param('step', { schema: StepParam }) step: ReviewStep,
    @Body({ schema: RejectBody }) body: RejectBody,
    @CurrentActor() actor: Actor,
    @Req() request: HttpRequestLike,
  ) {
    return commandResponse(id, await this.commands.decide(id, 'RejectStep', { step, ...body }, actor, request));
  }

  @Post('return')
  @HttpCode(200)
  @Roles(...REVIEWERS)
  @ApiOperation({ summary: 'Return for revision to the applicant; resubmission restarts the chain at sales' })
  async returnForRevision(
    @Param('id', { schema: ApplicationIdParam }) id: string,
    @Param('step', { schema: StepParam }) step: ReviewStep,
    @Body({ schema: ReturnBody }) body: ReturnBody,
    @CurrentActor() actor: Actor,
    @Req() request: HttpRequestLike,
  ) {
    return commandResponse(id, await this.commands.decide(id, 'ReturnForRevision', { step, ...body }, actor, request));
  }

  @Post('reassign')
  @HttpCode(200)
  @Roles('administrator')
  @ApiOperation({ summary: 'Hand the pending step to a named reviewer (ONB-ADMIN); only they (or their delegate) may then decide it' })
  async reassign(
    @Param('id', { schema: ApplicationIdParam }) id: string,
    @Param('step', { schema: StepParam }) step: ReviewStep,
    @Body({ schema: ReassignBody }) body: ReassignBody,
    @CurrentActor() actor: Actor,
    @Req() request: HttpRequestLike,
  ) {
    const assignee = await this.users.find(body.to);
    if (!assignee || assignee.disabled || !assignee.roles.includes(STEP_ROLE[step]))
      throw new DomainRuleViolation('ONB-ADMIN', `${body.to} is not an active ${STEP_ROLE[step]}: the ${step} step cannot be handed to them`, 'to');
    return commandResponse(id, await this.commands.plain(id, 'ReassignStep', { step, ...body }, actor, request));
  }
}
