import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner, WorkflowEngine } from '@crm/engine';
import { visitPlanWorkflow } from '@crm/relationship';
import { type Actor, NotPermitted, WorkflowNotFound } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { isManagerScoped } from '../customers/customer-access';
import { PROJECTION_RUNNER } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { commandResponse } from '../workflows/command-response';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import {
  ApproveVisitPlanBody, DraftVisitPlanBody, EmptyBody, IdParam, ProgressQuery, ReturnVisitPlanBody, ReviseVisitPlanBody,
} from './relationship.bodies';
import { RelationshipCommands, type HttpRequestLike } from './relationship-command.service';
import { RelationshipFacts } from './relationship-facts.service';
import { RelationshipReads } from './relationship-read.service';
import { VISIT_PLANS_PROJECTION } from './visit-plans.projection';
import { VISIT_REPORTS_PROJECTION } from './visit-reports.projection';

type Items = Array<{ customerId: string }>;

/** R-VISIT-1: annual visit plans — the manager drafts, the sales department head approves. */
@ApiTags('relationship')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('visit-plans')
export class VisitPlansController {
  constructor(
    private readonly commands: RelationshipCommands,
    private readonly facts: RelationshipFacts,
    private readonly reads: RelationshipReads,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('customer_manager')
  @ApiOperation({ summary: 'R-VISIT-1: draft my annual visit plan (customers and planned months); its id is <manager>.<year>' })
  async draft(@Body({ schema: DraftVisitPlanBody }) body: DraftVisitPlanBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    const planId = `${actor.id}.${body.year}`;
    return commandResponse(planId, await this.commands.send(visitPlanWorkflow, planId, 'DraftVisitPlan', { planId, ...body }, actor, req));
  }

  @Post(':id/revise')
  @HttpCode(200)
  @Roles('customer_manager')
  @ApiOperation({ summary: 'R-VISIT-1: replace the items of my plan while it is a draft or sent back' })
  async revise(@Param('id', { schema: IdParam }) id: string, @Body({ schema: ReviseVisitPlanBody }) body: { items: Items }, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(visitPlanWorkflow, id, 'ReviseVisitPlan', body, actor, req));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('customer_manager')
  @ApiOperation({ summary: 'R-VISIT-1: submit my plan to the sales department head' })
  async submit(@Param('id', { schema: IdParam }) id: string, @Body({ schema: EmptyBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(visitPlanWorkflow, id, 'SubmitVisitPlan', body, actor, req));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-VISIT-1: the sales department head approves a submitted plan (VISIT-SELF: not their own)' })
  async approve(@Param('id', { schema: IdParam }) id: string, @Body({ schema: ApproveVisitPlanBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(visitPlanWorkflow, id, 'ApproveVisitPlan', body, actor, req));
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-VISIT-1: the sales department head sends a plan back with a reason' })
  async sendBack(@Param('id', { schema: IdParam }) id: string, @Body({ schema: ReturnVisitPlanBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(visitPlanWorkflow, id, 'ReturnVisitPlan', body, actor, req));
  }

  @Get('progress')
  @Roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor')
  @ApiOperation({ summary: 'R-VISIT-1: approved plans, planned vs visited per manager and month (a customer manager sees their own: R-KAM-2)' })
  async progress(@Query({ schema: ProgressQuery }) query: ProgressQuery, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, [VISIT_PLANS_PROJECTION, VISIT_REPORTS_PROJECTION], query.minPosition);
    return this.reads.progress(query.year, isManagerScoped(actor) ? actor.id : (query.manager ?? null));
  }

  @Get(':id')
  @Roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor')
  @ApiOperation({ summary: 'R-VISIT-1: one visit plan from its stream — state, year, items, the decisions (a customer manager reads their own: R-KAM-2)' })
  async one(@Param('id', { schema: IdParam }) id: string, @CurrentActor() actor: Actor) {
    const { state, streamId, events } = await this.engine.load(visitPlanWorkflow, id);
    if (events.length === 0) throw new WorkflowNotFound(streamId);
    const c = state.context as { planId: string; year: number; managerId: string; items: Items; approvedBy: string | null; approvedAt: string | null };
    if (isManagerScoped(actor) && c.managerId !== actor.id) throw new NotPermitted('R-KAM-2', `visit plan ${id} is another customer manager's`);
    const decisions = events.filter((e) => e.type === 'VisitPlanApproved' || e.type === 'VisitPlanReturned').map((e) => ({ type: e.type, ...(e.data as object) }));
    return { planId: id, state: state.state, year: c.year, managerId: c.managerId, items: c.items, approvedBy: c.approvedBy, approvedAt: c.approvedAt, decisions };
  }
}
