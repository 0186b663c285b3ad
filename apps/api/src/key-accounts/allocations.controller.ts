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
import { AllocationService } from './allocation.service';
import { ALLOCATIONS_TABLE } from './key-account-projections';
import { ApproveAllocationBody, MonthParam, ProposalBody, ReturnAllocationBody } from './key-accounts.bodies';
import { ANALYSTS } from './key-accounts.controller';
import type { HttpRequestLike } from './key-account.service';

const ViewQuery = z.strictObject({ minPosition: MinPosition });

@ApiTags('key-accounts')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('allocations')
export class AllocationsController {
  constructor(
    private readonly allocations: AllocationService,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Post(':month/proposals')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: "R-ALLOC-1..3: propose the month's allocation from the available volume, requests and the agents' filed plans; computed, recorded with its inputs, sent to the general manager" })
  async propose(@Param('month', { schema: MonthParam }) month: string, @Body({ schema: ProposalBody }) body: ProposalBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(month, await this.allocations.propose(month, body, actor, req));
  }

  @Post(':month/approve')
  @HttpCode(200)
  @Roles('general_manager')
  @ApiOperation({ summary: 'R-ALLOC-2: the general manager approves the proposal of the round named' })
  async approve(@Param('month', { schema: MonthParam }) month: string, @Body({ schema: ApproveAllocationBody }) body: ApproveAllocationBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(month, await this.allocations.decide(month, 'ApproveAllocation', body, actor, req));
  }

  @Post(':month/return')
  @HttpCode(200)
  @Roles('general_manager')
  @ApiOperation({ summary: 'R-ALLOC-2: the general manager returns the proposal with a reason; the sales department proposes again' })
  async return(@Param('month', { schema: MonthParam }) month: string, @Body({ schema: ReturnAllocationBody }) body: ReturnAllocationBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(month, await this.allocations.decide(month, 'ReturnAllocation', body, actor, req));
  }

  @Get(':month')
  @Roles(...ANALYSTS)
  @ApiOperation({ summary: "R-ALLOC-2: the month's latest proposal, its lines (rank, score, completion, evenness) and its decision" })
  async view(@Param('month', { schema: MonthParam }) month: string, @Query({ schema: ViewQuery }) query: { minPosition?: number }) {
    await waitForProjections(this.runner, [ALLOCATIONS_TABLE], query.minPosition);
    return this.allocations.view(month);
  }
}
