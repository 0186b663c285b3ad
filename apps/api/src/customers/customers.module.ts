import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { raw, text } from 'express';
import { XLSX_MEDIA_TYPE } from '../spreadsheets/xlsx-writer';
import { ProcessModule } from '../process/process.module';
import { AccountController } from './account.controller';
import { CompanyDocumentsProcess } from './company-documents.process';
import { OnboardingModule } from '../onboarding/onboarding.module';
import { IdentityChangeService } from './identity-change.service';
import { CustomerCommandService } from './customer-command.service';
import { CustomerCommandsController } from './customer-commands.controller';
import { CustomerQueriesController } from './customer-queries.controller';
import { CustomerReadService } from './customer-read.service';
import { CustomerReportsController } from './customer-reports.controller';
import { CustomerReviewsController } from './customer-reviews.controller';
import { PickupImportController } from './pickup-import.controller';
import { ReceiptImportController } from './receipt-import.controller';
import { RegistrationController } from './registration.controller';
import { SalesPlanController } from './sales-plan.controller';

/** The customer lifecycle over HTTP (issue 7): archive, pickups and grading, qualifications, disqualification. */
@Module({
  controllers: [AccountController, CustomerQueriesController, CustomerCommandsController, CustomerReviewsController, PickupImportController, ReceiptImportController, CustomerReportsController, SalesPlanController, RegistrationController],
  imports: [ProcessModule, OnboardingModule],
  providers: [CustomerCommandService, CustomerReadService, CompanyDocumentsProcess, IdentityChangeService],
})
export class CustomersModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // the app parses JSON only; a CSV upload arrives as text, a workbook as bytes (multipart is read by the controller)
    consumer
      .apply(text({ type: ['text/csv', 'text/plain'], limit: '20mb' }), raw({ type: [XLSX_MEDIA_TYPE, 'application/octet-stream'], limit: '20mb' }))
      .forRoutes({ path: 'pickups/import', method: RequestMethod.POST }, { path: 'receipts/import', method: RequestMethod.POST });
  }
}
