import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { customerAsOf, customerHistory, toCsv, toHtmlReport, toJsonLines, verifyFiles } from '@crm/audit';
import { BLOB_STORE, type BlobStore } from '@crm/blob-store';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CalendarService } from '../calendar/calendar.service';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { AsOfQuery, CustomerIdParam, ExportQuery, HistoryQuery, typesOf } from './audit.queries';
import { CustomerAuditService } from './customer-audit.service';
import { verifyCustomerRecord } from './customer-verification';

const CONTENT_TYPES = { jsonl: 'application/x-ndjson; charset=utf-8', csv: 'text/csv; charset=utf-8', html: 'text/html; charset=utf-8' } as const;

/** Issue 8: the auditor's replay. The customer's own manager may read too (R-KAM-2); every auditor read is recorded. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('customers/:id')
@Roles('auditor', 'administrator', 'customer_manager')
export class CustomerAuditController {
  constructor(
    private readonly audit: CustomerAuditService,
    private readonly calendars: CalendarService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  @Get('history')
  @ApiOperation({ summary: "Every event of the customer's streams in global order, with who, when, data, and the machine state before and after" })
  async history(@Param('id', { schema: CustomerIdParam }) id: string, @Query({ schema: HistoryQuery }) query: HistoryQuery, @CurrentActor() actor: Actor) {
    const record = await this.audit.load(id, actor);
    const filter = { types: typesOf(query.type), actor: query.actor, from: query.from, to: query.to };
    const page = customerHistory(record.events, this.audit.lookup, filter, { offset: query.offset, limit: query.limit });
    await this.audit.recordRead(actor, id, 'history', query);
    return { customerId: id, ...page };
  }

  @Get('as-of')
  @ApiOperation({ summary: 'The customer at an instant (grade, status, documents, open complaints with SLA clocks, pending approvals), replayed from events with occurredAt <= at only' })
  async asOf(@Param('id', { schema: CustomerIdParam }) id: string, @Query({ schema: AsOfQuery }) query: AsOfQuery, @CurrentActor() actor: Actor) {
    const record = await this.audit.load(id, actor);
    const answer = customerAsOf(id, record.events, query.at, { lookup: this.audit.lookup, calendar: await this.calendars.current() });
    await this.audit.recordRead(actor, id, 'as-of', query);
    return answer;
  }

  @Get('verify')
  @ApiOperation({ summary: "Recompute every hash chain of the customer's streams and report the first break (plus truncation against the read model), and re-hash every file its events name (`files.broken` names each altered or missing file and the events referring to it)" })
  async verify(@Param('id', { schema: CustomerIdParam }) id: string, @CurrentActor() actor: Actor) {
    const record = await this.audit.load(id, actor);
    const result = verifyCustomerRecord(record);
    const files = await verifyFiles(record.events, this.blobs);
    await this.audit.recordRead(actor, id, 'verify', {});
    return { customerId: id, ...result, ok: result.ok && files.ok, files };
  }

  @Get('export')
  @ApiOperation({ summary: "The customer's history for the auditor's file: JSON lines, CSV, or a printable HTML report with the verification" })
  async export(
    @Param('id', { schema: CustomerIdParam }) id: string,
    @Query({ schema: ExportQuery }) query: ExportQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ): Promise<string> {
    const record = await this.audit.load(id, actor);
    const { entries } = customerHistory(record.events, this.audit.lookup, { types: typesOf(query.type), actor: query.actor, from: query.from, to: query.to });
    const body =
      query.format === 'csv'
        ? toCsv(entries)
        : query.format === 'html'
          ? toHtmlReport(id, entries, verifyCustomerRecord(record), this.clock.now().toISOString(), actor.id)
          : toJsonLines(entries);
    await this.audit.recordRead(actor, id, `export:${query.format}`, query);
    response.setHeader('content-type', CONTENT_TYPES[query.format]);
    response.setHeader('content-disposition', `attachment; filename="${id}-history.${query.format}"`);
    return body;
  }
}
