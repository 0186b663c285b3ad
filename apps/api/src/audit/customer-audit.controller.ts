import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { customerAsOf, customerHistory, customerNameOf, type HistoryEntry, toHtmlReport, toJsonLines, verifyFiles } from '@crm/audit';
import { BLOB_STORE, type BlobStore } from '@crm/blob-store';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CalendarService } from '../calendar/calendar.service';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { requestedSheet } from '../spreadsheets/sheet-format';
import { SpreadsheetDownload } from '../spreadsheets/spreadsheet-download';
import { ActorLabels } from './actor-labels';
import { AsOfQuery, CustomerIdParam, ExportQuery, HistoryQuery, typesOf } from './audit.queries';
import { type CustomerRecord, CustomerAuditService } from './customer-audit.service';
import { historySheet, type LabelledHistoryEntry } from './history.sheet';
import { verifyCustomerRecord } from './customer-verification';

const CONTENT_TYPES = { jsonl: 'application/x-ndjson; charset=utf-8', html: 'text/html; charset=utf-8' } as const;

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
    private readonly actorLabels: ActorLabels,
  ) {}

  /** each entry with who acted as people name them, beside the username */
  private async labelled<E extends { actor: string }>(entries: readonly E[]): Promise<Array<E & Pick<LabelledHistoryEntry, 'actorLabel'>>> {
    const labels = await this.actorLabels.of(entries.map((e) => e.actor));
    return entries.map((e) => ({ ...e, actorLabel: labels.get(e.actor) ?? { zh: e.actor, en: e.actor } }));
  }

  @Get('history')
  @ApiOperation({ summary: "Every event of the customer's streams in global order, with who, when, data, and the machine state before and after" })
  async history(@Param('id', { schema: CustomerIdParam }) id: string, @Query({ schema: HistoryQuery }) query: HistoryQuery, @CurrentActor() actor: Actor) {
    const record = await this.audit.load(id, actor);
    const filter = { types: typesOf(query.type), actor: query.actor, from: query.from, to: query.to };
    const page = customerHistory(record.events, this.audit.lookup, filter, { offset: query.offset, limit: query.limit });
    await this.audit.recordRead(actor, id, 'history', query);
    return { customerId: id, customerName: customerNameOf(id, record.events), ...page, entries: await this.labelled(page.entries) };
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
  @SpreadsheetDownload(historySheet)
  @ApiOperation({ summary: "The customer's history for the auditor's file: JSON lines, CSV or xlsx (Chinese headers, Beijing time), or a printable HTML report with the verification" })
  async export(
    @Param('id', { schema: CustomerIdParam }) id: string,
    @Query({ schema: ExportQuery }) query: ExportQuery,
    @CurrentActor() actor: Actor,
    @Req() request: { query?: unknown; headers: Record<string, string | string[] | undefined> },
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ): Promise<string | { customerId: string; entries: LabelledHistoryEntry[] }> {
    const record = await this.audit.load(id, actor);
    const { entries } = customerHistory(record.events, this.audit.lookup, { types: typesOf(query.type), actor: query.actor, from: query.from, to: query.to });
    // csv and xlsx are laid out by the spreadsheet download from these entries
    const sheet = requestedSheet(request);
    const format = query.format === 'html' ? 'html' : 'jsonl';
    await this.audit.recordRead(actor, id, `export:${sheet ?? format}`, query);
    if (sheet) return { customerId: id, entries: await this.labelled(entries) };
    const body = format === 'html' ? await this.htmlReport(id, record, entries, actor) : toJsonLines(entries);
    response.setHeader('content-type', CONTENT_TYPES[format]);
    response.setHeader('content-disposition', `attachment; filename="${id}-history.${format}"`);
    return body;
  }

  private async htmlReport(id: string, record: CustomerRecord, entries: readonly HistoryEntry[], actor: Actor): Promise<string> {
    const actorLabels = await this.actorLabels.of([...entries.map((e) => e.actor), actor.id]);
    const heading = { customerId: id, customerName: customerNameOf(id, record.events), generatedAt: this.clock.now().toISOString(), generatedBy: actor.id, actorLabels };
    return toHtmlReport(heading, entries, verifyCustomerRecord(record));
  }
}
