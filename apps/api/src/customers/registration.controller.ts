import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CustomerContext, customerWorkflow } from '@crm/customers';
import type { WorkflowEngine } from '@crm/engine';
import { ProductLine } from '@crm/onboarding';
import { type Actor, DomainRuleViolation, WorkflowNotFound } from '@crm/workflow-kit';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import { CustomerAccess } from './customer-access';
import { PathId } from './customers.bodies';
import { registrationFormOf } from './registration-form';

const RegistrationQuery = z.strictObject({ productLine: ProductLine });

/** R-TIER-1 按照不同的产品设置不同的客户及客户登记: a customer company registers for another product line through onboarding. */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers/:id')
export class RegistrationController {
  constructor(
    private readonly access: CustomerAccess,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
  ) {}

  @Get('application-form')
  @Roles('customer_manager')
  @ApiOperation({ summary: 'R-TIER-1: an application form for another product line, filled from the archive (company, invoicing, contacts, documents on file); POST it to /applications with the class chosen' })
  async applicationForm(@Param('id', { schema: PathId }) id: string, @Query({ schema: RegistrationQuery }) query: { productLine: ProductLine }, @CurrentActor() actor: Actor) {
    await this.access.assertMayRead(actor, id);
    const { state, events, streamId } = await this.engine.load(customerWorkflow, id);
    if (events.length === 0) throw new WorkflowNotFound(streamId);
    const context = state.context as CustomerContext;
    if (context.productLine === query.productLine) {
      throw new DomainRuleViolation('ONB-DUPLICATE', `${id} is already the company's registration for the product line ${query.productLine}`, 'productLine');
    }
    return { customerId: id, form: registrationFormOf(context, query.productLine) };
  }
}
