import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner, ReadModelDb } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { DelegationService } from './delegation.service';
import { DELEGATION_REVOCATIONS_TABLE, DELEGATIONS_PROJECTION, DELEGATIONS_TABLE } from './delegations.projection';
import { DelegationBody, DelegationIdParam, DelegationsQuery, RevokeDelegationBody } from './onboarding.bodies';
import type { HttpRequestLike } from './onboarding.command-service';
import { delegationOfRow } from './onboarding-facts.loader';

/** the deciding roles: a delegation covers every task of its role (issue 15), not only onboarding's steps */
const REVIEWERS = ['sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor'] as const;

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
  @ApiOperation({ summary: 'Delegate your deciding role to a colleague holding the same role, for a date range (China dates, inclusive): your tasks of that role, in every workflow' })
  async grant(@Body({ schema: DelegationBody }) body: DelegationBody, @CurrentActor() actor: Actor, @Req() request: HttpRequestLike) {
    const result = await this.delegations.grant(body, actor, request);
    return { id: result.delegation.delegationId, ...result };
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles(...REVIEWERS, 'administrator')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Revoke a delegation (the delegator or an administrator): it gives no right from now on; decisions already taken under it stand' })
  async revoke(
    @Param('id', { schema: DelegationIdParam }) id: string,
    @Body({ schema: RevokeDelegationBody }) body: RevokeDelegationBody,
    @CurrentActor() actor: Actor,
    @Req() request: HttpRequestLike,
  ) {
    const result = await this.delegations.revoke(id, body, actor, request);
    return { id, ...result };
  }

  @Get()
  @Roles(...REVIEWERS, 'auditor', 'administrator')
  @ApiOperation({ summary: 'Delegations: reviewers see those they gave or hold; auditors and administrators see all; `activeOn` leaves out revoked ones' })
  async list(@Query({ schema: DelegationsQuery }) query: DelegationsQuery, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, [DELEGATIONS_PROJECTION], query.minPosition);
    const d = DELEGATIONS_TABLE;
    const r = DELEGATION_REVOCATIONS_TABLE;
    let select = this.readModels.db
      .selectFrom(d)
      .leftJoin(r, `${r}.delegation_id`, `${d}.delegation_id`)
      .selectAll(d)
      .select([`${r}.revoked_by`, `${r}.revoked_at`, `${r}.reason as revocation_reason`]);
    if (!actor.roles.some((role) => role === 'auditor' || role === 'administrator'))
      select = select.where((eb) => eb.or([eb('delegator_id', '=', actor.id), eb('delegate_id', '=', actor.id)]));
    if (query.activeOn) select = select.where('valid_from', '<=', query.activeOn).where('valid_until', '>=', query.activeOn).where(`${r}.revoked_at`, 'is', null);
    const rows = await select.orderBy(`${d}.position`).execute();
    return {
      items: rows.map((row) => ({
        ...delegationOfRow(row),
        grantedBy: row.granted_by as string,
        grantedAt: row.granted_at as string,
        revokedBy: (row.revoked_by as string | null) ?? null,
        revokedAt: (row.revoked_at as string | null) ?? null,
        revocationReason: (row.revocation_reason as string | null) ?? null,
      })),
    };
  }
}
