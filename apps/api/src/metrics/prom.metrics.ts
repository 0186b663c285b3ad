import type { CommandOutcome } from '@crm/engine';
import type { AppendObservation } from '@crm/event-store';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { HttpObservation, Metrics, ReadModelSample } from './metrics.port';

const LATENCY = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const BATCH = [1, 2, 3, 5, 8, 13, 21, 50, 100, 500, 1000];
// timers fire within a poll (~250 ms) when the service runs; hours when it was down
const LATENESS = [0.01, 0.1, 0.5, 1, 5, 30, 60, 300, 1800, 3600, 6 * 3600, 24 * 3600];

/**
 * Prometheus metrics on a registry of this service's own (not prom-client's global one), so two
 * services in one process (tests, replicas) never share or clash over series.
 */
export class PromMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly http = this.counter('crm_http_requests_total', 'HTTP requests answered, by route template and status', ['method', 'route', 'status']);
  private readonly httpSeconds = this.histogram('crm_http_request_duration_seconds', 'HTTP request latency', ['method', 'route', 'status'], LATENCY);
  private readonly commands = this.counter('crm_commands_total', 'Workflow commands by outcome; rule names the refusing rule or the conflict', ['workflow', 'command', 'result', 'rule']);
  private readonly commandSeconds = this.histogram('crm_command_duration_seconds', 'Workflow command latency in the engine', ['workflow', 'result'], LATENCY);
  private readonly appendSeconds = this.histogram('crm_event_store_append_duration_seconds', 'Event-store append latency', ['engine', 'outcome'], LATENCY);
  private readonly appendBatch = this.histogram('crm_event_store_append_batch_events', 'Events per append', ['engine'], BATCH);
  private readonly lagEvents = this.gauge('crm_projection_lag_events', 'Events in the store a projection has not applied yet', ['projection']);
  private readonly lagSeconds = this.gauge('crm_projection_lag_seconds', 'Age of the oldest event a projection has not applied yet', ['projection']);
  private readonly timersPending = this.gauge('crm_timers_pending', 'Durable timers scheduled and not fired or cancelled', ['workflow']);
  private readonly lateness = this.histogram('crm_timer_firing_lateness_seconds', 'How long after its due time a timer fired', ['workflow', 'outcome'], LATENESS);
  private readonly slaAlerts = this.gauge('crm_sla_alerts', 'Complaint SLA warnings and breaches on record, by complaint class', ['kind', 'class']);
  private readonly backlog = this.gauge('crm_notification_outbox_backlog', 'Deliveries picked up and not delivered yet (waiting for a retry or in flight)', ['channel']);
  private readonly givenUp = this.gauge('crm_notification_deliveries_failed', 'Deliveries that used every attempt, left for an operator', ['channel']);
  private readonly attempts = this.counter('crm_notification_delivery_attempts_total', 'Delivery attempts by channel and result', ['channel', 'result']);
  private readonly sse = this.gauge('crm_sse_clients', 'Open server-sent-event streams', ['stream']);

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  httpRequest({ method, route, status, seconds }: HttpObservation): void {
    const labels = { method, route, status: String(status) };
    this.http.inc(labels);
    this.httpSeconds.observe(labels, seconds);
  }

  command(outcome: CommandOutcome): void {
    this.commands.inc({ workflow: outcome.workflow, command: outcome.command, result: outcome.result, rule: outcome.rule ?? '' });
    this.commandSeconds.observe({ workflow: outcome.workflow, result: outcome.result }, outcome.seconds);
  }

  append({ engine, events, seconds, outcome }: AppendObservation): void {
    this.appendSeconds.observe({ engine, outcome }, seconds);
    this.appendBatch.observe({ engine }, events);
  }

  timerFired({ workflow, outcome, lateSeconds }: { workflow: string; outcome: string; lateSeconds: number }): void {
    this.lateness.observe({ workflow, outcome }, lateSeconds);
  }

  deliveryAttempt({ channel, delivered }: { channel: string; delivered: boolean }): void {
    this.attempts.inc({ channel, result: delivered ? 'delivered' : 'failed' });
  }

  sseClients(stream: string, open: number): void {
    this.sse.set({ stream }, open);
  }

  readModels(sample: ReadModelSample): void {
    // reset first: a series whose rows are gone (a timer fired, a channel emptied) reads 0, not its last value
    for (const gauge of [this.lagEvents, this.lagSeconds, this.timersPending, this.slaAlerts, this.backlog, this.givenUp]) gauge.reset();
    for (const p of sample.projectionLag) {
      this.lagEvents.set({ projection: p.name }, p.events);
      this.lagSeconds.set({ projection: p.name }, p.seconds);
    }
    for (const t of sample.timersPending) this.timersPending.set({ workflow: t.workflow }, t.count);
    for (const a of sample.slaAlerts) this.slaAlerts.set({ kind: a.kind, class: a.class }, a.count);
    for (const d of sample.deliveries) (d.status === 'pending' ? this.backlog : this.givenUp).set({ channel: d.channel }, d.count);
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private counter<L extends string>(name: string, help: string, labelNames: L[]) {
    return new Counter<L>({ name, help, labelNames, registers: [this.registry] });
  }

  private gauge<L extends string>(name: string, help: string, labelNames: L[]) {
    return new Gauge<L>({ name, help, labelNames, registers: [this.registry] });
  }

  private histogram<L extends string>(name: string, help: string, labelNames: L[], buckets: number[]) {
    return new Histogram<L>({ name, help, labelNames, buckets, registers: [this.registry] });
  }
}
