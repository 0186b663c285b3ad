import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { customerWorkflow } from '@crm/customers';
import type { StoredEvent } from '@crm/event-store';
import type { ApplicationApproved } from '@crm/onboarding';
import type { Actor } from '@crm/workflow-kit';
import { REACTOR_RUNNER } from '../process/process.tokens';
import type { Reactor } from '../process/reactor';
import type { ReactorRunner } from '../process/reactor.runner';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';
import { openCustomerArchiveFrom } from './customer-archive.mapping';

export const ONBOARDING_SYSTEM_ACTOR: Actor = { id: 'system:onboarding', roles: [], system: true };

/**
 * R-ONB-4: once ApplicationApproved is stored, open the customer archive. The idempotency key is
 * the approval event's id, so a redelivered approval returns the first result and writes
 * nothing; the command's time is the approval's, so a late delivery opens the same archive.
 */
@Injectable()
export class CustomerArchiveProcess implements Reactor, OnModuleInit {
  readonly name = 'onboarding-opens-customer-archive';
  readonly eventTypes = ['ApplicationApproved'];

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(REACTOR_RUNNER) private readonly runner: ReactorRunner,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async react(event: StoredEvent): Promise<void> {
    const approved = event.data as unknown as ApplicationApproved;
    const meta = { actor: ONBOARDING_SYSTEM_ACTOR, now: approved.at, idempotencyKey: event.id, correlationId: event.metadata.correlationId, causationId: event.id };
    const command = { type: 'OpenCustomerArchive', data: openCustomerArchiveFrom(approved), meta };
    await this.commandBus.execute(new ExecuteWorkflowCommand(customerWorkflow.name, approved.customerId, command));
  }
}
