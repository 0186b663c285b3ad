import { Global, Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createReadModelDb, ProjectionRunner, type ReadModelDb } from '@crm/engine';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import { API_RUNTIME, type ApiRuntime, runsBackgroundWork } from '../runtime';
import { projections } from './projection-registrations';
import { PROJECTION_RUNNER, READ_MODEL_DB } from './read-model.tokens';

const logger = new Logger('projections');

@Global()
@Module({
  providers: [
    {
      provide: READ_MODEL_DB,
      inject: [EVENT_STORE, API_RUNTIME],
      useFactory: (store: EventStore, runtime: ApiRuntime) => createReadModelDb(runtime.readModelSource ?? store),
    },
    {
      provide: PROJECTION_RUNNER,
      inject: [EVENT_STORE, READ_MODEL_DB],
      useFactory: (store: EventStore, readModels: ReadModelDb) =>
        new ProjectionRunner(store, readModels, projections(), {
          onError: (name, error) => logger.error(`projection ${name} failed: ${error.stack ?? error.message}`),
        }),
    },
  ],
  exports: [READ_MODEL_DB, PROJECTION_RUNNER],
})
export class ReadModelsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.migrate();
    // ROLE=api: a projector process moves the checkpoints; reads here still wait for them
    if (runsBackgroundWork(this.runtime)) await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.readModels.close();
  }
}
