import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { archiveFilingWorkflow } from '@crm/customers';
import type { ProjectionRunner, ReadModelDb } from '@crm/engine';
import type { Actor, Role } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { commandResponse } from '../workflows/command-response';
import { ArchiveCommands, type HttpRequestLike } from './archive-commands.service';
import { AcknowledgeBody, FilingListQuery, PathId } from './archive-filing.bodies';
import { ARCHIVE_FILING_PROJECTION, FILINGS_TABLE } from './archive-filing.projection';

/** R-ARC-3: the parent's department, the sales department that keeps the archives, its leaders and auditors. */
export const ARCHIVE_FILING_READERS: Role[] = ['parent_chemicals_sales', 'sales_reviewer', 'general_manager', 'auditor'];

@ApiTags('archive filing')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('archive-filings')
export class ArchiveFilingsController {
  constructor(
    private readonly commands: ArchiveCommands,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  @Roles(...ARCHIVE_FILING_READERS)
  @ApiOperation({ summary: 'R-ARC-3: filings with the parent\'s chemicals sales department, newest first; filter by customerId and status (pending, acknowledged)' })
  async list(@Query({ schema: FilingListQuery }) query: FilingListQuery) {
    await waitForProjections(this.runner, [ARCHIVE_FILING_PROJECTION], query.minPosition);
    let q = this.readModels.db.selectFrom(FILINGS_TABLE).selectAll();
    if (query.customerId) q = q.where('customer_id', '=', query.customerId);
    if (query.status) q = q.where('status', '=', query.status);
    const rows = await q.orderBy('filed_position', 'desc').limit(query.limit).execute();
    return { items: rows.map(view) };
  }

  @Post(':customerId/:filingId/acknowledge')
  @HttpCode(200)
  @Roles('parent_chemicals_sales')
  @ApiOperation({ summary: 'R-ARC-3: the parent\'s chemicals sales department acknowledges a filing (备案), recording who and when' })
  async acknowledge(
    @Param('customerId', { schema: PathId }) customerId: string, @Param('filingId', { schema: PathId }) filingId: string,
    @Body({ schema: AcknowledgeBody }) body: AcknowledgeBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike,
  ) {
    return commandResponse(customerId, await this.commands.send(archiveFilingWorkflow, customerId, 'AcknowledgeArchiveFiling', { ...body, filingId }, actor, req));
  }
}

function view(row: Record<string, any>) {
  return {
    filingId: row.filing_id, customerId: row.customer_id, kind: row.kind, sourceEventType: row.source_event_type, fields: JSON.parse(row.fields) as string[],
    occurredAt: row.occurred_at, filedAt: row.filed_at, status: row.status, acknowledgedBy: row.acknowledged_by ?? null, acknowledgedAt: row.acknowledged_at ?? null,
    comment: row.comment ?? null,
  };
}
