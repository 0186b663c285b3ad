import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type ProposalContext, proposalWorkflow } from '@crm/committee';
import type { WorkflowEngine } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import { DomainRuleViolation } from '@crm/workflow-kit';
import { REACTOR_RUNNER } from '../process/process.tokens';
import type { Reactor } from '../process/reactor';
import type { ReactorRunner } from '../process/reactor.runner';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import { ComplaintPolicyService, POLICY_RULE } from './complaint-policy.service';

const COMMITTEE_ACTOR_ID = 'system:committee';

/**
 * R-PRICE-1 审议公司客户管理方案和机制: the committee's approval of a complaint policy publishes
 * it. Price approvals are the price book's (PriceApprovalProcess); a redelivered approval finds
 * its version already published and writes nothing.
 */
@Injectable()
export class ComplaintPolicyApprovalProcess implements Reactor, OnModuleInit {
  readonly name = 'committee-publishes-complaint-policies';
  readonly eventTypes = ['ProposalApproved'];

  constructor(
    private readonly policies: ComplaintPolicyService,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(REACTOR_RUNNER) private readonly runner: ReactorRunner,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async react(event: StoredEvent): Promise<void> {
    const prefix = `${proposalWorkflow.streamPrefix}-`;
    if (!event.streamId.startsWith(prefix)) return;
    const proposalId = event.streamId.slice(prefix.length);
    const proposal = (await this.engine.load(proposalWorkflow, proposalId)).state.context as ProposalContext;
    if (proposal.policy?.kind !== 'complaint-sla') return;
    try {
      await this.policies.publishApproved(proposalId, COMMITTEE_ACTOR_ID, new Date(String(event.data.at)));
    } catch (error) {
      // two approved proposals of one version: the first published it; the second stays an approval on record, never a second version
      if (!(error instanceof DomainRuleViolation && error.ruleId === POLICY_RULE)) throw error;
      this.logger.warn(`proposal ${proposalId} was approved, but its version was published by another proposal first: ${error.message}`);
    }
  }

  private readonly logger = new Logger('committee-publishes-complaint-policies');
}
