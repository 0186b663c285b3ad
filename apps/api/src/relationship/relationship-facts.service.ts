import { Inject, Injectable } from '@nestjs/common';
import type { ReadModelDb, WorkflowEngine } from '@crm/engine';
import { type PlanItemView, type VisitPlanContext, visitPlanWorkflow } from '@crm/relationship';
import type { Actor } from '@crm/workflow-kit';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';

/**
 * Facts read before a relationship command is decided: plan items on the plan's own stream, so an
 * approval is seen at once. (The customers a command names are the engine guard's: R-KAM-2.)
 */
@Injectable()
export class RelationshipFacts {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
  ) {}

  /** The named plan item as the plan's stream has it now, or null. */
  async planItem(planId: string, itemId: string): Promise<PlanItemView | null> {
    const { state, events } = await this.engine.load(visitPlanWorkflow, planId);
    if (events.length === 0) return null;
    const context = state.context as VisitPlanContext;
    const item = context.items.find((i) => i.itemId === itemId);
    if (!item || context.year === null || context.managerId === null) return null;
    return { planId, itemId, year: context.year, month: item.month, customerId: item.customerId, managerId: context.managerId, approved: state.state === 'approved' };
  }

  /** The stream exists and was not started by this very request (same actor, same Idempotency-Key). */
  async openedByOtherRequest(workflow: Parameters<WorkflowEngine['load']>[0], id: string, actor: Actor, idempotencyKey: string | string[] | undefined): Promise<boolean> {
    const { events } = await this.engine.load(workflow, id);
    if (events.length === 0) return false;
    return typeof idempotencyKey !== 'string' || events[0].metadata.idempotencyKey !== idempotencyKey || events[0].metadata.actor !== actor.id;
  }
}

