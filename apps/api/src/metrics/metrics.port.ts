import type { CommandOutcome } from '@crm/engine';
import type { AppendObservation } from '@crm/event-store';

/** The metrics port; the Prometheus adapter (prom.metrics.ts) is the only code that knows prom-client. */
export const METRICS = Symbol('METRICS');

export interface HttpObservation {
  method: string;
  /** the OpenAPI path template (`/customers/{id}`), never the raw path: ids would explode the series */
  route: string;
  status: number;
  seconds: number;
}

/** State whose truth is in the read models, sampled at each scrape (any replica answers for all). */
export interface ReadModelSample {
  projectionLag: ReadonlyArray<{ name: string; events: number; seconds: number }>;
  timersPending: ReadonlyArray<{ workflow: string; count: number }>;
  slaAlerts: ReadonlyArray<{ kind: string; class: string; count: number }>;
  deliveries: ReadonlyArray<{ channel: string; status: 'pending' | 'failed'; count: number }>;
}

export interface Metrics {
  httpRequest(observation: HttpObservation): void;
  command(outcome: CommandOutcome): void;
  append(observation: AppendObservation): void;
  timerFired(firing: { workflow: string; outcome: string; lateSeconds: number }): void;
  deliveryAttempt(attempt: { channel: string; delivered: boolean }): void;
  /** open streams of one kind ("alert", "notification") after a change */
  sseClients(stream: string, open: number): void;
  readModels(sample: ReadModelSample): void;
  /** the Prometheus text exposition */
  render(): Promise<{ contentType: string; body: string }>;
}
