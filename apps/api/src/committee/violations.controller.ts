import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { violationWorkflow } from '@crm/committee';
import type { ProjectionRunner, ReadModelDb, WorkflowEngine } from '@crm/engine';
import { type Actor, WorkflowNotFound } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { commandResponse } from '../workflows/command-response';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import { Id, ListQuery, ViolationBody, ViolationDecisionBody } from './committee.bodies';
import { CommitteeCommands, type HttpRequestLike } from './committee-commands.service';
import { CommitteeFacts } from './committee-facts.service';
import { COMMITTEE_PROJECTION, VIOLATIONS_TABLE } from './committee.projection';
import { AGENDA_READERS, DECIDERS, REPORTERS } from './committee.roles';

@ApiTags('committee')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('committee/violations')
export class ViolationsController {
  constructor(
    private readonly commands: CommitteeCommands,
    private readonly facts: CommitteeFacts,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...REPORTERS)
  @ApiOperation({ summary: 'R-PRICE-2: bring a violation of price or customer policy before the committee (it shows in the customer\'s history)' })
  async open(@Body({ schema: ViolationBody }) body: ViolationBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    const id = this.commands.idFor('vc', actor, req, body.caseId);
    const services = { charter: await this.facts.charter() };
    return commandResponse(id, await this.commands.send(violationWorkflow, id, 'OpenViolationCase', { ...body, caseId: id }, actor, req, services));
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles(...DECIDERS)
  @ApiOperation({ summary: 'R-PRICE-2: the committee\'s decision on a case, recorded by its chair, with the sanction when upheld' })
  async decide(@Param('id', { schema: Id }) id: string, @Body({ schema: ViolationDecisionBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(violationWorkflow, id, 'DecideViolationCase', body, actor, req));
  }

  @Get()
  @Roles(...AGENDA_READERS)
  @ApiOperation({ summary: 'R-PRICE-2: the cases, newest first; filter by status (open, decided)' })
  async list(@Query({ schema: ListQuery }) query: ListQuery) {
    await waitForProjections(this.runner, [COMMITTEE_PROJECTION], query.minPosition);
    let q = this.readModels.db.selectFrom(VIOLATIONS_TABLE).selectAll();
    if (query.status) q = q.where('status', '=', query.status);
    return { items: await q.orderBy('opened_at', 'desc').orderBy('case_id').limit(query.limit).execute() };
  }

  @Get(':id')
  @Roles(...AGENDA_READERS)
  @ApiOperation({ summary: 'One case from its stream: the report, the evidence, the decision and sanction' })
  async get(@Param('id', { schema: Id }) id: string) {
    const { state, streamId, events } = await this.engine.load(violationWorkflow, id);
    if (events.length === 0) throw new WorkflowNotFound(streamId);
    return { id, streamId, state: state.state, events: events.map((e) => ({ type: e.type, data: e.data, position: e.position })) };
  }
}
