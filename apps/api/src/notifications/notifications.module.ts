import { Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ReadModelDb } from '@crm/engine';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { METRICS, type Metrics } from '../metrics/metrics.port';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { API_RUNTIME, type ApiRuntime, runsBackgroundWork } from '../runtime';
import type { DeliveryChannel } from './delivery-channel';
import { EmailChannel } from './email.channel';
import { GroupChannels } from './group-channels';
import { MyNotificationsController } from './my-notifications.controller';
import { NotificationInbox } from './notification-inbox';
import { NotificationRenderer } from './notification-renderer';
import { NotificationSettingsController } from './notification-settings.controller';
import { NOTIFICATION_INBOX } from './notification-stream.tokens';
import { NotificationDeliverer } from './notification.deliverer';
import { NotificationPoller } from './notification.poller';
import { NotificationStream } from './notification.stream';
import { NotificationsController } from './notifications.controller';
import { GROUP_CHANNELS, MAILER, NOTIFICATION_DELIVERER, NOTIFICATION_RENDERER, USER_NOTIFICATION_SETTINGS, WEBHOOK_ENDPOINTS } from './notifications.tokens';
import type { OutboundPolicy } from './outbound-post';
import { PlantOfficesController } from './plant-offices.controller';
import { PlantOfficesService } from './plant-offices.service';
import { RobotChannel } from './robot.channel';
import { type Mailer, SmtpMailer } from './smtp.mailer';
import { UserNotificationSettingsStore } from './user-notification-settings';
import { WebhookChannel } from './webhook.channel';
import { WebhookEndpoints } from './webhook-endpoints';
import { DEFAULT_CONSOLE_URL } from '@crm/config';

const logger = new Logger('notifications');

function channelsOf(readModels: ReadModelDb, endpoints: WebhookEndpoints, renderer: NotificationRenderer, mailer: Mailer | null, clock: Clock, runtime: ApiRuntime): DeliveryChannel[] {
  const policy: OutboundPolicy = { allowPrivateHosts: runtime.webhookAllowPrivateHosts ?? 'none', timeoutMs: 10_000 };
  const channels: DeliveryChannel[] = [
    new WebhookChannel(readModels, endpoints, policy, clock),
    new RobotChannel('wecom', readModels, renderer, policy, clock),
    new RobotChannel('dingtalk', readModels, renderer, policy, clock),
  ];
  // without SMTP, e-mail is no channel: rows wait, undelivered, until one is configured
  return mailer ? [...channels, new EmailChannel(readModels, renderer, mailer)] : channels;
}

/**
 * The outbox's delivery side and the notification centre. The outbox itself is a projection
 * (registered with the others); this module owns the channel registries, the in-app inbox and its
 * live stream, and a background delivery pass every WEBHOOK_POLL_MS (default 1 s).
 */
@Module({
  controllers: [NotificationsController, MyNotificationsController, NotificationSettingsController, PlantOfficesController],
  providers: [
    PlantOfficesService,
    NotificationPoller,
    NotificationStream,
    { provide: WEBHOOK_ENDPOINTS, inject: [READ_MODEL_DB], useFactory: (readModels: ReadModelDb) => new WebhookEndpoints(readModels) },
    { provide: GROUP_CHANNELS, inject: [READ_MODEL_DB], useFactory: (readModels: ReadModelDb) => new GroupChannels(readModels) },
    { provide: USER_NOTIFICATION_SETTINGS, inject: [READ_MODEL_DB], useFactory: (readModels: ReadModelDb) => new UserNotificationSettingsStore(readModels) },
    {
      provide: NOTIFICATION_RENDERER,
      inject: [READ_MODEL_DB, API_RUNTIME],
      useFactory: (readModels: ReadModelDb, runtime: ApiRuntime) => new NotificationRenderer(readModels, runtime.consoleUrl ?? DEFAULT_CONSOLE_URL),
    },
    {
      provide: NOTIFICATION_INBOX,
      inject: [READ_MODEL_DB, NOTIFICATION_RENDERER, USER_NOTIFICATION_SETTINGS],
      useFactory: (readModels: ReadModelDb, renderer: NotificationRenderer, settings: UserNotificationSettingsStore) => new NotificationInbox(readModels, renderer, settings),
    },
    { provide: MAILER, inject: [API_RUNTIME], useFactory: (runtime: ApiRuntime) => (runtime.mail ? new SmtpMailer(runtime.mail) : null) },
    {
      provide: NOTIFICATION_DELIVERER,
      inject: [READ_MODEL_DB, WEBHOOK_ENDPOINTS, NOTIFICATION_RENDERER, MAILER, CLOCK, API_RUNTIME, METRICS],
      useFactory: (readModels: ReadModelDb, endpoints: WebhookEndpoints, renderer: NotificationRenderer, mailer: Mailer | null, clock: Clock, runtime: ApiRuntime, metrics: Metrics) =>
        new NotificationDeliverer(readModels, channelsOf(readModels, endpoints, renderer, mailer, clock, runtime), {
          clock,
          onAttempt: (outcome) => metrics.deliveryAttempt(outcome),
        }),
    },
  ],
  exports: [NOTIFICATION_DELIVERER, WEBHOOK_ENDPOINTS],
})
export class NotificationsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(NOTIFICATION_DELIVERER) private readonly deliverer: NotificationDeliverer,
    @Inject(MAILER) private readonly mailer: Mailer | null,
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.readModels.ddl(async (trx) => {
      await WebhookEndpoints.migrate(trx);
      await GroupChannels.migrate(trx, this.readModels.dialect);
      await UserNotificationSettingsStore.migrate(trx, this.readModels.dialect);
      await NotificationInbox.migrate(trx);
    });
    await this.deliverer.migrate();
    if (!runsBackgroundWork(this.runtime)) return;
    const pollMs = Number(process.env.WEBHOOK_POLL_MS ?? 1000);
    if (!(pollMs > 0)) return;
    this.timer = setInterval(() => {
      this.deliverer.runWhenDue().catch((error: Error) => logger.warn(`delivery pass failed: ${error.message}`));
    }, pollMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.deliverer.idle();
    this.mailer?.close();
  }
}
