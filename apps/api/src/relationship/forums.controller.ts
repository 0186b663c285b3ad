import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
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
import { ForumMinutesBody, ForumsQuery } from './relationship.bodies';
import { RelationshipCommands, type HttpRequestLike } from './relationship-command.service';
import { RelationshipReads } from './relationship-read.service';

/** R-FORUM-1: customer forums (客户座谈会), their filed minutes, and the years without one. */
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
  @Roles('sales_reviewer', 'customer_manager')
  @ApiOperation({ summary: 'R-FORUM-1: file a forum\'s minutes (date held, attendees, topics, minutes text)' })
  async file(@Body({ schema: ForumMinutesBody }) body: { forumId: string }, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(body.forumId, await this.commands.send(forumWorkflow, body.forumId, 'FileForumMinutes', body, actor, req));
  }

  @Get()
  @Roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor')
  @ApiOperation({ summary: 'R-FORUM-1: forums per year and each year held / missed / due, as of asOf (default today in Beijing)' })
  async list(@Query({ schema: ForumsQuery }) query: ForumsQuery) {
    await waitForProjections(this.runner, [FORUMS_PROJECTION], query.minPosition);
    return this.reads.forums(query.from ?? null, query.asOf ?? beijingDateOf(this.clock.now().toISOString()));
  }
}
