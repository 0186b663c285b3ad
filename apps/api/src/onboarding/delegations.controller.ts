import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner, ReadModelDb } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { UserDirectory } from '../auth/user-directory';
import { USERS_PROJECTION, USERS_TABLE } from '../users/users.projection';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { DelegationService } from './delegation.service';
import { DELEGATION_REVOCATIONS_TABLE, DELEGATIONS_PROJECTION, DELEGATIONS_TABLE } from './delegations.projection';
import { DelegationBody, DelegationIdParam, DelegationsQuery, ReadQuery, RevokeDelegationBody } from './onboarding.bodies';
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
    private readonly users: UserDirectory,
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

  /**
   * Whom the caller may delegate to: active colleagues holding one of the caller's deciding roles,
   * by name, so the console offers people instead of asking for a username (issue 16).
   */
  @Get('candidates')
  @Roles(...REVIEWERS)
  @ApiOperation({ summary: 'Colleagues you may delegate to: active users holding one of your deciding roles (name and roles, never yourself)' })
  async candidates(@Query({ schema: ReadQuery }) query: ReadQuery, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, [USERS_PROJECTION], query.minPosition);
    const mine = REVIEWERS.filter((role) => actor.roles.includes(role));
    const rows = await this.readModels.db.selectFrom(USERS_TABLE).select(['username', 'name', 'roles']).where('disabled', '=', 0).where('username', '!=', actor.id).orderBy('username').execute();
    const items = rows
      .map((r) => ({ username: r.username as string, name: r.name as string, roles: JSON.parse(r.roles) as string[] }))
      .filter((u) => u.roles.some((role) => (mine as readonly string[]).includes(role)));
    return { items };
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
    const named = rows.flatMap((row) => [row.delegator_id, row.delegate_id, row.granted_by, row.revoked_by] as Array<string | null>);
    return {
      people: await this.peopleOf(named),
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

  /** The people a page names, as the console shows them: 姓名（角色）; one unknown to the directory is left out. */
  private async peopleOf(ids: ReadonlyArray<string | null>): Promise<Record<string, { name: string; roles: string[] }>> {
    const people: Record<string, { name: string; roles: string[] }> = {};
    for (const id of new Set(ids.filter((x): x is string => typeof x === 'string'))) {
      const user = await this.users.current(id);
      if (user) people[id] = { name: user.name, roles: user.roles };
    }
    return people;
  }
}
