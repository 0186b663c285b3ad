import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { archive, openCustomer } from '../customers/customer-fixtures';
import { startTestApi, type TestApi } from '../support/test-api';
import { download, licencePdf, sha256, upload } from './file-fixtures';

jest.setTimeout(120_000);

const BUCKET = 'crm-files';
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * ADR 0018, the production option: FILE_STORE=s3://bucket/prefix/ keeps uploads in an
 * S3-compatible bucket (s3rver on loopback here, speaking the S3 protocol with signed requests).
 * The file guard, downloads and the audit's verification work as on the database store.
 */
describe('the service with its files in an S3-compatible bucket (FILE_STORE=s3://…)', () => {
  let server: S3rver;
  let directory: string;
  let endpoint: string;
  let api: TestApi;
  let raw: S3Client;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 's3rver-api-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET, configs: [] }] });
    endpoint = `http://127.0.0.1:${(await server.run()).port}`;
    api = await startTestApi({
      start: '2026-03-02T01:00:00.000Z',
      env: { FILE_STORE: `s3://${BUCKET}/crm`, S3_ENDPOINT: endpoint, S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId, S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey },
    });
    raw = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: CREDENTIALS });
  });
  afterAll(async () => {
    raw?.destroy();
    await api?.close();
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('R-ONB-1: an uploaded licence lands in the bucket under its sha-256, is filed, downloaded, and bytes altered in the bucket are named by the audit', async () => {
    const manager = await api.tokenFor('manager');
    const pdf = licencePdf('营业执照 S3');
    const res = await upload(api, manager, pdf, '营业执照.pdf');
    expect(res.status).toBe(201);
    const key = `crm/${sha256(pdf)}`;
    const object = await raw.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(Buffer.from(await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray()).equals(pdf)).toBe(true);

    const file = { sha256: res.body.sha256, name: res.body.name, mediaType: res.body.mediaType, size: res.body.size };
    await openCustomer(api, archive('s3-c1', { documents: [{ documentId: 'licence', kind: 'business_licence', number: 'BL-1', validFrom: '2021-01-01', validUntil: '2030-12-31', file }] }));
    const got = await download(api, await api.tokenFor('sales'), file.sha256);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(pdf)).toBe(true);

    const altered = Buffer.from(pdf);
    altered[20] ^= 0x01;
    await raw.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: altered }));
    const verify = await api.request('GET', '/customers/s3-c1/verify', { token: await api.tokenFor('auditor') });
    expect(verify.body.ok).toBe(false);
    expect(verify.body.files.broken).toEqual([expect.objectContaining({ sha256: file.sha256, status: 'modified', actualSha256: sha256(altered) })]);
    expect((await download(api, await api.tokenFor('sales'), file.sha256)).status).toBe(409);
  });

  it('refuses FILE_STORE that is not s3://bucket, naming the variable', async () => {
    await expect(startTestApi({ env: { FILE_STORE: 'ftp://files' } })).rejects.toThrow(/FILE_STORE/);
  });
});
