import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner } from '@crm/engine';
import { visitReportWorkflow } from '@crm/relationship';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { isManagerScoped } from '../customers/customer-access';
import { PROJECTION_RUNNER } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { commandResponse } from '../workflows/command-response';
import { AcknowledgeFindingsBody, FeedbackQuery, IdParam, RatingsQuery, SubmitVisitReportBody } from './relationship.bodies';
import { RelationshipCommands, visitReportServicesWith, type HttpRequestLike } from './relationship-command.service';
import { RelationshipFacts } from './relationship-facts.service';
import { RelationshipReads } from './relationship-read.service';
import { VISIT_REPORTS_PROJECTION } from './visit-reports.projection';

/** 走访客户报告单 (R-VISIT-1/2) and the feedback of its findings to the leaders (R-VISIT-3). */
@ApiTags('relationship')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('visit-reports')
export class VisitReportsController {
  constructor(
    private readonly commands: RelationshipCommands,
    private readonly facts: RelationshipFacts,
    private readonly reads: RelationshipReads,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('customer_manager')
  @ApiOperation({ summary: 'R-VISIT-1/2/3: report a visit to an existing customer with the ratings on the form\'s scales; findings notify the leader and departments' })
  async submit(@Body({ schema: SubmitVisitReportBody }) body: SubmitVisitReportBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    const item = body.basis.kind === 'plan' ? await this.facts.planItem(body.basis.planId, body.basis.itemId) : null;
    const { reportId, ...data } = body;
    const id = this.commands.idFor('vr', actor, req, reportId);
    const result = await this.commands.send(visitReportWorkflow, id, 'SubmitVisitReport', { ...data, reportId: id }, actor, req, visitReportServicesWith(item));
    return commandResponse(id, result);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('supervisor', 'general_manager')
  @ApiOperation({ summary: 'R-VISIT-3: the responsible leader acknowledges the findings fed back to them' })
  async acknowledge(@Param('id', { schema: IdParam }) id: string, @Body({ schema: AcknowledgeFindingsBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(visitReportWorkflow, id, 'AcknowledgeVisitFindings', body, actor, req));
  }

  @Get('feedback')
  @Roles('supervisor', 'general_manager', 'sales_reviewer', 'auditor')
  @ApiOperation({ summary: 'R-VISIT-3: visit findings waiting for (or given) the leader\'s acknowledgement, oldest first' })
  async feedback(@Query({ schema: FeedbackQuery }) query: FeedbackQuery) {
    await waitForProjections(this.runner, [VISIT_REPORTS_PROJECTION], query.minPosition);
    return this.reads.feedback(query.status, query.limit);
  }

  @Get('ratings')
  @Roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor')
  @ApiOperation({ summary: 'R-VISIT-2: average scores per customer and quarter of a year (a customer manager sees their own customers: R-KAM-2)' })
  async ratings(@Query({ schema: RatingsQuery }) query: RatingsQuery, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, [VISIT_REPORTS_PROJECTION, 'customers'], query.minPosition);
    return this.reads.ratings(query.year, query.customer ?? null, isManagerScoped(actor) ? actor.id : null);
  }
}
