import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner } from '@crm/engine';
import type { z } from 'zod';
import { Roles } from '../auth/roles.decorator';
import { PROJECTION_RUNNER } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { DevIdParam, MissingWeeklyQuery, MonthlyQuery, PlansQuery, WeeklyQuery } from './development.bodies';
import { DevelopmentReadService } from './development-read.service';
import { MONTHLY_REPORTS_PROJECTION } from './monthly-reports.projection';
import { PLANS_PROJECTION } from './plans.projection';
import { DEVELOPMENT_READERS } from './prospect-queries.controller';

@ApiTags('customer development')
@ApiBearerAuth()
@Controller('development-plans')
export class PlanQueriesController {
  constructor(
    private readonly reads: DevelopmentReadService,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  @Roles(...DEVELOPMENT_READERS)
  @ApiOperation({ summary: 'R-DEV-2: development plans, newest quarter first; filters: status, quarter' })
  async list(@Query({ schema: PlansQuery }) query: PlansQuery) {
    await waitForProjections(this.runner, [PLANS_PROJECTION], query.minPosition);
    return this.reads.plans(query);
  }

  // declared before ':id' so that the path is not read as a plan id
  @Get('missing-weekly')
  @Roles(...DEVELOPMENT_READERS)
  @ApiOperation({ summary: 'R-DEV-3: approved plans with weekly summaries missing as of a date (a week is owed once its Sunday is past)' })
  async missingWeekly(@Query({ schema: MissingWeeklyQuery }) query: z.infer<typeof MissingWeeklyQuery>) {
    await waitForProjections(this.runner, [PLANS_PROJECTION], query.minPosition);
    return this.reads.missingWeekly(query.asOf);
  }

  @Get(':id')
  @Roles(...DEVELOPMENT_READERS)
  @ApiOperation({ summary: 'R-DEV-2: one plan from its stream: state, content, authors, approvals, achieved targets' })
  get(@Param('id', { schema: DevIdParam }) id: string) {
    return this.reads.plan(id);
  }

  @Get(':id/weekly')
  @Roles(...DEVELOPMENT_READERS)
  @ApiOperation({ summary: "R-DEV-3: the weekly summary: the week's entries per target and the targets without one" })
  async weekly(@Param('id', { schema: DevIdParam }) id: string, @Query({ schema: WeeklyQuery }) query: z.infer<typeof WeeklyQuery>) {
    await waitForProjections(this.runner, [PLANS_PROJECTION], query.minPosition);
    return this.reads.weekly(id, query.weekStarting);
  }

  @Get(':id/monthly')
  @Roles(...DEVELOPMENT_READERS)
  @ApiOperation({ summary: "R-DEV-3: the monthly report: the month's reports, its weekly summaries, targets achieved so far, and the submitted completion report" })
  async monthly(@Param('id', { schema: DevIdParam }) id: string, @Query({ schema: MonthlyQuery }) query: z.infer<typeof MonthlyQuery>) {
    await waitForProjections(this.runner, [PLANS_PROJECTION, MONTHLY_REPORTS_PROJECTION], query.minPosition);
    return this.reads.monthly(id, query.month);
  }
}
