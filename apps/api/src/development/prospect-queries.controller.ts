import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { PROJECTION_RUNNER } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { DevIdParam, ProspectsQuery } from './development.bodies';
import { DevelopmentReadService } from './development-read.service';
import { PROSPECTS_PROJECTION } from './prospects.projection';

/** Who reads prospects: the managers (their own), the sales department, its head, the general manager, auditors. */
export const DEVELOPMENT_READERS = ['customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'] as const;

@ApiTags('customer development')
@ApiBearerAuth()
@Controller('prospects')
export class ProspectQueriesController {
  constructor(
    private readonly reads: DevelopmentReadService,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  @Roles(...DEVELOPMENT_READERS)
  @ApiOperation({ summary: 'R-DEV-1: prospects, newest first (a customer manager sees the ones they keep); filters: status, region' })
  async list(@Query({ schema: ProspectsQuery }) query: ProspectsQuery, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, [PROSPECTS_PROJECTION], query.minPosition);
    return this.reads.prospects(query, actor);
  }

  @Get(':id')
  @Roles(...DEVELOPMENT_READERS)
  @ApiOperation({ summary: 'R-DEV-1: one prospect archive from its stream, with every change (before/after)' })
  get(@Param('id', { schema: DevIdParam }) id: string, @CurrentActor() actor: Actor) {
    return this.reads.prospect(id, actor);
  }
}
