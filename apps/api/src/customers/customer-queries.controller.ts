import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner } from '@crm/engine';
import type { Actor, Role } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { PROJECTION_RUNNER } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { assertOwnCustomer, isManagerScoped } from './customer-access';
import { CustomerReadService } from './customer-read.service';
import { CustomerListQuery, DetailQuery, PathId } from './customers.bodies';
import { CUSTOMER_PROJECTION_NAMES } from './read-models/customer-projections';

export const READERS: Role[] = ['customer_manager', 'sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor', 'auditor', 'administrator'];

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerQueriesController {
  constructor(
    private readonly reads: CustomerReadService,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Customers filtered by grade, class, region, manager, status (a customer manager sees their own: R-KAM-2)' })
  async list(@Query({ schema: CustomerListQuery }) query: CustomerListQuery, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, ['customers'], query.minPosition);
    return this.reads.list(query, isManagerScoped(actor) ? actor.id : null);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One customer: archive, status, grade history with evidence, documents with expiry, monthly tonnage' })
  async detail(@Param('id', { schema: PathId }) id: string, @Query({ schema: DetailQuery }) query: DetailQuery, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, CUSTOMER_PROJECTION_NAMES, query.minPosition);
    const row = await this.reads.row(id);
    assertOwnCustomer(actor, id, row.customer_manager_id);
    return { ...(await this.reads.detail(row)), registrations: await this.reads.registrations(id, row.identity_key ?? null, isManagerScoped(actor) ? actor.id : null) };
  }

  @Get(':id/pickups')
  @Roles(...READERS)
  @ApiOperation({ summary: "One customer's pickups, corrections and voids applied" })
  async pickups(@Param('id', { schema: PathId }) id: string, @Query({ schema: DetailQuery }) query: DetailQuery, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, ['customers', 'customer_pickups'], query.minPosition);
    const row = await this.reads.row(id);
    assertOwnCustomer(actor, id, row.customer_manager_id);
    return { customerId: id, items: await this.reads.pickups(id) };
  }
}
