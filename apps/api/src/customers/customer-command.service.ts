import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { customerWorkflow, type CustomerCommandType, type CustomerServices } from '@crm/customers';
import type { CommandResult, WorkflowEngine, WorkflowRegistry } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { commandMetaFrom } from '../workflows/command-meta';
import { commandResponse } from '../workflows/command-response';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';
import { WORKFLOW_ENGINE, WORKFLOW_REGISTRY } from '../workflows/workflow.tokens';
import { loadPrepaymentFacts } from './prepayment-facts';

export type HttpRequestLike = { id?: string; headers: Record<string, string | string[] | undefined> };

/** Every customer command from HTTP, through the CQRS bus to the workflow engine (whose guard checks R-KAM-2). */
@Injectable()
export class CustomerCommandService {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  async run(customerId: string, type: CustomerCommandType, data: unknown, actor: Actor, request: HttpRequestLike) {
    const result = await this.execute(customerId, type, data, actor, request);
    return commandResponse(customerId, result);
  }

  async execute(customerId: string, type: CustomerCommandType, data: unknown, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    const meta = commandMetaFrom(request, actor, this.clock);
    const services = type === 'RecordPickup' ? await this.servicesFor([(data as { warehouse: string }).warehouse]) : undefined;
    return this.commandBus.execute(new ExecuteWorkflowCommand(customerWorkflow.name, customerId, { type, data, meta }, services));
  }

  /** R-PRIN-4: a pickup is decided with the catalogue's and the price books' facts for its warehouses. */
  async servicesFor(warehouses: readonly string[]): Promise<CustomerServices> {
    const registered = this.registry.get(customerWorkflow.name).services as CustomerServices;
    return { ...registered, prepayment: await loadPrepaymentFacts(this.engine, warehouses) };
  }
}
