import { Inject, Injectable } from '@nestjs/common';
import { type CustomerContext, customerWorkflow } from '@crm/customers';
import type { CommandGuard, WorkflowEngine } from '@crm/engine';
import { type Actor, type CustomerRef, DomainRuleViolation, NotPermitted, type Role, WorkflowNotFound } from '@crm/workflow-kit';
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import { CUSTOMERS_TABLE } from './read-models/customers.projection';

/**
 * R-KAM-2 (客户经理制: each customer has one customer manager, its single point of contact), the one
 * place it is written. A plain customer manager works on their own customers only; every other
 * role works company-wide. Commands are checked by the engine's command guard (every path: HTTP,
 * import, reactors); reads call `assertMayRead` or restrict their query with `ownCustomersOnly`.
 */
const COMPANY_WIDE: readonly Role[] = ['sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor', 'auditor', 'administrator', 'parent_chemicals_sales'];

export const UNKNOWN_CUSTOMER = 'CUSTOMER-UNKNOWN';

export const isManagerScoped = (actor: Actor): boolean =>
  !actor.system && actor.roles.includes('customer_manager') && !actor.roles.some((role) => COMPANY_WIDE.includes(role));

export function assertOwnCustomer(actor: Actor, customerId: string, managerId: string | null): void {
  if (isManagerScoped(actor) && managerId !== actor.id) {
    throw new NotPermitted('R-KAM-2', `customer ${customerId} is managed by another customer manager`);
  }
}

/** The customer's manager as its stream has it now (not the read model: a replaced manager cannot act in its lag). */
async function managerOf(engine: WorkflowEngine, ref: CustomerRef): Promise<string | null> {
  const { state, events } = await engine.load(customerWorkflow, ref.customerId);
  if (events.length === 0) {
    if (ref.field) throw new DomainRuleViolation(UNKNOWN_CUSTOMER, `customer ${ref.customerId} does not exist`, ref.field);
    throw new WorkflowNotFound(`customer-${ref.customerId}`);
  }
  return (state.context as CustomerContext).customerManagerId;
}

/**
 * The engine's guard: every customer a command concerns (its workflow's `customersOf`) exists and is
 * the actor's to work on. System actors (timers, reactors) act for the company.
 */
export function customerOwnershipGuard(engine: () => WorkflowEngine): CommandGuard {
  return async (workflow, command, state) => {
    const actor = command.meta.actor;
    if (actor.system || !workflow.customersOf) return;
    for (const ref of workflow.customersOf(command, state)) {
      const manager = await managerOf(engine(), ref);
      if (!ref.anyManager) assertOwnCustomer(actor, ref.customerId, manager);
    }
  };
}

/** Restricts a read-model query to the actor's own customers; company-wide roles see every row. */
export function ownCustomersOnly<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, actor: Actor, customerColumn: string): SelectQueryBuilder<DB, TB, O> {
  if (!isManagerScoped(actor)) return query;
  const q = query as unknown as SelectQueryBuilder<any, any, O>;
  return q.where(customerColumn, 'in', (eb: ExpressionBuilder<any, any>) => eb.selectFrom(CUSTOMERS_TABLE).select('customer_id').where('customer_manager_id', '=', actor.id)) as unknown as SelectQueryBuilder<DB, TB, O>;
}

@Injectable()
export class CustomerAccess {
  constructor(@Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine) {}

  /** For a pre-check outside the engine (e.g. each row of an import before anything is written); the guard still runs. */
  async assertMayAct(actor: Actor, customerId: string, field?: string): Promise<void> {
    if (actor.system) return;
    assertOwnCustomer(actor, customerId, await managerOf(this.engine, { customerId, ...(field ? { field } : {}) }));
  }

  /** A read of one customer-scoped resource: 404 for an unknown customer, 403 R-KAM-2 for another manager's. */
  async assertMayRead(actor: Actor, customerId: string | null): Promise<void> {
    if (!isManagerScoped(actor)) return;
    if (customerId === null) throw new NotPermitted('R-KAM-2', 'this record names no customer of yours');
    assertOwnCustomer(actor, customerId, await managerOf(this.engine, { customerId }));
  }
}
