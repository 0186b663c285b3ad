import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner, ReadModelDb } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { DelegationService } from './delegation.service';
import { DELEGATIONS_PROJECTION, DELEGATIONS_TABLE } from './delegations.projection';
import { DelegationBody, DelegationsQuery } from './onboarding.bodies';
import type { HttpRequestLike } from './onboarding.command-service';
import { delegationOfRow } from './onboarding-facts.loader';

const REVIEWERS = ['sales_reviewer', 'finance_reviewer', 'general_manager'] as const;

@ApiTags('onboarding')
@ApiBearerAuth()
@Controller('delegations')
export class DelegationsController {
  constructor(
    private readonly delegations: DelegationService,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...REVIEWERS)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Delegate your review role to a colleague holding the same role, for a date range (China dates, inclusive)' })
  async grant(@Body({ schema: DelegationBody }) body: DelegationBody, @CurrentActor() actor: Actor, @Req() request: HttpRequestLike) {
    const result = await this.delegations.grant(body, actor, request);
    return { id: result.delegation.delegationId, ...result };
  }

  @Get()
  @Roles(...REVIEWERS, 'auditor', 'administrator')
  @ApiOperation({ summary: 'Delegations: reviewers see those they gave or hold; auditors and administrators see all' })
  async list(@Query({ schema: DelegationsQuery }) query: DelegationsQuery, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, [DELEGATIONS_PROJECTION], query.minPosition);
    let select = this.readModels.db.selectFrom(DELEGATIONS_TABLE).selectAll();
    if (!actor.roles.some((r) => r === 'auditor' || r === 'administrator'))
      select = select.where((eb) => eb.or([eb('delegator_id', '=', actor.id), eb('delegate_id', '=', actor.id)]));
    if (query.activeOn) select = select.where('valid_from', '<=', query.activeOn).where('valid_until', '>=', query.activeOn);
    const rows = await select.orderBy('position').execute();
    return { items: rows.map((r) => ({ ...delegationOfRow(r), grantedBy: r.granted_by as string, grantedAt: r.granted_at as string })) };
  }
}
