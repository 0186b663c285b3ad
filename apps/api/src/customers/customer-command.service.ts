import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type CustomerCommandType, type CustomerContext, customerWorkflow, type CustomerServices } from '@crm/customers';
import type { CommandResult, ProjectionRunner, ReadModelDb, WorkflowEngine, WorkflowRegistry } from '@crm/engine';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import type { Actor } from '@crm/workflow-kit';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { commandMetaFrom } from '../workflows/command-meta';
import { commandResponse } from '../workflows/command-response';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';
import { WORKFLOW_ENGINE, WORKFLOW_REGISTRY } from '../workflows/workflow.tokens';
import { CONTRACTS_PROJECTION, CONTRACTS_TABLE } from '../committee/contracts.projection';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { loadPrepaymentFacts, type PickupScope } from './prepayment-facts';

export type HttpRequestLike = { id?: string; headers: Record<string, string | string[] | undefined> };

/** Every customer command from HTTP, through the CQRS bus to the workflow engine (whose guard checks R-KAM-2). */
@Injectable()
export class CustomerCommandService {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async run(customerId: string, type: CustomerCommandType, data: unknown, actor: Actor, request: HttpRequestLike) {
    const result = await this.execute(customerId, type, data, actor, request);
    return commandResponse(customerId, result);
  }

  /** `services`: facts the caller already read for this command's scope (an import reads them once per customer) */
  async execute(customerId: string, type: CustomerCommandType, data: unknown, actor: Actor, request: HttpRequestLike, services?: CustomerServices): Promise<CommandResult> {
    const meta = commandMetaFrom(request, actor, this.clock);
    services ??= await this.servicesOf(customerId, type, data);
    return this.commandBus.execute(new ExecuteWorkflowCommand(customerWorkflow.name, customerId, { type, data, meta }, services));
  }

  private async servicesOf(customerId: string, type: CustomerCommandType, data: unknown): Promise<CustomerServices | undefined> {
    const scope = await this.pickupScope(customerId, type, data);
    return scope ? this.servicesFor(scope) : undefined;
  }

  /** R-PRIN-4, R-ARC-5, R-ALLOC-2: a pickup is decided with the catalogue's, the price books', the contracts' and the month's allocation's facts. */
  async servicesFor(scope: PickupScope): Promise<CustomerServices> {
    const registered = this.registry.get(customerWorkflow.name).services as CustomerServices;
    return { ...registered, prepayment: await loadPrepaymentFacts(this.engine, scope, (ids) => this.contractIds(ids)) };
  }

  /** A new pickup touches its warehouse and month; a correction, the month of the pickup it corrects (its allocation, R-ALLOC-2). */
  private async pickupScope(customerId: string, type: CustomerCommandType, data: unknown): Promise<PickupScope | null> {
    if (type === 'RecordPickup') {
      const pickup = data as { warehouse: string; date: string };
      return { warehouses: [pickup.warehouse], customers: [customerId], months: [String(pickup.date).slice(0, 7)] };
    }
    if (type !== 'CorrectPickup') return null;
    const context = (await this.engine.load(customerWorkflow, customerId)).state.context as CustomerContext;
    const date = context.pickups.get(String((data as { pickupId: string }).pickupId))?.date;
    return { warehouses: [], customers: [customerId], months: date ? [date.slice(0, 7)] : [] };
  }

  /** The customers' contracts, from the index brought up to the store's head (so one signed a moment ago is found). */
  private async contractIds(customers: readonly string[]): Promise<string[]> {
    if (customers.length === 0) return [];
    await waitForProjections(this.runner, [CONTRACTS_PROJECTION], await this.store.headPosition());
    const rows = await this.readModels.db.selectFrom(CONTRACTS_TABLE).select('contract_id').where('customer_id', 'in', [...customers]).execute();
    return rows.map((r) => String(r.contract_id));
  }
}
