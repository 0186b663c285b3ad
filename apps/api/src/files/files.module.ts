import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { BLOB_STORE, type BlobStore } from '@crm/blob-store';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { API_RUNTIME, type ApiRuntime } from '../runtime';
import { FileAccess } from './file-access.service';
import { FileUploads } from './file-uploads.service';
import { FilesController } from './files.controller';
import { openBlobStore } from './open-blob-store';

/** Global: the engine's file guard (workflows.module.ts) and the verification read the blob store too. */
@Global()
@Module({
  controllers: [FilesController],
  providers: [
    {
      provide: BLOB_STORE,
      inject: [EVENT_STORE, API_RUNTIME, CLOCK],
      useFactory: (store: EventStore, runtime: ApiRuntime, clock: Clock) => openBlobStore(store, runtime.readModelSource, () => clock.now(), runtime.fileStore),
    },
    FileUploads,
    FileAccess,
  ],
  exports: [BLOB_STORE],
})
export class FilesModule implements OnApplicationShutdown {
  constructor(@Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.blobs.close();
  }
}
