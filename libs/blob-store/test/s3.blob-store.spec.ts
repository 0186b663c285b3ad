import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { blobStoreContract, S3BlobStore } from '../src';

const BUCKET = 'crm-files';
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * The S3 adapter against a real S3-protocol server on loopback (s3rver: objects on disk, signed
 * requests checked), through the same contract as the SQL adapters. Tampering overwrites the
 * object in the bucket behind the service, as someone with bucket access could.
 */
describe('S3-compatible blob store (s3rver on loopback)', () => {
  let server: S3rver;
  let endpoint: string;
  let directory: string;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 's3rver-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET, configs: [] }] });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  let run = 0;
  blobStoreContract('s3 (s3rver)', async () => {
    // each case in its own prefix: the contract expects an empty store
    const prefix = `case-${++run}/`;
    const store = await S3BlobStore.connect({ bucket: BUCKET, endpoint, region: 'us-east-1', ...CREDENTIALS, prefix });
    const raw = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: CREDENTIALS });
    return {
      store,
      tamper: async (sha256, bytes) => void (await raw.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}${sha256}`, Body: Buffer.from(bytes) }))),
      teardown: async () => {
        raw.destroy();
        await store.close();
      },
    };
  });

  it('refuses to start on a bucket that does not exist, naming it', async () => {
    await expect(S3BlobStore.connect({ bucket: 'no-such-bucket', endpoint, ...CREDENTIALS })).rejects.toThrow(/no-such-bucket/);
  });
});
