import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { shanghaiDate } from '@crm/customers';
import type { ProjectionRunner, ReadModelDb } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { SpreadsheetDownload } from '../spreadsheets/spreadsheet-download';
import { isManagerScoped } from './customer-access';
import { documentView, gradeFactView } from './customer-read.service';
import { READERS } from './customer-queries.controller';
import { expiringDocumentsSheet, gradeChangesSheet } from './customer-report.sheets';
import { ExpiringQuery, GradeChangesQuery } from './customers.bodies';
import { CUSTOMERS_TABLE } from './read-models/customers.projection';
import { DOCUMENTS_TABLE } from './read-models/documents.projection';
import { GRADE_HISTORY_TABLE, type GradeHistoryRow } from './read-models/grade-history.projection';

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class CustomerReportsController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('grade-changes')
  @Roles(...READERS)
  @SpreadsheetDownload(gradeChangesSheet)
  @ApiOperation({ summary: "R-TIER-4: a month's grade changes with their evidence and who decided them (decidedBy), and the late re-evaluations of that month" })
  async gradeChanges(@Query({ schema: GradeChangesQuery }) query: GradeChangesQuery, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, ['customers', 'customer_grade_history'], query.minPosition);
    let q = this.readModels.db
      .selectFrom(`${GRADE_HISTORY_TABLE} as h`)
      .innerJoin(`${CUSTOMERS_TABLE} as c`, 'c.customer_id', 'h.customer_id')
      .selectAll('h')
      .select(['c.name', 'c.customer_manager_id', 'c.region'])
      .where('h.month', '=', query.month)
      .where('h.kind', 'in', ['changed', 'reevaluated']);
    if (isManagerScoped(actor)) q = q.where('c.customer_manager_id', '=', actor.id);
    const rows = (await q.orderBy('h.position').execute()) as Array<GradeHistoryRow & { name: string; customer_manager_id: string; region: string }>;
    const view = (r: (typeof rows)[number]) => ({ customerId: r.customer_id, name: r.name, customerManagerId: r.customer_manager_id, region: r.region, ...gradeFactView(r), decidedBy: r.decided_by ?? null });
    return {
      month: query.month,
      changes: rows.filter((r) => r.kind === 'changed').map(view),
      reevaluations: rows.filter((r) => r.kind === 'reevaluated').map(view),
    };
  }

  @Get('expiring-documents')
  @Roles(...READERS)
  @SpreadsheetDownload(expiringDocumentsSheet)
  @ApiOperation({ summary: 'R-ARC-4: documents expiring within N days (Shanghai dates), and those already expired, of customers not disqualified' })
  async expiring(@Query({ schema: ExpiringQuery }) query: ExpiringQuery, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, ['customers', 'customer_documents'], query.minPosition);
    const today = shanghaiDate(this.clock.now().toISOString());
    const until = addDays(today, query.withinDays);
    let q = this.readModels.db
      .selectFrom(`${DOCUMENTS_TABLE} as d`)
      .innerJoin(`${CUSTOMERS_TABLE} as c`, 'c.customer_id', 'd.customer_id')
      .selectAll('d')
      .select(['c.name', 'c.customer_manager_id', 'c.region', 'c.status as customer_status'])
      .where('d.valid_until', '<=', until)
      .where('c.status', '<>', 'disqualified');
    if (isManagerScoped(actor)) q = q.where('c.customer_manager_id', '=', actor.id);
    const rows = await q.orderBy('d.valid_until').orderBy('d.document_key').execute();
    return {
      today,
      until,
      items: rows.map((r) => ({
        customer: { customerId: r.customer_id, name: r.name, customerManagerId: r.customer_manager_id, region: r.region, status: r.customer_status },
        document: documentView(r),
        daysLeft: daysBetween(today, r.valid_until),
      })),
    };
  }
}
