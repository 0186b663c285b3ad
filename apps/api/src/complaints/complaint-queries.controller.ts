import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { PROJECTION_RUNNER } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { ComplaintIdParam, ComplaintsQuery } from './complaints.bodies';
import { COMPLAINTS_PROJECTION } from './complaints.projection';
import { ComplaintReadService } from './complaint-read.service';

/** Who reads complaints: the department, its leaders, and auditors; a customer manager only their own customers' (R-KAM-2). */
const READERS = ['customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'] as const;

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintQueriesController {
  constructor(
    private readonly reads: ComplaintReadService,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Complaints, newest receipt first; filters: status, class, customer, department, breached' })
  async list(@Query({ schema: ComplaintsQuery }) query: ComplaintsQuery, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, [COMPLAINTS_PROJECTION], query.minPosition);
    return this.reads.list(query, actor);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One complaint from its stream: the record, state and SLA (due, working time left now, calendar version, provisional, warning/breaches)' })
  get(@Param('id', { schema: ComplaintIdParam }) id: string, @CurrentActor() actor: Actor) {
    return this.reads.get(id, actor);
  }

  @Get(':id/deadline/explain')
  @Roles(...READERS)
  @ApiOperation({ summary: 'R-CMP-3/4: why it is due when it is: class, policy version, extensions, and the day-by-day calendar explanation' })
  explain(@Param('id', { schema: ComplaintIdParam }) id: string, @CurrentActor() actor: Actor) {
    return this.reads.explain(id, actor);
  }
}
