import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, type EventStore, observeAppends } from '@crm/event-store';
import { METRICS, type Metrics } from './metrics.port';

/** Every append through the store port, whoever makes it, reported to the metrics port. */
@Injectable()
export class AppendMetrics implements OnModuleInit, OnApplicationShutdown {
  private stop: (() => void) | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(METRICS) private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    this.stop = observeAppends(this.store, (observation) => this.metrics.append(observation));
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }
}
