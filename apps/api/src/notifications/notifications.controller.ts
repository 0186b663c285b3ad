import { Body, Controller, Delete, ForbiddenException, Get, HttpCode, Inject, NotFoundException, Param, Post, Put, Query, UnprocessableEntityException } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner, ReadModelDb } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { API_RUNTIME, type ApiRuntime } from '../runtime';
import { notificationOutboxProjection, OUTBOX_TABLE } from './notification-outbox.projection';
import { NotificationId, NotificationsQuery, Recipient, WebhookBody } from './notifications.queries';
import { NOTIFICATION_DELIVERER, NOTIFICATION_RENDERER, WEBHOOK_ENDPOINTS } from './notifications.tokens';
import type { NotificationRenderer } from './notification-renderer';
import { allowedClasses } from './outbound-address';
import { literalRefusal } from './outbound-request';
import { attemptsOf, DELIVERIES_TABLE, redactAttempt } from './webhook-deliveries';
import type { OutboxNotification } from './delivery-channel';
import type { NotificationDeliverer } from './notification.deliverer';
import { PERSON_MARK } from './recipient-groups';
import { bodyOf } from './webhook.channel';
import type { WebhookEndpoints } from './webhook-endpoints';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(NOTIFICATION_DELIVERER) private readonly deliverer: NotificationDeliverer,
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpoints,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    @Inject(NOTIFICATION_RENDERER) private readonly renderer: NotificationRenderer,
  ) {}

  @Get('notifications')
  @Roles('finance_reviewer', 'sales_reviewer', 'administrator', 'auditor')
  @ApiOperation({
    summary: "R-ARC-2/R-ONB-4: the notification outbox (one row per event and recipient group) with each webhook delivery status and its message (?language=zh|en); " +
      "?addressee= lists one person's rows (administrators and auditors only: 403 NOTIFICATION-ADDRESSEE)",
  })
  async list(@Query({ schema: NotificationsQuery }) query: NotificationsQuery, @CurrentActor() actor: Actor) {
    if (query.addressee !== undefined) assertSeesPeople(actor);
    await waitForProjections(this.runner, [notificationOutboxProjection.name], query.minPosition);
    let q = this.readModels.db
      .selectFrom(`${OUTBOX_TABLE} as o`)
      .leftJoin(`${DELIVERIES_TABLE} as d`, 'd.delivery_id', 'o.notification_id')
      .selectAll('o')
      .select(['d.status', 'd.attempts', 'd.last_status_code', 'd.last_error', 'd.delivered_at', 'd.next_attempt_at']);
    // a person's rows are their own notifications: only with ?addressee=, and only for those who may see anyone's
    if (query.addressee !== undefined) q = q.where('o.kind', '=', 'person').where('o.addressee', '=', query.addressee);
    else q = q.where((eb) => eb.or([eb('o.kind', 'is', null), eb('o.kind', '=', 'group')]));
    if (query.recipient) q = q.where('o.recipient', '=', query.recipient);
    if (query.afterPosition !== undefined) q = q.where('o.position', '>', query.afterPosition);
    const rows = await q.orderBy('o.position').orderBy('o.notification_id').limit(query.limit).execute();
    const full = isAdministrator(actor);
    // what the row says, as every channel says it: the screens show this, never the event's type or ids
    const messages = await this.renderer.renderAll(rows as unknown as OutboxNotification[], () => query.language ?? 'zh');
    const items = rows.map((r, i) => {
      const { title, company, deadline, path } = messages[i];
      return { ...bodyOf(r as unknown as OutboxNotification), message: { title, company, deadline, link: path }, delivery: deliveryOf(r, full) };
    });
    return { items, nextAfterPosition: items.length === query.limit ? items[items.length - 1].position : null };
  }

  @Get('notifications/:id/attempts')
  @Roles('finance_reviewer', 'sales_reviewer', 'administrator', 'auditor')
  @ApiOperation({ summary: 'Every webhook delivery attempt of one notification (URL, status code and error for administrators only)' })
  async attempts(@Param('id', { schema: NotificationId }) id: string, @CurrentActor() actor: Actor) {
    if (id.includes(`:${PERSON_MARK}`)) assertSeesPeople(actor);
    const attempts = await attemptsOf(this.readModels.db, id);
    return { id, attempts: isAdministrator(actor) ? attempts : attempts.map(redactAttempt) };
  }

  @Get('webhooks')
  @Roles('administrator')
  @ApiOperation({ summary: 'Configured webhook endpoints per recipient (secrets are never shown)' })
  async webhooks() {
    return { items: await this.endpoints.list() };
  }

  @Put('webhooks/:recipient')
  @Roles('administrator')
  @ApiOperation({ summary: 'Register or replace the webhook a recipient is notified at; deliveries are signed with its secret' })
  async putWebhook(@Param('recipient', { schema: Recipient }) recipient: string, @Body({ schema: WebhookBody }) body: WebhookBody, @CurrentActor() actor: Actor) {
    const refusal = literalRefusal(new URL(body.url), allowedClasses(this.runtime.webhookAllowPrivateHosts ?? 'none'));
    if (refusal) {
      throw new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message: refusal, rule: 'WEBHOOK-DESTINATION', field: 'url' });
    }
    await this.endpoints.put(recipient, body.url, body.secret, actor.id, this.clock.now());
    return { recipient, url: body.url, source: 'registry' };
  }

  @Delete('webhooks/:recipient')
  @Roles('administrator')
  @HttpCode(204)
  async deleteWebhook(@Param('recipient', { schema: Recipient }) recipient: string) {
    if (!(await this.endpoints.remove(recipient))) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no registered webhook for ${recipient}` });
  }

  @Post('webhooks/deliveries/run')
  @Roles('administrator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run one delivery pass over every channel now (the service also looks every WEBHOOK_POLL_MS and passes when a notification was added, a retry fell due, or 30 s went by)' })
  async runDeliveries() {
    return { outcomes: await this.deliverer.runDue() };
  }
}

const isAdministrator = (actor: Actor): boolean => actor.roles.includes('administrator');

/** Another person's notifications are theirs: administrators (operations) and auditors (oversight) only. */
function assertSeesPeople(actor: Actor): void {
  if (actor.roles.includes('administrator') || actor.roles.includes('auditor')) return;
  throw new ForbiddenException({ statusCode: 403, error: 'Forbidden', message: "a person's notifications are shown to them, administrators and auditors only", rule: 'NOTIFICATION-ADDRESSEE' });
}

/** `full`: with the last status code and error, which only administrators see. */
function deliveryOf(r: Record<string, any>, full: boolean) {
  if (!r.status) return { status: 'not_sent', attempts: 0 };
  const seen = { status: r.status as string, attempts: Number(r.attempts), deliveredAt: r.delivered_at, nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null };
  if (!full) return seen;
  return { ...seen, lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code), lastError: r.last_error };
}
