import { Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ReadModelDb } from '@crm/engine';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { API_RUNTIME, type ApiRuntime, runsBackgroundWork } from '../runtime';
import { REACTOR_RUNNER } from './process.tokens';
import { ReactorRunner } from './reactor.runner';

const logger = new Logger('reactors');

/**
 * Process managers. A feature module imports this module and registers its reactors with the
 * runner in `onModuleInit`; the runner starts once every module is initialised.
 */
@Module({
  providers: [
    {
      provide: REACTOR_RUNNER,
      inject: [EVENT_STORE, READ_MODEL_DB],
      useFactory: (store: EventStore, readModels: ReadModelDb) =>
        new ReactorRunner(store, readModels, {
          onError: (name, error, event) => logger.error(`reactor ${name} failed${event ? ` on ${event.type} ${event.id}` : ''}: ${error.stack ?? error.message}`),
        }),
    },
  ],
  exports: [REACTOR_RUNNER],
})
export class ProcessModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(REACTOR_RUNNER) private readonly runner: ReactorRunner,
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (runsBackgroundWork(this.runtime)) await this.runner.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }
}
