import { Pool } from 'pg';
import { assertBlobKey, sha256Of } from './blob-hash';
import { BlobIntegrityError } from './blob-store.errors';
import type { BlobCheck, BlobInfo, BlobStore, PutBlobResult, StoredBlob } from './blob-store.port';

/** Serialises the CREATE below across processes: concurrent CREATE TABLE IF NOT EXISTS race in PostgreSQL. */
const DDL_LOCK = 7_305_320_018;

/** bytea, not large objects: a file is at most a few MiB, and bytea rows go with pg_dump and replication like any other. */
const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS blobs (
  sha256    text        PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size      bigint      NOT NULL,
  content   bytea       NOT NULL,
  stored_at timestamptz NOT NULL
);
-- PDFs and JPEGs are compressed already: keep them out of line without a second compression
ALTER TABLE blobs ALTER COLUMN content SET STORAGE EXTERNAL;
`;

export interface PostgresBlobStoreOptions {
  clock?: () => Date;
}

interface Row {
  sha256: string;
  size: string;
  stored_at: Date;
  content?: Buffer;
}

/** Blobs in a bytea table of the same database as the events. */
export class PostgresBlobStore implements BlobStore {
  readonly engine = 'postgres' as const;

  static async connect(url: string, options: PostgresBlobStoreOptions = {}): Promise<PostgresBlobStore> {
    return PostgresBlobStore.create(new Pool({ connectionString: url }), options, true);
  }

  /** Shares the event store's pool (the service); creates the table when missing. */
  static async create(pool: Pool, options: PostgresBlobStoreOptions = {}, ownsPool = false): Promise<PostgresBlobStore> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [DDL_LOCK]);
      await client.query(SCHEMA_SQL);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (ownsPool) await pool.end().catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return new PostgresBlobStore(pool, options, ownsPool);
  }

  private constructor(
    private readonly pool: Pool,
    private readonly options: PostgresBlobStoreOptions,
    private readonly ownsPool: boolean,
  ) {}

  async put(bytes: Uint8Array): Promise<PutBlobResult> {
    const sha256 = sha256Of(bytes);
    const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const now = this.options.clock?.() ?? new Date();
    const result = await this.pool.query({
      name: 'blob_put',
      text: 'INSERT INTO blobs (sha256, size, content, stored_at) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING',
      values: [sha256, content.length, content, now],
    });
    const created = (result.rowCount ?? 0) > 0;
    if (!created) {
      // storing the right bytes again must not paper over altered ones: the audit has to see them
      const check = await this.check(sha256);
      if (check.status === 'modified') throw new BlobIntegrityError(sha256, check.actualSha256);
    }
    return { sha256, size: content.length, created };
  }

  async get(sha256: string): Promise<StoredBlob | null> {
    const row = await this.row(sha256, true);
    if (!row?.content) return null;
    const actual = sha256Of(row.content);
    if (actual !== sha256) throw new BlobIntegrityError(sha256, actual);
    return { sha256, size: Number(row.size), storedAt: row.stored_at.toISOString(), bytes: row.content };
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.row(sha256, false)) !== undefined;
  }

  async stat(sha256: string): Promise<BlobInfo | null> {
    const row = await this.row(sha256, false);
    return row ? { sha256, size: Number(row.size), storedAt: row.stored_at.toISOString() } : null;
  }

  async check(sha256: string): Promise<BlobCheck> {
    const row = await this.row(sha256, true);
    if (!row?.content) return { sha256, status: 'missing' };
    const actual = sha256Of(row.content);
    return actual === sha256 ? { sha256, status: 'intact', size: row.content.length } : { sha256, status: 'modified', size: row.content.length, actualSha256: actual };
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }

  private async row(sha256: string, withContent: boolean): Promise<Row | undefined> {
    assertBlobKey(sha256);
    const columns = withContent ? 'sha256, size, stored_at, content' : 'sha256, size, stored_at';
    const { rows } = await this.pool.query<Row>({ name: withContent ? 'blob_get' : 'blob_stat', text: `SELECT ${columns} FROM blobs WHERE sha256 = $1`, values: [sha256] });
    return rows[0];
  }
}
