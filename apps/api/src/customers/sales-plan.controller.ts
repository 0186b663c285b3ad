import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { customerWorkflow, livePickups, planAdherence, type CustomerContext } from '@crm/customers';
import type { WorkflowEngine } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { WorkflowNotFound } from '@crm/workflow-kit';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import { assertOwnCustomer } from './customer-access';
import { READERS } from './customer-queries.controller';
import { PathId } from './customers.bodies';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month 'YYYY-MM'");

/**
 * R-TIER-7: an exclusive agent's filed monthly plan next to what it actually picked up. Computed
 * from the customer's stream (plan revisions and pickup corrections included), not a table.
 */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class SalesPlanController {
  constructor(@Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine) {}

  @Get(':id/sales-plans/:month')
  @Roles(...READERS)
  @ApiOperation({ summary: "R-TIER-7: the agent's plan for a month compared with its actual pickups (completion rate, tonnes per pickup window)" })
  async adherence(@Param('id', { schema: PathId }) id: string, @Param('month', { schema: Month }) month: string, @CurrentActor() actor: Actor) {
    const { state } = await this.engine.load(customerWorkflow, id);
    if (state.revision === null) throw new WorkflowNotFound(`customer-${id}`);
    const context = state.context as CustomerContext;
    assertOwnCustomer(actor, id, (context as { customerManagerId?: string }).customerManagerId ?? null);
    const plan = context.salesPlans[month];
    if (!plan) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no sales plan filed for ${month}`, field: 'month', rule: 'R-TIER-7' });
    return { customerId: id, month, revision: plan.revision, filedAt: plan.filedAt, adherence: planAdherence({ month, lines: plan.lines }, livePickups(context)) };
  }
}
