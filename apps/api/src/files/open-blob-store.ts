import { blobStoreBeside, type BlobStore, S3BlobStore } from '@crm/blob-store';
import type { S3FileStoreConfig } from '@crm/config';
import { type ReadModelSource, sqliteWriteGate } from '@crm/engine';
import type { EventStore } from '@crm/event-store';

/**
 * The service's blobs, where its events are (ADR 0018); beside EventStoreDB, in the read-model
 * database. On SQLite every write takes the file's in-process gate, as event appends and
 * read-model transactions do.
 */
export function openBlobStore(store: EventStore, readModels: ReadModelSource | undefined, clock: () => Date, s3?: S3FileStoreConfig): Promise<BlobStore> {
  // FILE_STORE=s3://…: the files live in the operator's bucket, backed up and retained by its own policy
  if (s3) return S3BlobStore.connect({ ...s3, clock });
  const options = { clock, gate: sqliteWriteGate };
  if (readModels?.kind === 'postgres' && 'pool' in readModels) return blobStoreBeside({ engine: 'postgres', pool: readModels.pool } as never, undefined, options);
  return blobStoreBeside(store, readModels as { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string } | undefined, options);
}
