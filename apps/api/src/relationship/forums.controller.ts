import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner } from '@crm/engine';
import { beijingDateOf, forumWorkflow } from '@crm/relationship';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { PROJECTION_RUNNER } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { commandResponse } from '../workflows/command-response';
import { FORUMS_PROJECTION } from './customer-forums.projection';
import { ApproveForumPlanBody, ForumMinutesBody, ForumPlanBody, ForumsQuery, IdParam, ReturnForumPlanBody, ReviseForumPlanBody } from './relationship.bodies';
import { RelationshipCommands, type HttpRequestLike } from './relationship-command.service';
import { RelationshipReads } from './relationship-read.service';

const LEADERS = ['supervisor', 'general_manager'] as const;

/**
 * R-FORUM-1: customer forums (客户座谈会) — the preparation plan the responsible leader approves
 * (ADR 0025), the minutes of the forum held under it with their follow-ups, and the years without one.
 */
@ApiTags('relationship')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('customer-forums')
export class ForumsController {
  constructor(
    private readonly commands: RelationshipCommands,
    private readonly reads: RelationshipReads,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-FORUM-1: submit a forum\'s preparation plan (date, venue, invitees, agenda, budget) to the responsible leader' })
  async plan(@Body({ schema: ForumPlanBody }) body: ForumPlanBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    const id = this.commands.idFor('forum', actor, req, body.forumId);
    return commandResponse(id, await this.commands.send(forumWorkflow, id, 'SubmitForumPlan', { ...body, forumId: id }, actor, req));
  }

  @Post(':id/revise')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-FORUM-1: submit a returned preparation plan again, revised' })
  async revise(@Param('id', { schema: IdParam }) id: string, @Body({ schema: ReviseForumPlanBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(forumWorkflow, id, 'ReviseForumPlan', body, actor, req));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...LEADERS)
  @ApiOperation({ summary: 'R-FORUM-1: the responsible leader approves the preparation plan (FORUM-SELF: not its submitter)' })
  async approve(@Param('id', { schema: IdParam }) id: string, @Body({ schema: ApproveForumPlanBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(forumWorkflow, id, 'ApproveForumPlan', body, actor, req));
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles(...LEADERS)
  @ApiOperation({ summary: 'R-FORUM-1: the responsible leader sends the preparation plan back with a reason' })
  async sendBack(@Param('id', { schema: IdParam }) id: string, @Body({ schema: ReturnForumPlanBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(forumWorkflow, id, 'ReturnForumPlan', body, actor, req));
  }

  @Post(':id/minutes')
  @HttpCode(200)
  @Roles('sales_reviewer', 'customer_manager')
  @ApiOperation({ summary: 'R-FORUM-1: file the minutes of a forum held under its approved plan (attendees, topics, minutes, follow-ups notifying their departments)' })
  async minutes(@Param('id', { schema: IdParam }) id: string, @Body({ schema: ForumMinutesBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(forumWorkflow, id, 'FileForumMinutes', { ...body, forumId: id }, actor, req));
  }

  @Get()
  @Roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor')
  @ApiOperation({ summary: 'R-FORUM-1: forums per year and each year held / missed / due, as of asOf (default today in Beijing)' })
  async list(@Query({ schema: ForumsQuery }) query: ForumsQuery) {
    await waitForProjections(this.runner, [FORUMS_PROJECTION], query.minPosition);
    return this.reads.forums(query.from ?? null, query.asOf ?? beijingDateOf(this.clock.now().toISOString()));
  }

  @Get(':id')
  @Roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor')
  @ApiOperation({ summary: 'R-FORUM-1: one forum from its stream — state, the plan in force, the leader\'s decisions, the minutes and follow-ups' })
  one(@Param('id', { schema: IdParam }) id: string) {
    return this.reads.forum(id);
  }
}
