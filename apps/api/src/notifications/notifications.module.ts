import { Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ReadModelDb } from '@crm/engine';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { API_RUNTIME, type ApiRuntime } from '../runtime';
import { NotificationsController } from './notifications.controller';
import { WEBHOOK_DELIVERER, WEBHOOK_ENDPOINTS } from './notifications.tokens';
import { WebhookDeliverer } from './webhook.deliverer';
import { WebhookEndpoints } from './webhook-endpoints';

const logger = new Logger('webhooks');

/**
 * The outbox's delivery side. The outbox itself is a projection (registered with the others);
 * this module owns the webhook registry and a background pass every WEBHOOK_POLL_MS (default 1 s).
 */
@Module({
  controllers: [NotificationsController],
  providers: [
    { provide: WEBHOOK_ENDPOINTS, inject: [READ_MODEL_DB], useFactory: (readModels: ReadModelDb) => new WebhookEndpoints(readModels) },
    {
      provide: WEBHOOK_DELIVERER,
      inject: [READ_MODEL_DB, WEBHOOK_ENDPOINTS, CLOCK, API_RUNTIME],
      useFactory: (readModels: ReadModelDb, endpoints: WebhookEndpoints, clock: Clock, runtime: ApiRuntime) =>
        new WebhookDeliverer(readModels, endpoints, { clock, allowPrivateHosts: runtime.webhookAllowPrivateHosts ?? 'none' }),
    },
  ],
  exports: [WEBHOOK_DELIVERER, WEBHOOK_ENDPOINTS],
})
export class NotificationsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(WEBHOOK_DELIVERER) private readonly deliverer: WebhookDeliverer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.readModels.ddl((trx) => WebhookEndpoints.migrate(trx));
    await this.deliverer.migrate();
    const pollMs = Number(process.env.WEBHOOK_POLL_MS ?? 1000);
    if (!(pollMs > 0)) return;
    this.timer = setInterval(() => {
      this.deliverer.runDue().catch((error: Error) => logger.warn(`delivery pass failed: ${error.message}`));
    }, pollMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.deliverer.idle();
  }
}
