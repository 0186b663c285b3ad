import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { PROJECTION_RUNNER } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { APPLICATIONS_PROJECTION } from './applications.projection';
import { ApplicationsQueryService, READ_ALL_ROLES } from './applications.query';
import { DELEGATIONS_PROJECTION } from './delegations.projection';
import { InboxQueryService } from './inbox.query';
import { ApplicationIdParam, ApplicationsQuery, InboxQuery, ReadQuery } from './onboarding.bodies';

/** Read side of onboarding; every query takes `?minPosition=` from a command response (read-your-writes). */
@ApiTags('onboarding')
@ApiBearerAuth()
@Controller()
export class OnboardingQueriesController {
  constructor(
    private readonly applications: ApplicationsQueryService,
    private readonly inboxes: InboxQueryService,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('inbox')
  @Roles('sales_reviewer', 'finance_reviewer', 'general_manager')
  @ApiOperation({ summary: "Pending steps the caller may decide (role, assignment, delegation; not barred by ONB-SELF/ONB-SOD), oldest first, with working days waited" })
  async inbox(@Query({ schema: InboxQuery }) query: InboxQuery, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, [APPLICATIONS_PROJECTION, DELEGATIONS_PROJECTION], query.minPosition);
    return this.inboxes.inbox(actor, query, this.clock.now());
  }

  @Get('applications')
  @Roles('customer_manager', ...READ_ALL_ROLES)
  @ApiOperation({ summary: 'Applications: a customer manager sees their own, reviewers, general manager, auditors and administrators see all' })
  async list(@Query({ schema: ApplicationsQuery }) query: ApplicationsQuery, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, [APPLICATIONS_PROJECTION], query.minPosition);
    return this.applications.list(actor, query, this.clock.now());
  }

  @Get('applications/:id')
  @Roles('customer_manager', ...READ_ALL_ROLES)
  @ApiOperation({ summary: 'One application with its form and full decision history (who, role, on whose behalf, when, comment, checks)' })
  async detail(@Param('id', { schema: ApplicationIdParam }) id: string, @Query({ schema: ReadQuery }) query: ReadQuery, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, [APPLICATIONS_PROJECTION], query.minPosition);
    return this.applications.detail(actor, id, this.clock.now());
  }
}
