import { Inject, Injectable } from '@nestjs/common';
import { type ProjectionRunner, type ReadModelDb, TIMERS_TABLE } from '@crm/engine';
import { SLA_ALERTS_TABLE } from '../complaints/sla-alerts.projection';
import { DELIVERIES_TABLE } from '../notifications/webhook-deliveries';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import type { ReadModelSample } from './metrics.port';

/**
 * Reads, at scrape time, what the read models know: projection lag, pending timers, SLA alerts on
 * record, the delivery ledger. Counting these where they happen would count only what this replica
 * saw since it started (the SLA poller, for one, idles while no stream is open); the tables hold the
 * truth for every replica, so any replica's scrape answers for all.
 */
@Injectable()
export class ReadModelSampler {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
  ) {}

  async sample(): Promise<ReadModelSample> {
    const db = this.readModels.db;
    const [projectionLag, timers, alerts, deliveries] = await Promise.all([
      // wall time, not the business clock: the store stamps recordedAt with wall time
      this.projections.lag(new Date()),
      db.selectFrom(TIMERS_TABLE).select(['workflow', (eb) => eb.fn.countAll().as('count')]).where('status', '=', 'scheduled').groupBy('workflow').execute(),
      db.selectFrom(SLA_ALERTS_TABLE).select(['kind', 'class', (eb) => eb.fn.countAll().as('count')]).groupBy(['kind', 'class']).execute(),
      db
        .selectFrom(DELIVERIES_TABLE)
        .select(['channel', 'status', (eb) => eb.fn.countAll().as('count')])
        .where('status', 'in', ['pending', 'failed'])
        .groupBy(['channel', 'status'])
        .execute(),
    ]);
    return {
      projectionLag,
      timersPending: timers.map((r) => ({ workflow: String(r.workflow), count: Number(r.count) })),
      slaAlerts: alerts.map((r) => ({ kind: String(r.kind), class: String(r.class), count: Number(r.count) })),
      // a null channel is a webhook delivery recorded before the other channels existed
      deliveries: deliveries.map((r) => ({ channel: r.channel === null ? 'webhook' : String(r.channel), status: r.status, count: Number(r.count) })),
    };
  }
}
