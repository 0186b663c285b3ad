import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner } from '@crm/engine';
import type { Actor, Role } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UserDirectory } from '../auth/user-directory';
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
    private readonly users: UserDirectory,
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
    const detail = await this.reads.detail(row);
    const registrations = await this.reads.registrations(id, row.identity_key ?? null, isManagerScoped(actor) ? actor.id : null);
    const proofs = detail.documents.flatMap((d) => { const p = d.renewalProof as { filedBy?: string; decidedBy?: string } | null; return p ? [p.filedBy, p.decidedBy] : []; });
    const identity = detail.identityChange as { requestedBy?: string; decidedBy?: string } | null;
    const named = [
      detail.customerManagerId, (detail.pendingDisqualification as { proposedBy?: string } | null)?.proposedBy, ...registrations.items.map((r) => r.customerManagerId),
      ...proofs, identity?.requestedBy, identity?.decidedBy,
    ];
    return { ...detail, registrations, people: await this.peopleOf(named) };
  }

  /** The people the archive names, as the console shows them (姓名, not a user id); one unknown to the directory is left out. */
  private async peopleOf(ids: ReadonlyArray<string | null | undefined>): Promise<Record<string, { name: string }>> {
    const people: Record<string, { name: string }> = {};
    for (const id of new Set(ids.filter((x): x is string => typeof x === 'string'))) {
      const user = await this.users.current(id);
      if (user) people[id] = { name: user.name };
    }
    return people;
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
