import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { priceBookIdOf, priceBookWorkflow } from '@crm/commerce';
import { type ProposalContext, proposalWorkflow } from '@crm/committee';
import type { WorkflowEngine } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Actor } from '@crm/workflow-kit';
import { REACTOR_RUNNER } from '../process/process.tokens';
import type { Reactor } from '../process/reactor';
import type { ReactorRunner } from '../process/reactor.runner';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';

export const COMMITTEE_SYSTEM_ACTOR: Actor = { id: 'system:committee', roles: [], system: true };

/**
 * R-PRICE-1: once a price proposal is finally approved (by the committee, or by the group above
 * its authority), its price enters the price book. Keyed by the approval's event id, so a
 * redelivery sets nothing twice; the price book's machine refuses a proposal it already holds.
 */
@Injectable()
export class PriceApprovalProcess implements Reactor, OnModuleInit {
  readonly name = 'committee-sets-approved-prices';
  readonly eventTypes = ['ProposalApproved'];

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(REACTOR_RUNNER) private readonly runner: ReactorRunner,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async react(event: StoredEvent): Promise<void> {
    if (!event.streamId.startsWith(`${proposalWorkflow.streamPrefix}-`)) return;
    const proposal = (await this.engine.load(proposalWorkflow, event.streamId.slice(proposalWorkflow.streamPrefix.length + 1))).state.context as ProposalContext;
    const change = proposal.change;
    if (!change || !proposal.proposalId) return;
    const data = {
      productLineId: change.productLineId, warehouseId: change.warehouseId, priceFen: change.priceFen, effectiveFrom: change.effectiveFrom,
      proposalId: proposal.proposalId, decidedBy: event.data.decidedBy, decidedAt: event.data.at,
    };
    const meta = { actor: COMMITTEE_SYSTEM_ACTOR, now: String(event.data.at), idempotencyKey: event.id, correlationId: event.metadata.correlationId, causationId: event.id };
    await this.commandBus.execute(new ExecuteWorkflowCommand(priceBookWorkflow.name, priceBookIdOf(change.productLineId, change.warehouseId), { type: 'SetPrice', data, meta }));
  }
}
