import { CustomerReviewService } from './customer-review.service';
import { PeriodicReviewsController } from './periodic-reviews.controller';
import { Module } from '@nestjs/common';
import { AllocationService } from './allocation.service';
import { AllocationsController } from './allocations.controller';
import { KeyAccountService } from './key-account.service';
import { KeyAccountsController } from './key-accounts.controller';
import { PickupFiguresService } from './pickup-figures.service';
import { ReviewReportService } from './review-report.service';

/**
 * Key accounts (R-KAM-1/3/4), resource allocation (R-ALLOC-1..3) and the periodic review (R-EVAL-2).
 * Warnings name their recipients (`notify`), so the notification outbox delivers them.
 */
@Module({
  controllers: [KeyAccountsController, AllocationsController, PeriodicReviewsController],
  providers: [PickupFiguresService, KeyAccountService, AllocationService, ReviewReportService, CustomerReviewService],
})
export class KeyAccountsModule {}
