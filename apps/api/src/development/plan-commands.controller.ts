import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { commandResponse } from '../workflows/command-response';
import {
  AssessmentBody, DepartmentHeadApprovalBody, DevIdParam, DraftPlanBody, MeetingApprovalBody, MonthlyReportBody, ProgressBody, RejectPlanBody, ReturnPlanBody, RevisePlanBody,
  SubmitPlanBody,
} from './development.bodies';
import { DevelopmentCommandService, type HttpRequestLike, type PersonPlanCommand } from './development-command.service';

type Json = Record<string, unknown>;

/**
 * R-DEV-2/3: the quarter's development plan (客户开发计划): drafted by the sales department,
 * approved by the department head, then the managers' meeting; progress reported against it.
 */
@ApiTags('customer development')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('development-plans')
export class PlanCommandsController {
  constructor(private readonly commands: DevelopmentCommandService) {}

  @Post()
  @HttpCode(201)
  @Roles('sales_reviewer', 'customer_manager')
  @ApiOperation({ summary: 'R-DEV-2: draft the quarter plan: a target per key prospect, deadline, budget, support requested of other departments' })
  async draft(@Body({ schema: DraftPlanBody }) body: DraftPlanBody, @CurrentActor() actor: Actor, @Req() request: HttpRequestLike) {
    const id = this.commands.idFor('plan', actor, request, body.planId);
    return commandResponse(id, await this.commands.plan(id, 'DraftDevelopmentPlan', { ...body, planId: id }, actor, request));
  }

  @Post(':id/revise')
  @HttpCode(200)
  @Roles('sales_reviewer', 'customer_manager')
  @ApiOperation({ summary: 'R-DEV-2: revise the draft (also after it was returned); a reviser may not approve it later (DEV-SELF)' })
  revise(@Param('id', { schema: DevIdParam }) id: string, @Body({ schema: RevisePlanBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'ReviseDevelopmentPlan', body, actor, req);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('sales_reviewer', 'customer_manager')
  @ApiOperation({ summary: 'R-DEV-2: submit the draft to the department head' })
  submit(@Param('id', { schema: DevIdParam }) id: string, @Body({ schema: SubmitPlanBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'SubmitDevelopmentPlan', body, actor, req);
  }

  @Post(':id/department-head/approve')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'R-DEV-2: the department head approves; it goes to the managers meeting (DEV-SELF: not an author)' })
  approveAsHead(@Param('id', { schema: DevIdParam }) id: string, @Body({ schema: DepartmentHeadApprovalBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'ApproveAsDepartmentHead', body, actor, req);
  }

  @Post(':id/managers-meeting/approve')
  @HttpCode(200)
  @Roles('general_manager')
  @ApiOperation({ summary: "R-DEV-2: the general manager records the managers' meeting approval; the plan deadline timer starts" })
  approveAtMeeting(@Param('id', { schema: DevIdParam }) id: string, @Body({ schema: MeetingApprovalBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'RecordManagersMeetingApproval', body, actor, req);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('supervisor', 'general_manager')
  @ApiOperation({ summary: 'R-DEV-2: return for revision at the current review step, with the reason' })
  returnPlan(@Param('id', { schema: DevIdParam }) id: string, @Body({ schema: ReturnPlanBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'ReturnDevelopmentPlan', body, actor, req);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('supervisor', 'general_manager')
  @ApiOperation({ summary: 'R-DEV-2: reject at the current review step, with the reason; the plan ends' })
  reject(@Param('id', { schema: DevIdParam }) id: string, @Body({ schema: RejectPlanBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'RejectDevelopmentPlan', body, actor, req);
  }

  @Post(':id/progress')
  @HttpCode(200)
  @Roles('sales_reviewer', 'customer_manager')
  @ApiOperation({ summary: 'R-DEV-3: a progress entry against one target, in a weekly summary (week by its Monday) or a monthly report' })
  progress(@Param('id', { schema: DevIdParam }) id: string, @Body({ schema: ProgressBody }) body: ProgressBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    const entryId = this.commands.idFor('entry', actor, req, body.entryId);
    return this.run(id, 'RecordDevelopmentProgress', { ...body, entryId }, actor, req);
  }

  @Post(':id/monthly-report')
  @HttpCode(200)
  @Roles('sales_reviewer', 'customer_manager')
  @ApiOperation({ summary: 'R-DEV-3: submit the month’s completion report (月度完成情况), once per month; the department manager and the general manager are notified' })
  monthlyReport(@Param('id', { schema: DevIdParam }) id: string, @Body({ schema: MonthlyReportBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'SubmitMonthlyDevelopmentReport', body, actor, req);
  }

  @Post(':id/assessments')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-DEV-2 考核兑现: at quarter end the sales department assesses one customer manager on the completion on record (result, comment, payout); never their own' })
  async assess(@Param('id', { schema: DevIdParam }) id: string, @Body({ schema: AssessmentBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.assess(id, body, actor, req));
  }

  private async run(id: string, type: PersonPlanCommand, body: Json, actor: Actor, request: HttpRequestLike) {
    return commandResponse(id, await this.commands.plan(id, type, body, actor, request));
  }
}
