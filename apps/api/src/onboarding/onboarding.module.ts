import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import type { WorkflowEngine } from '@crm/engine';
import { onboardingWorkflow } from '@crm/onboarding';
import { CommandServices } from '../workflows/command-services';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import { onboardingCommandFacts } from './onboarding.command-facts';
import { ProcessModule } from '../process/process.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsQueryService } from './applications.query';
import { CustomerArchiveProcess } from './customer-archive.process';
import { DelegationService } from './delegation.service';
import { DelegationsController } from './delegations.controller';
import { IdentityReleaseProcess } from './identity-release.process';
import { IdentityMoveProcess } from './identity-move.process';
import { IdentityReservations } from './identity-reservations';
import { InboxQueryService } from './inbox.query';
import { OnboardingCommandService } from './onboarding.command-service';
import { OnboardingFactsLoader } from './onboarding-facts.loader';
import { OnboardingQueriesController } from './onboarding-queries.controller';
import { ReviewController } from './review.controller';

/** Account opening (issue 5): commands, company reservations, delegations, queries, inbox, and the archive-opening and reservation-release processes. */
@Module({
  imports: [ProcessModule],
  controllers: [ApplicationsController, ReviewController, DelegationsController, OnboardingQueriesController],
  providers: [
    OnboardingFactsLoader, IdentityReservations, OnboardingCommandService, DelegationService, ApplicationsQueryService, InboxQueryService,
    CustomerArchiveProcess, IdentityReleaseProcess, IdentityMoveProcess,
  ],
  // R-ARC-1 (ADR 0024): the customers context moves a re-registered customer's company key through it
  exports: [IdentityReservations],
})
export class OnboardingModule implements OnModuleInit {
  constructor(
    private readonly commandServices: CommandServices,
    private readonly facts: OnboardingFactsLoader,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
  ) {}

  onModuleInit(): void {
    this.commandServices.register(onboardingWorkflow.name, onboardingCommandFacts(this.engine, this.facts));
  }
}
