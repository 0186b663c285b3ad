import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { PROJECTION_RUNNER } from '../read-models/read-model.tokens';
import { MinPosition, waitForProjections } from '../read-models/read-your-writes';
import { commandResponse } from '../workflows/command-response';
import { SheetQuery } from '../spreadsheets/sheet-format';
import { SpreadsheetDownload } from '../spreadsheets/spreadsheet-download';
import { AllocationService } from './allocation.service';
import { allocationMonthSheet, allocationSheet } from './allocation.sheets';
import { ALLOCATIONS_TABLE } from './key-account-projections';
import { AdjustAllocationBody, ApproveAllocationBody, MonthParam, ProductLineParam, ProposalBody, ReturnAllocationBody } from './key-accounts.bodies';
import type { ProductLine } from '@crm/customers';
import { ANALYSTS } from './key-accounts.controller';
import type { HttpRequestLike } from './key-account.service';

const ViewQuery = z.strictObject({ minPosition: MinPosition, ...SheetQuery });

@ApiTags('key-accounts')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('allocations')
export class AllocationsController {
  constructor(
    private readonly allocations: AllocationService,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Post(':month/:productLine/proposals')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: "R-ALLOC-1..3: propose a product line's allocation for the month from the available volume, requests, the agents' filed plans and cooperation scores; computed, recorded with its inputs, sent to the general manager; on an approved month, an amendment" })
  async propose(@Param('month', { schema: MonthParam }) month: string, @Param('productLine', { schema: ProductLineParam }) line: ProductLine, @Body({ schema: ProposalBody }) body: ProposalBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(month, await this.allocations.propose(month, line, body, actor, req));
  }

  @Post(':month/:productLine/adjustments')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-ALLOC-2: change one line of the proposal under review by hand, with a reason (within the demand and the volume available)' })
  async adjust(@Param('month', { schema: MonthParam }) month: string, @Param('productLine', { schema: ProductLineParam }) line: ProductLine, @Body({ schema: AdjustAllocationBody }) body: AdjustAllocationBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(month, await this.allocations.adjust(month, line, body, actor, req));
  }

  @Post(':month/:productLine/approve')
  @HttpCode(200)
  @Roles('general_manager')
  @ApiOperation({ summary: 'R-ALLOC-2: the general manager approves the proposal of the round named; from then on pickups of the month are held to it' })
  async approve(@Param('month', { schema: MonthParam }) month: string, @Param('productLine', { schema: ProductLineParam }) line: ProductLine, @Body({ schema: ApproveAllocationBody }) body: ApproveAllocationBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(month, await this.allocations.decide(month, line, 'ApproveAllocation', body, actor, req));
  }

  @Post(':month/:productLine/return')
  @HttpCode(200)
  @Roles('general_manager')
  @ApiOperation({ summary: 'R-ALLOC-2: the general manager returns the proposal with a reason; the sales department proposes again' })
  async return(@Param('month', { schema: MonthParam }) month: string, @Param('productLine', { schema: ProductLineParam }) line: ProductLine, @Body({ schema: ReturnAllocationBody }) body: ReturnAllocationBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(month, await this.allocations.decide(month, line, 'ReturnAllocation', body, actor, req));
  }

  @Get(':month/:productLine')
  @Roles(...ANALYSTS)
  @SpreadsheetDownload(allocationSheet)
  @ApiOperation({ summary: "R-ALLOC-2: a product line's latest proposal for the month, its lines (rank, score, completion, evenness, cooperation, manual adjustments), its decision and the allocation in force" })
  async view(@Param('month', { schema: MonthParam }) month: string, @Param('productLine', { schema: ProductLineParam }) line: ProductLine, @Query({ schema: ViewQuery }) query: { minPosition?: number }) {
    await waitForProjections(this.runner, [ALLOCATIONS_TABLE], query.minPosition);
    return this.allocations.view(month, line);
  }

  @Get(':month')
  @Roles(...ANALYSTS)
  @SpreadsheetDownload(allocationMonthSheet)
  @ApiOperation({ summary: "R-ALLOC-2: every product line's allocation of the month" })
  async month(@Param('month', { schema: MonthParam }) month: string, @Query({ schema: ViewQuery }) query: { minPosition?: number }) {
    await waitForProjections(this.runner, [ALLOCATIONS_TABLE], query.minPosition);
    return this.allocations.month(month);
  }
}
