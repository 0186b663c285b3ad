import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner, ReadModelDb } from '@crm/engine';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import type { Actor, Role } from '@crm/workflow-kit';
import type { Request, Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { QueryTokenAllowed } from '../auth/query-token.decorator';
import { Roles } from '../auth/roles.decorator';
import { negotiateLocale } from '../http/locale';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { AlertsQuery, BoardQuery, StatsQuery, StreamQuery } from './complaints.bodies';
import { COMPLAINTS_PROJECTION } from './complaints.projection';
import { SlaAlertStream } from './sla-alert.stream';
import { alertsAfter, SLA_ALERTS_PROJECTION } from './sla-alerts.projection';
import { SlaBoardService } from './sla-board.service';
import { withCustomerNames } from '../customers/read-models/customer-names';
import { slaStatsSheet } from './sla-stats.sheet';
import { SpreadsheetDownload } from '../spreadsheets/spreadsheet-download';

const LAST_EVENT_ID = /^\d{1,15}$/;
/** who may follow the live stream; re-checked on every heartbeat while it is open */
const STREAM_ROLES: Role[] = ['supervisor', 'general_manager', 'auditor'];

/** For supervisors: SLA warnings and breaches (list and live stream), the SLA board and breach rates. */
@ApiTags('sla')
@ApiBearerAuth()
@Controller('sla')
export class SlaController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly stream: SlaAlertStream,
    private readonly board: SlaBoardService,
  ) {}

  @Get('alerts')
  @Roles('supervisor', 'general_manager', 'auditor')
  @ApiOperation({ summary: 'SLA warnings and breaches in order; page with afterPosition' })
  async alerts(@Query({ schema: AlertsQuery }) query: AlertsQuery) {
    await waitForProjections(this.runner, [SLA_ALERTS_PROJECTION], query.minPosition);
    const items = await withCustomerNames(this.readModels, await alertsAfter(this.readModels.db, query.afterPosition ?? 0, query.limit, query.kind));
    return { items, nextAfterPosition: items.length === query.limit ? items[items.length - 1].position : null };
  }

  @Get('alerts/stream')
  @Roles(...STREAM_ROLES)
  @QueryTokenAllowed()
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'resume after this position (EventSource sends it on reconnect)' })
  @ApiOperation({
    summary: 'Live SLA alerts (Server-Sent Events: event ComplaintSlaWarned / ComplaintSlaBreached, id = global position). ' +
      'EventSource cannot send headers: pass ?access_token= (accepted on this endpoint only). Without Last-Event-ID only alerts from now on are sent. ' +
      'The token is re-checked on every heartbeat: once it expires, is signed out or revoked, a last StreamClosed event says why and the stream ends. ' +
      'Too many open streams: 429 SSE-STREAMS-PER-USER or 503 SSE-STREAMS.',
  })
  async live(
    @Query({ schema: StreamQuery }) query: StreamQuery,
    @CurrentActor() actor: Actor,
    @Req() request: Request & { bearerToken?: string },
    @Res() response: Response,
  ) {
    const header = request.headers['last-event-id'];
    const resumeFrom = typeof header === 'string' && LAST_EVENT_ID.test(header.trim()) ? Number(header.trim()) : query.lastEventId;
    const after = resumeFrom ?? (await this.store.headPosition());
    const session = { username: actor.id, token: request.bearerToken ?? '', roles: STREAM_ROLES, locale: negotiateLocale(request.header('accept-language')) };
    this.stream.open(request, response, after, session);
  }

  @Get('board')
  @Roles('supervisor', 'general_manager', 'auditor')
  @ApiOperation({ summary: 'Open complaints ordered by working time left (at the service clock), and complaints with a breach on record' })
  async slaBoard(@Query({ schema: BoardQuery }) query: BoardQuery) {
    await waitForProjections(this.runner, [COMPLAINTS_PROJECTION], query.minPosition);
    return this.board.board(query.limit);
  }

  @Get('stats')
  @Roles('supervisor', 'general_manager', 'auditor')
  @SpreadsheetDownload(slaStatsSheet)
  @ApiOperation({ summary: 'Breach rate per class and department per month of receipt (Beijing time), from=YYYY-MM&to=YYYY-MM' })
  async stats(@Query({ schema: StatsQuery }) query: StatsQuery) {
    await waitForProjections(this.runner, [COMPLAINTS_PROJECTION], query.minPosition);
    return this.board.stats(query.from, query.to);
  }
}
