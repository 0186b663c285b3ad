import BetterSqlite3, { type Database } from 'better-sqlite3';
import { assertBlobKey, sha256Of } from './blob-hash';
import { BlobIntegrityError } from './blob-store.errors';
import type { BlobCheck, BlobInfo, BlobStore, PutBlobResult, StoredBlob } from './blob-store.port';

/** An in-process lock around writes (the engine's per-file SQLite write gate, see sqlite-write-gate.ts). */
export interface WriteGate {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export interface SqliteBlobStoreOptions {
  clock?: () => Date;
  /**
   * Where the handle is shared with other writers of the same file in this process (the event
   * store, read models), writes must take the file's gate: better-sqlite3 waits for the lock
   * synchronously and would block the transaction holding it.
   */
  gate?: WriteGate;
}

/** A plain rowid table: WITHOUT ROWID would keep megabytes of content inside the key's b-tree. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS blobs (
  sha256    TEXT    PRIMARY KEY,
  size      INTEGER NOT NULL,
  content   BLOB    NOT NULL,
  stored_at TEXT    NOT NULL
);
`;

interface Row {
  sha256: string;
  size: number;
  stored_at: string;
  content?: Buffer;
}

/** Blobs in a table of the same SQLite file as the events (the embedded default: nothing else to back up). */
export class SqliteBlobStore implements BlobStore {
  readonly engine = 'sqlite' as const;
  private readonly statements;

  /** Its own handle on `path` (tests, tools); the service shares the event store's handle instead. */
  static open(path: string, options: SqliteBlobStoreOptions = {}): SqliteBlobStore {
    const db = new BetterSqlite3(path);
    // the only copy of the file's bytes: durable like the events (WAL fsynced on every commit)
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    return new SqliteBlobStore(db, options, true);
  }

  constructor(
    private readonly db: Database,
    private readonly options: SqliteBlobStoreOptions = {},
    private readonly ownsHandle = false,
  ) {
    db.exec(SCHEMA);
    this.statements = {
      insert: db.prepare<[string, number, Buffer, string]>('INSERT INTO blobs (sha256, size, content, stored_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING'),
      info: db.prepare<[string]>('SELECT sha256, size, stored_at FROM blobs WHERE sha256 = ?'),
      full: db.prepare<[string]>('SELECT sha256, size, stored_at, content FROM blobs WHERE sha256 = ?'),
    };
  }

  async put(bytes: Uint8Array): Promise<PutBlobResult> {
    const sha256 = sha256Of(bytes);
    const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const now = (this.options.clock?.() ?? new Date()).toISOString();
    const write = async () => this.statements.insert.run(sha256, content.length, content, now).changes;
    const changes = this.options.gate ? await this.options.gate.run(write) : await write();
    if (changes === 0) await this.refuseAltered(sha256);
    return { sha256, size: content.length, created: changes > 0 };
  }

  async get(sha256: string): Promise<StoredBlob | null> {
    const row = this.row(sha256, true);
    if (!row?.content) return null;
    const actual = sha256Of(row.content);
    if (actual !== sha256) throw new BlobIntegrityError(sha256, actual);
    return { sha256, size: row.size, storedAt: row.stored_at, bytes: row.content };
  }

  async has(sha256: string): Promise<boolean> {
    return this.row(sha256, false) !== undefined;
  }

  async stat(sha256: string): Promise<BlobInfo | null> {
    const row = this.row(sha256, false);
    return row ? { sha256, size: row.size, storedAt: row.stored_at } : null;
  }

  async check(sha256: string): Promise<BlobCheck> {
    const row = this.row(sha256, true);
    if (!row?.content) return { sha256, status: 'missing' };
    const actual = sha256Of(row.content);
    return actual === sha256 ? { sha256, status: 'intact', size: row.content.length } : { sha256, status: 'modified', size: row.content.length, actualSha256: actual };
  }

  async close(): Promise<void> {
    if (this.ownsHandle && this.db.open) this.db.close();
  }

  private row(sha256: string, withContent: boolean): Row | undefined {
    assertBlobKey(sha256);
    return (withContent ? this.statements.full : this.statements.info).get(sha256) as Row | undefined;
  }

  /** Storing the right bytes again must not paper over altered ones: the audit has to see them. */
  private async refuseAltered(sha256: string): Promise<void> {
    const check = await this.check(sha256);
    if (check.status === 'modified') throw new BlobIntegrityError(sha256, check.actualSha256);
  }
}
