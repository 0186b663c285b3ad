import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProductLine } from '@crm/customers';
import { ConcludeCustomerReview, RecordReviewOutcome, ReviewPeriod } from '@crm/key-accounts';
import type { Actor } from '@crm/workflow-kit';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { commandResponse } from '../workflows/command-response';
import { CustomerReviewService } from './customer-review.service';
import { ProductLineParam } from './key-accounts.bodies';
import { ANALYSTS } from './key-accounts.controller';
import type { HttpRequestLike } from './key-account.service';

const OpenReviewBody = z.strictObject({ period: ReviewPeriod, productLine: ProductLineParam });
const OutcomeBody = z.strictObject(RecordReviewOutcome.shape);
const ConcludeBody = z.strictObject(ConcludeCustomerReview.shape);

/** R-EVAL-2: a product line's quarterly, half-yearly or yearly customer review, recorded and reported (R-ALLOC-2 reads it). */
@ApiTags('key-accounts')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('customer-reviews')
export class PeriodicReviewsController {
  constructor(private readonly reviews: CustomerReviewService) {}

  @Post()
  @HttpCode(201)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-EVAL-2: open the review of a product line for a period, each customer with an outcome suggested from the period’s figures' })
  async open(@Body({ schema: OpenReviewBody }) body: z.infer<typeof OpenReviewBody>, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    const id = `${body.productLine}.${body.period}`;
    return commandResponse(id, await this.reviews.open(body.period, body.productLine, actor, req));
  }

  @Post(':productLine/:period/outcomes')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-EVAL-2: record a customer’s outcome (keep, up, down, exit) with its reason, where the department decides otherwise than suggested' })
  async outcome(@Param('productLine', { schema: ProductLineParam }) line: ProductLine, @Param('period', { schema: ReviewPeriod }) period: string, @Body({ schema: OutcomeBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(`${line}.${period}`, await this.reviews.send(line, period, 'RecordReviewOutcome', body, actor, req));
  }

  @Post(':productLine/:period/conclude')
  @HttpCode(200)
  @Roles('sales_reviewer', 'general_manager')
  @ApiOperation({ summary: 'R-EVAL-2: conclude the review; the results are on record and reported to 公司经营例会 (quarter, half-year) or 产品经销公司总经理办公会 (year)' })
  async conclude(@Param('productLine', { schema: ProductLineParam }) line: ProductLine, @Param('period', { schema: ReviewPeriod }) period: string, @Body({ schema: ConcludeBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(`${line}.${period}`, await this.reviews.send(line, period, 'ConcludeCustomerReview', body, actor, req));
  }

  @Get(':productLine/:period')
  @Roles(...ANALYSTS)
  @ApiOperation({ summary: 'R-EVAL-2: a review with each customer’s suggestion, evidence, recorded and concluded outcome' })
  view(@Param('productLine', { schema: ProductLineParam }) line: ProductLine, @Param('period', { schema: ReviewPeriod }) period: string) {
    return this.reviews.view(line, period);
  }
}
