/**
 * Files kept content-addressed: a blob is its bytes, keyed by their sha-256 (lower-case hex).
 * Nothing about a blob is mutable, so every event that names a file by its sha-256 also fixes
 * its content; `get` re-hashes what it reads, so bytes altered behind the service are never
 * handed out as the file an event names (ADR 0018).
 */
export interface BlobStore {
  readonly engine: string;
  /** stores the bytes under their sha-256; storing the same bytes again changes nothing (`created: false`) */
  put(bytes: Uint8Array): Promise<PutBlobResult>;
  /** the bytes, re-hashed on the way out: `BlobIntegrityError` when they no longer match their key; null when absent */
  get(sha256: string): Promise<StoredBlob | null>;
  has(sha256: string): Promise<boolean>;
  /** size and storage time without reading the bytes; null when absent */
  stat(sha256: string): Promise<BlobInfo | null>;
  /** re-hashes the stored bytes and reports, never throws for a mismatch (the audit's question) */
  check(sha256: string): Promise<BlobCheck>;
  close(): Promise<void>;
}

export interface PutBlobResult {
  sha256: string;
  size: number;
  /** false when the same bytes were already stored */
  created: boolean;
}

export interface BlobInfo {
  sha256: string;
  size: number;
  storedAt: string;
}

export interface StoredBlob extends BlobInfo {
  bytes: Buffer;
}

export type BlobCheck =
  | { sha256: string; status: 'intact'; size: number }
  | { sha256: string; status: 'missing' }
  /** the stored bytes hash to `actualSha256` now: someone changed them */
  | { sha256: string; status: 'modified'; size: number; actualSha256: string };

/** Nest injection token for the service's blob store. */
export const BLOB_STORE = Symbol('BLOB_STORE');
