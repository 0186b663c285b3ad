import type { Database } from 'better-sqlite3';
import type { Pool } from 'pg';
import { PostgresBlobStore } from './postgres.blob-store';
import type { BlobStore } from './blob-store.port';
import { SqliteBlobStore, type WriteGate } from './sqlite.blob-store';

/** An explicit home for the blobs when the event store has no SQL of its own (EventStoreDB: its read-model database). */
export type BlobSource = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface BlobStoreBesideOptions {
  clock?: () => Date;
  /** the in-process write gate of the SQLite file (the engine's `sqliteWriteGate(path)`) */
  gate?: (path: string) => WriteGate;
}

/**
 * The blobs in the event store's own database (ADR 0018: backed up, replicated and restored with
 * the events they belong to): the SQLite store's file through its own handle, the PostgreSQL
 * store's pool. Duck-typed on the handle / pool the adapters expose, as the read models are.
 */
export async function blobStoreBeside(store: { engine: string }, source?: BlobSource, options: BlobStoreBesideOptions = {}): Promise<BlobStore> {
  if (source?.kind === 'sqlite') return SqliteBlobStore.open(source.path, { clock: options.clock, gate: options.gate?.(source.path) });
  if (source?.kind === 'postgres') return PostgresBlobStore.connect(source.url, { clock: options.clock });
  if (store.engine === 'sqlite') {
    const handle = (store as unknown as { database: Database }).database;
    const gate = handle.memory ? undefined : options.gate?.(handle.name);
    return new SqliteBlobStore(handle, { clock: options.clock, gate });
  }
  if (store.engine === 'postgres') return PostgresBlobStore.create((store as unknown as { pool: Pool }).pool, { clock: options.clock });
  throw new Error(`blobs beside the ${store.engine} engine need an explicit SQLite or PostgreSQL source`);
}
