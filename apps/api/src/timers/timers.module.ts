import { Global, Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type ReadModelDb, TimerScheduler, type WorkflowEngine, type WorkflowRegistry } from '@crm/engine';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { METRICS, type Metrics } from '../metrics/metrics.port';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { API_RUNTIME, type ApiRuntime, runsBackgroundWork } from '../runtime';
import { WORKFLOW_ENGINE, WORKFLOW_REGISTRY } from '../workflows/workflow.tokens';

/** The durable-timer scheduler; tests reach it by this token to fire due timers at once. */
export const TIMER_SCHEDULER = Symbol('TIMER_SCHEDULER');

const logger = new Logger('timers');

@Global()
@Module({
  providers: [
    {
      provide: TIMER_SCHEDULER,
      inject: [WORKFLOW_ENGINE, WORKFLOW_REGISTRY, READ_MODEL_DB, CLOCK, METRICS],
      useFactory: (engine: WorkflowEngine, registry: WorkflowRegistry, readModels: ReadModelDb, clock: Clock, metrics: Metrics) =>
        new TimerScheduler(engine, registry, readModels, {
          clock,
          onFired: (f) => {
            metrics.timerFired({ workflow: f.timer.workflow, outcome: f.outcome, lateSeconds: f.lateMs / 1000 });
            if (f.late) logger.warn({ msg: 'timer fired late', timerId: f.timer.timerId, workflow: f.timer.workflow, lateMs: f.lateMs });
          },
          onError: (error, timer) => logger.error(`timer ${timer?.timerId ?? '?'} failed: ${error.stack ?? error.message}`),
        }),
    },
  ],
  exports: [TIMER_SCHEDULER],
})
export class TimersModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(TIMER_SCHEDULER) private readonly scheduler: TimerScheduler,
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // timers that fell due while the service was down fire now, marked late
    if (runsBackgroundWork(this.runtime)) await this.scheduler.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
  }
}
