import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { archiveCheckWorkflow } from '@crm/customers';
import type { ProjectionRunner, ReadModelDb, WorkflowEngine } from '@crm/engine';
import { type Actor, WorkflowNotFound } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { commandResponse } from '../workflows/command-response';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import { ArchiveCommands, type HttpRequestLike } from './archive-commands.service';
import { CheckBody, CheckListQuery, CloseBody, PathId, RespondBody } from './archive-filing.bodies';
import { ARCHIVE_FILING_PROJECTION, CHECKS_TABLE } from './archive-filing.projection';
import { ARCHIVE_FILING_READERS } from './archive-filings.controller';

@ApiTags('archive filing')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('archive-checks')
export class ArchiveChecksController {
  constructor(
    private readonly commands: ArchiveCommands,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('parent_chemicals_sales')
  @ApiOperation({ summary: 'R-ARC-3: the parent\'s checker records a periodic check of the archives and customer management: period, scope, findings' })
  async record(@Body({ schema: CheckBody }) body: CheckBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    const id = this.commands.idFor('chk', actor, req, body.checkId);
    return commandResponse(id, await this.commands.send(archiveCheckWorkflow, id, 'RecordArchiveCheck', { ...body, checkId: id }, actor, req));
  }

  @Post(':id/response')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-ARC-3: the sales department responds to every finding of a check' })
  async respond(@Param('id', { schema: PathId }) id: string, @Body({ schema: RespondBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(archiveCheckWorkflow, id, 'RespondToArchiveCheck', body, actor, req));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('parent_chemicals_sales')
  @ApiOperation({ summary: 'R-ARC-3: the checker closes the check once the sales department has responded' })
  async close(@Param('id', { schema: PathId }) id: string, @Body({ schema: CloseBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(archiveCheckWorkflow, id, 'CloseArchiveCheck', body, actor, req));
  }

  @Get()
  @Roles(...ARCHIVE_FILING_READERS)
  @ApiOperation({ summary: 'R-ARC-3: the checks, per period (2026, 2026-H2, 2026-Q4, 2026-11), newest first; filter by status' })
  async list(@Query({ schema: CheckListQuery }) query: CheckListQuery) {
    await waitForProjections(this.runner, [ARCHIVE_FILING_PROJECTION], query.minPosition);
    let q = this.readModels.db.selectFrom(CHECKS_TABLE).selectAll();
    if (query.period) q = q.where('period', '=', query.period);
    if (query.status) q = q.where('status', '=', query.status);
    const rows = await q.orderBy('period', 'desc').orderBy('recorded_at', 'desc').orderBy('check_id').limit(query.limit).execute();
    return { items: rows.map((r: Record<string, any>) => ({
      checkId: r.check_id, period: r.period, status: r.status, scope: r.scope, findings: Number(r.findings), checkerId: r.checker_id, recordedAt: r.recorded_at,
      respondedBy: r.responded_by ?? null, respondedAt: r.responded_at ?? null, closedAt: r.closed_at ?? null, conclusion: r.conclusion ?? null,
    })) };
  }

  @Get(':id')
  @Roles(...ARCHIVE_FILING_READERS)
  @ApiOperation({ summary: 'One check from its stream: the findings, the responses and the closure' })
  async get(@Param('id', { schema: PathId }) id: string) {
    const { state, streamId, events } = await this.engine.load(archiveCheckWorkflow, id);
    if (events.length === 0) throw new WorkflowNotFound(streamId);
    return { id, streamId, state: state.state, events: events.filter((e) => e.type.startsWith('ArchiveCheck')).map((e) => ({ type: e.type, data: e.data, position: e.position })) };
  }
}
