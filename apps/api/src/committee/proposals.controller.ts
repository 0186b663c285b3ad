import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { proposalWorkflow } from '@crm/committee';
import type { ProjectionRunner, ReadModelDb, WorkflowEngine } from '@crm/engine';
import { type Actor, WorkflowNotFound } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { commandResponse } from '../workflows/command-response';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import { CloseVoteBody, GroupDecisionBody, Id, ListQuery, PriceProposalBody, VoteBody, WithdrawBody } from './committee.bodies';
import { CommitteeCommands, type HttpRequestLike } from './committee-commands.service';
import { CommitteeFacts } from './committee-facts.service';
import { COMMITTEE_PROJECTION, PROPOSALS_TABLE } from './committee.projection';
import { AGENDA_READERS, DECIDERS } from './committee.roles';

type Json = Record<string, unknown>;

@ApiTags('committee')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('committee/proposals')
export class ProposalsController {
  constructor(
    private readonly commands: CommitteeCommands,
    private readonly facts: CommitteeFacts,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('sales_reviewer', 'general_manager')
  @ApiOperation({ summary: 'R-PRICE-1: propose a price for a product line at a designated warehouse (R-PRIN-4); the members are asked to vote' })
  async submit(@Body({ schema: PriceProposalBody }) body: PriceProposalBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    const id = this.commands.idFor('pp', actor, req, body.proposalId);
    const services = await this.facts.forProposal(body.productLineId, body.warehouseId);
    return commandResponse(id, await this.commands.send(proposalWorkflow, id, 'SubmitPriceProposal', { ...body, proposalId: id }, actor, req, services));
  }

  @Post(':id/votes')
  @HttpCode(200)
  @Roles(...DECIDERS)
  @ApiOperation({ summary: 'R-PRICE-1: a member votes (approve, reject, abstain) with an opinion; the vote that decides records the outcome with it' })
  vote(@Param('id', { schema: Id }) id: string, @Body({ schema: VoteBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'CastCommitteeVote', body, actor, req);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...DECIDERS)
  @ApiOperation({ summary: 'R-PRICE-1: the chair ends the vote with the votes in (the quorum still applies)' })
  close(@Param('id', { schema: Id }) id: string, @Body({ schema: CloseVoteBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'CloseCommitteeVote', body, actor, req);
  }

  @Post(':id/group-decision')
  @HttpCode(200)
  @Roles(...DECIDERS)
  @ApiOperation({ summary: '超过权限上报集团公司审批: the chair records the group\'s decision on an escalated proposal' })
  groupDecision(@Param('id', { schema: Id }) id: string, @Body({ schema: GroupDecisionBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'RecordGroupDecision', body, actor, req);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  // an administrator withdraws the policy proposals they made (R-PRICE-1 审议公司客户管理方案和机制)
  @Roles('sales_reviewer', 'general_manager', 'administrator')
  @ApiOperation({ summary: 'The proposer withdraws a proposal still before the committee' })
  withdraw(@Param('id', { schema: Id }) id: string, @Body({ schema: WithdrawBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'WithdrawProposal', body, actor, req);
  }

  @Get()
  @Roles(...AGENDA_READERS)
  @ApiOperation({ summary: 'The committee\'s proposals, newest first; filter by status (voting, escalated, approved, rejected, withdrawn)' })
  async list(@Query({ schema: ListQuery }) query: ListQuery) {
    await waitForProjections(this.runner, [COMMITTEE_PROJECTION], query.minPosition);
    let q = this.readModels.db.selectFrom(PROPOSALS_TABLE).selectAll();
    if (query.status) q = q.where('status', '=', query.status);
    return { items: await q.orderBy('submitted_at', 'desc').orderBy('proposal_id').limit(query.limit).execute() };
  }

  @Get(':id')
  @Roles(...AGENDA_READERS)
  @ApiOperation({ summary: 'One proposal from its stream: the change, the charter it copied, every vote and opinion, the outcome' })
  async get(@Param('id', { schema: Id }) id: string) {
    const { state, streamId, events } = await this.engine.load(proposalWorkflow, id);
    if (events.length === 0) throw new WorkflowNotFound(streamId);
    return { id, streamId, state: state.state, ...(state.context as object), history: events.map((e) => ({ type: e.type, by: e.metadata.actor, at: e.metadata.occurredAt, position: e.position })) };
  }

  private async run(id: string, type: string, body: Json, actor: Actor, req: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(proposalWorkflow, id, type, body, actor, req));
  }
}
