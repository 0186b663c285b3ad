import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { addMonths } from '@crm/key-accounts';
import type { Actor } from '@crm/workflow-kit';
import type { ProjectionRunner, ReadModelDb } from '@crm/engine';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { ALLOCATIONS_TABLE, SIGNALS_TABLE } from './key-account-projections';
import { AbcQuery, EvaluationBody, ReviewQuery, WarningsQuery } from './key-accounts.bodies';
import { FIGURE_PROJECTIONS, KeyAccountService, type HttpRequestLike } from './key-account.service';
import { ReviewReportService } from './review-report.service';
import { reviewSheet } from './review.sheet';
import { SpreadsheetDownload } from '../spreadsheets/spreadsheet-download';

/** Who reads the company-wide analyses: the sales department, leadership, supervision, audit. */
export const ANALYSTS = ['sales_reviewer', 'general_manager', 'supervisor', 'auditor'] as const;

@ApiTags('key-accounts')
@ApiBearerAuth()
@Controller('key-accounts')
export class KeyAccountsController {
  constructor(
    private readonly keyAccounts: KeyAccountService,
    private readonly reviews: ReviewReportService,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Get('abc')
  @Roles(...ANALYSTS)
  @ApiOperation({ summary: 'R-KAM-1: ABC / Pareto of customers by tonnage over whole months (default the 12 before this one); thresholds a (default 0.8) and b (0.95)' })
  async abc(@Query({ schema: AbcQuery }) query: AbcQuery) {
    await waitForProjections(this.runner, FIGURE_PROJECTIONS, query.minPosition);
    const to = query.to ?? addMonths(this.keyAccounts.currentMonth(), -1);
    const from = query.from ?? addMonths(to, -11);
    if (from > to) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', rule: 'R-KAM-1', field: 'from', message: `R-KAM-1: from ${from} is after to ${to}` });
    return this.keyAccounts.abc(from, to, { a: query.a, b: query.b }, query.productLine ?? null);
  }

  @Post('evaluations')
  @HttpCode(200)
  @Roles('sales_reviewer', 'supervisor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'R-KAM-3/4: evaluate a past month — decline warnings (once per customer and month) and loyalty levels; running it again writes nothing new' })
  evaluate(@Body({ schema: EvaluationBody }) body: EvaluationBody, @CurrentActor() actor: Actor, @Req() request: HttpRequestLike) {
    return this.keyAccounts.evaluate(body.month, actor, request);
  }

  @Get('warnings')
  @Roles(...ANALYSTS)
  @ApiOperation({ summary: 'R-KAM-3/4: warnings raised and cleared and loyalty level changes, of one month or all' })
  async warnings(@Query({ schema: WarningsQuery }) query: WarningsQuery) {
    await waitForProjections(this.runner, [SIGNALS_TABLE], query.minPosition);
    let q = this.readModels.db.selectFrom(SIGNALS_TABLE).selectAll();
    if (query.month) q = q.where('month', '=', query.month);
    const rows = (await q.orderBy('position').execute()) as Array<Record<string, any>>;
    const open = new Map<string, Record<string, any>>();
    for (const r of rows.filter((r) => r.kind !== 'level_changed')) {
      if (r.kind === 'warning_raised') open.set(r.customer_id, r);
      else open.delete(r.customer_id);
    }
    const view = (r: Record<string, any>) => ({ eventId: r.event_id, position: Number(r.position), customerId: r.customer_id, month: r.month, kind: r.kind, at: r.at, detail: JSON.parse(r.detail) });
    return { month: query.month ?? null, signals: rows.map(view), open: [...open.values()].map(view) };
  }

  @Get('reviews')
  @Roles(...ANALYSTS)
  @SpreadsheetDownload(reviewSheet)
  @ApiOperation({ summary: 'R-EVAL-2: quarterly / half-yearly / yearly review per customer class — volumes, ABC, grade changes, warnings, loyalty, allocations' })
  async review(@Query({ schema: ReviewQuery }) query: ReviewQuery) {
    await waitForProjections(this.runner, [...FIGURE_PROJECTIONS, 'customer_grade_history', SIGNALS_TABLE, ALLOCATIONS_TABLE], query.minPosition);
    return this.reviews.report(query.period);
  }
}
