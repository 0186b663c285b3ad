import { Module } from '@nestjs/common';
import { ProcessModule } from '../process/process.module';
import { CatalogueController } from './catalogue.controller';
import { CharterController } from './charter.controller';
import { CommitteeCommands } from './committee-commands.service';
import { CommitteeFacts } from './committee-facts.service';
import { ContractsController } from './contracts.controller';
import { PriceApprovalProcess } from './price-approval.process';
import { ProposalsController } from './proposals.controller';
import { ViolationsController } from './violations.controller';

/** 价格与客户管理委员会 (篇5) and the commercial master data it prices: R-PRICE-1/2, R-PRIN-4, R-TIER-1. */
@Module({
  imports: [ProcessModule],
  controllers: [CharterController, ProposalsController, ViolationsController, CatalogueController, ContractsController],
  providers: [CommitteeCommands, CommitteeFacts, PriceApprovalProcess],
  exports: [CommitteeCommands, CommitteeFacts],
})
export class CommitteeModule {}
