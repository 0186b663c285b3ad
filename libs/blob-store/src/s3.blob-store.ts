import { GetObjectCommand, HeadBucketCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { assertBlobKey, sha256Of } from './blob-hash';
import { BlobIntegrityError } from './blob-store.errors';
import type { BlobCheck, BlobInfo, BlobStore, PutBlobResult, StoredBlob } from './blob-store.port';

/** An S3-compatible bucket (AWS S3, MinIO, Ceph RGW, OSS/COS with their S3 endpoints). */
export interface S3BlobStoreOptions {
  bucket: string;
  /** e.g. http://minio.internal:9000; AWS's own endpoint when absent */
  endpoint?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** MinIO and most self-hosted servers want path-style addressing */
  forcePathStyle?: boolean;
  /** a prefix inside the bucket, so one bucket can serve several installations */
  prefix?: string;
  clock?: () => Date;
}

const STORED_AT = 'stored-at';

/**
 * Blobs in an S3-compatible bucket, for installations that keep files outside the database
 * (ADR 0018): the key is the sha-256, so an object is never rewritten by the service; every read
 * re-hashes the bytes, as the SQL adapters do, so an object replaced in the bucket is reported,
 * never handed out. The bucket must exist (an operator's choice of region, policy and retention).
 */
export class S3BlobStore implements BlobStore {
  readonly engine = 's3' as const;

  static async connect(options: S3BlobStoreOptions): Promise<S3BlobStore> {
    const credentials = options.accessKeyId && options.secretAccessKey ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } : undefined;
    const client = new S3Client({
      region: options.region ?? 'us-east-1', endpoint: options.endpoint, forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint), credentials,
    });
    try {
      await client.send(new HeadBucketCommand({ Bucket: options.bucket }));
    } catch (error) {
      client.destroy();
      throw new Error(`the S3 bucket ${options.bucket} is not reachable${options.endpoint ? ` at ${options.endpoint}` : ''}: ${(error as Error).name} ${(error as Error).message}`);
    }
    return new S3BlobStore(client, options);
  }

  private constructor(
    private readonly client: S3Client,
    private readonly options: S3BlobStoreOptions,
  ) {}

  /** puts in flight by key: two writers of one file in this process store it once */
  private readonly inFlight = new Map<string, Promise<PutBlobResult>>();

  async put(bytes: Uint8Array): Promise<PutBlobResult> {
    const sha256 = sha256Of(bytes);
    const pending = this.inFlight.get(sha256);
    if (pending) return pending.then((r) => ({ ...r, created: false }));
    const put = this.putOnce(sha256, bytes).finally(() => this.inFlight.delete(sha256));
    this.inFlight.set(sha256, put);
    return put;
  }

  private async putOnce(sha256: string, bytes: Uint8Array): Promise<PutBlobResult> {
    const existing = await this.check(sha256);
    // storing the right bytes again must not paper over altered ones: the audit has to see them
    if (existing.status === 'modified') throw new BlobIntegrityError(sha256, existing.actualSha256);
    if (existing.status === 'intact') return { sha256, size: bytes.byteLength, created: false };
    const storedAt = (this.options.clock?.() ?? new Date()).toISOString();
    const stored = await this.client.send(new PutObjectCommand({
      Bucket: this.options.bucket, Key: this.key(sha256), Body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      ContentLength: bytes.byteLength, Metadata: { [STORED_AT]: storedAt }, ContentType: 'application/octet-stream',
      // another process stored it meanwhile: S3 (and MinIO) answer 412, and the object it stored stays
      IfNoneMatch: '*',
    })).catch((error: unknown) => {
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 412) return 'exists' as const;
      throw error;
    });
    return { sha256, size: bytes.byteLength, created: stored !== 'exists' };
  }

  async get(sha256: string): Promise<StoredBlob | null> {
    const object = await this.read(sha256);
    if (!object) return null;
    const actual = sha256Of(object.bytes);
    if (actual !== sha256) throw new BlobIntegrityError(sha256, actual);
    return { sha256, size: object.bytes.length, storedAt: object.storedAt, bytes: object.bytes };
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.stat(sha256)) !== null;
  }

  async stat(sha256: string): Promise<BlobInfo | null> {
    assertBlobKey(sha256);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.key(sha256) }));
      return { sha256, size: Number(head.ContentLength ?? 0), storedAt: storedAtOf(head.Metadata, head.LastModified) };
    } catch (error) {
      if (isAbsent(error)) return null;
      throw error;
    }
  }

  async check(sha256: string): Promise<BlobCheck> {
    const object = await this.read(sha256);
    if (!object) return { sha256, status: 'missing' };
    const actual = sha256Of(object.bytes);
    return actual === sha256 ? { sha256, status: 'intact', size: object.bytes.length } : { sha256, status: 'modified', size: object.bytes.length, actualSha256: actual };
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  private key(sha256: string): string {
    return `${this.options.prefix ?? ''}${sha256}`;
  }

  private async read(sha256: string): Promise<{ bytes: Buffer; storedAt: string } | null> {
    assertBlobKey(sha256);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(sha256) }));
      const bytes = Buffer.from(await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
      return { bytes, storedAt: storedAtOf(object.Metadata, object.LastModified) };
    } catch (error) {
      if (isAbsent(error)) return null;
      throw error;
    }
  }
}

const storedAtOf = (metadata: Record<string, string> | undefined, lastModified: Date | undefined): string =>
  metadata?.[STORED_AT] ?? (lastModified ?? new Date(0)).toISOString();

const isAbsent = (error: unknown): boolean =>
  error instanceof NoSuchKey || error instanceof NotFound || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404);
