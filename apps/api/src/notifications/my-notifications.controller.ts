import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner } from '@crm/engine';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import { type Actor, Role } from '@crm/workflow-kit';
import type { Request, Response } from 'express';
import { AuditorAllowed } from '../auth/auditor-allowed.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { QueryTokenAllowed } from '../auth/query-token.decorator';
import { negotiateLocale } from '../http/locale';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { PROJECTION_RUNNER } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import type { NotificationInbox } from './notification-inbox';
import { notificationOutboxProjection } from './notification-outbox.projection';
import { MyNotificationsQuery, MySettingsBody, MyStreamQuery, NotificationIdParam, ReadAllBody } from './notification-settings.bodies';
import { NOTIFICATION_INBOX } from './notification-stream.tokens';
import { NotificationStream } from './notification.stream';
import { USER_NOTIFICATION_SETTINGS } from './notifications.tokens';
import type { UserNotificationSettingsStore } from './user-notification-settings';

const LAST_EVENT_ID = /^\d{1,15}$/;
const OWN_ONLY = 'changes only the caller’s own notifications (read state) or own contact settings';

/**
 * The caller's own notification centre. Every query is keyed by the signed-in user: there is no
 * parameter naming someone else, so no one reads another user's notifications (R-KAM-2 style).
 */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MyNotificationsController {
  constructor(
    @Inject(NOTIFICATION_INBOX) private readonly inbox: NotificationInbox,
    @Inject(USER_NOTIFICATION_SETTINGS) private readonly settings: UserNotificationSettingsStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly stream: NotificationStream,
  ) {}

  @Get('notifications')
  @ApiOperation({ summary: 'My notifications: unread first, then newest; with the total and unread counts (limit/offset paging)' })
  async list(@Query({ schema: MyNotificationsQuery }) query: MyNotificationsQuery, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, [notificationOutboxProjection.name], query.minPosition);
    return this.inbox.list(actor.id, { limit: query.limit, offset: query.offset, unreadOnly: query.unread ?? false }, query.language);
  }

  @Get('notifications/unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread (the bell)' })
  async unreadCount(@CurrentActor() actor: Actor) {
    return { unread: await this.inbox.count(actor.id, true) };
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @AuditorAllowed(OWN_ONLY)
  @ApiOperation({ summary: 'Mark all my notifications read (up to upToPosition, when given)' })
  async readAll(@Body({ schema: ReadAllBody }) body: ReadAllBody, @CurrentActor() actor: Actor) {
    const marked = await this.inbox.markAllRead(actor.id, this.clock.now(), body.upToPosition);
    return { marked, unread: await this.inbox.count(actor.id, true) };
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @AuditorAllowed(OWN_ONLY)
  @ApiOperation({ summary: 'Mark one of my notifications read (404 for any id that is not mine)' })
  async read(@Param('id', { schema: NotificationIdParam }) id: string, @CurrentActor() actor: Actor) {
    if (!(await this.inbox.markRead(actor.id, id, this.clock.now()))) {
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `you have no notification ${id}`, rule: 'NOT-FOUND' });
    }
    return { id, read: true, unread: await this.inbox.count(actor.id, true) };
  }

  @Get('notifications/stream')
  @QueryTokenAllowed()
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'resume after this position (EventSource sends it on reconnect)' })
  @ApiOperation({
    summary: 'My notifications live (Server-Sent Events: event Notification, id = global position); ?access_token= accepted here for EventSource. ' +
      'Without Last-Event-ID only new ones are sent. The token is re-checked on every heartbeat (StreamClosed says why it ended); ' +
      'too many open streams: 429 SSE-STREAMS-PER-USER or 503 SSE-STREAMS.',
  })
  async live(@Query({ schema: MyStreamQuery }) query: MyStreamQuery, @CurrentActor() actor: Actor, @Req() request: Request & { bearerToken?: string }, @Res() response: Response) {
    const header = request.headers['last-event-id'];
    const resumeFrom = typeof header === 'string' && LAST_EVENT_ID.test(header.trim()) ? Number(header.trim()) : query.lastEventId;
    const after = resumeFrom ?? (await this.store.headPosition());
    const session = { username: actor.id, token: request.bearerToken ?? '', roles: Role.options, locale: negotiateLocale(request.header('accept-language')) };
    this.stream.open(request, response, after, session);
  }

  @Get('notification-settings')
  @ApiOperation({ summary: 'My e-mail address, language and the channels an administrator switched on for me' })
  async mySettings(@CurrentActor() actor: Actor) {
    return this.settings.get(actor.id);
  }

  @Put('notification-settings')
  @AuditorAllowed(OWN_ONLY)
  @ApiOperation({ summary: 'Set my e-mail address and language (zh/en); which channels I get stays with administrators' })
  async putMySettings(@Body({ schema: MySettingsBody }) body: MySettingsBody, @CurrentActor() actor: Actor) {
    const current = await this.settings.get(actor.id);
    // without an address there is nowhere to mail: e-mail switches off with it
    const channels = body.email === null ? current.channels.filter((c) => c !== 'email') : current.channels;
    return this.settings.put({ username: actor.id, email: body.email, language: body.language, channels }, actor.id, this.clock.now(), await this.store.headPosition());
  }
}
