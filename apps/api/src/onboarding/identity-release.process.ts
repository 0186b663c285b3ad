import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { WorkflowEngine } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import { type ApplicationApproved, onboardingWorkflow } from '@crm/onboarding';
import type { CommandMeta } from '@crm/workflow-kit';
import { REACTOR_RUNNER } from '../process/process.tokens';
import type { Reactor } from '../process/reactor';
import type { ReactorRunner } from '../process/reactor.runner';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import { ONBOARDING_SYSTEM_ACTOR } from './customer-archive.process';
import { IdentityReservations } from './identity-reservations';

/**
 * ONB-DUPLICATE: a withdrawn or rejected application lets its company go, so the company can
 * apply again; an approved one hands the company over to its customer, which keeps it for good.
 * The idempotency key is the closing event's id, so a redelivery writes nothing more. Until this
 * has run, a new application for the company takes the key over itself (the holder is closed).
 */
@Injectable()
export class IdentityReleaseProcess implements Reactor, OnModuleInit {
  readonly name = 'onboarding-releases-company-identity';
  readonly eventTypes = ['ApplicationWithdrawn', 'ApplicationRejected', 'ApplicationApproved'];

  constructor(
    private readonly reservations: IdentityReservations,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(REACTOR_RUNNER) private readonly runner: ReactorRunner,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async react(event: StoredEvent): Promise<void> {
    const applicationId = event.streamId.slice(`${onboardingWorkflow.streamPrefix}-`.length);
    const at = typeof event.data.at === 'string' ? event.data.at : event.metadata.occurredAt;
    const meta: CommandMeta = { actor: ONBOARDING_SYSTEM_ACTOR, now: at, idempotencyKey: event.id, correlationId: event.metadata.correlationId, causationId: event.id };
    if (event.type === 'ApplicationApproved') {
      const approved = event.data as unknown as ApplicationApproved;
      await this.reservations.handOver(approved.identityKey, applicationId, approved.customerId, approved.productLine, meta);
      return;
    }
    // the closing events do not carry the key: the application's stream, closed for good, does
    const { state } = await this.engine.load(onboardingWorkflow, applicationId);
    const identityKey = state.context?.identityKey as string | null;
    if (!identityKey) return;
    await this.reservations.release(identityKey, applicationId, event.type === 'ApplicationWithdrawn' ? 'withdrawn' : 'rejected', meta);
  }
}
