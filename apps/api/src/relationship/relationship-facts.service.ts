import { Inject, Injectable } from '@nestjs/common';
import type { ReadModelDb, WorkflowEngine } from '@crm/engine';
import { type PlanItemView, type VisitPlanContext, visitPlanWorkflow } from '@crm/relationship';
import { type Actor, DomainRuleViolation } from '@crm/workflow-kit';
import { assertOwnCustomer } from '../customers/customer-access';
import { CUSTOMERS_TABLE } from '../customers/read-models/customers.projection';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';

/**
 * Facts read before a relationship command is decided. Customers are checked on the customers
 * read model (a customer opened a moment ago may not be there yet: the caller retries); plan
 * items on the plan's own stream, so an approval is seen at once.
 */
@Injectable()
export class RelationshipFacts {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
  ) {}

  /** Each customer exists (else 422 naming `field` and `ruleId`) and, for a manager, is their own (R-KAM-2). */
  async assertCustomers(actor: Actor, customers: Array<{ customerId: string; field: string }>, ruleId: string): Promise<void> {
    const ids = [...new Set(customers.map((c) => c.customerId))];
    if (ids.length === 0) return;
    const rows = await this.readModels.db.selectFrom(CUSTOMERS_TABLE).select(['customer_id', 'customer_manager_id']).where('customer_id', 'in', ids).execute();
    const managers = new Map(rows.map((r) => [r.customer_id as string, r.customer_manager_id as string]));
    for (const { customerId, field } of customers) {
      if (!managers.has(customerId)) throw new DomainRuleViolation(ruleId, `customer ${customerId} does not exist`, field);
      assertOwnCustomer(actor, customerId, managers.get(customerId) ?? null);
    }
  }

  /** The named plan item as the plan's stream has it now, or null. */
  async planItem(planId: string, itemId: string): Promise<PlanItemView | null> {
    const { state, events } = await this.engine.load(visitPlanWorkflow, planId);
    if (events.length === 0) return null;
    const context = state.context as VisitPlanContext;
    const item = context.items.find((i) => i.itemId === itemId);
    if (!item || context.year === null || context.managerId === null) return null;
    return { planId, itemId, year: context.year, month: item.month, customerId: item.customerId, managerId: context.managerId, approved: state.state === 'approved' };
  }

  /** The stream exists and was not started by a request with this Idempotency-Key. */
  async openedByOtherRequest(workflow: Parameters<WorkflowEngine['load']>[0], id: string, idempotencyKey: string | string[] | undefined): Promise<boolean> {
    const { events } = await this.engine.load(workflow, id);
    if (events.length === 0) return false;
    return typeof idempotencyKey !== 'string' || events[0].metadata.idempotencyKey !== idempotencyKey;
  }
}

