import { archive, openCustomer } from '../customers/customer-fixtures';
import { describeEachEngine } from '../support/each-engine';
import { applicationForm } from '../support/onboarding.forms';
import { startTestApi, type TestApi } from '../support/test-api';
import { download, EXE_BYTES, licencePdf, PNG_BYTES, sha256, upload } from './file-fixtures';

jest.setTimeout(120_000);

const LIMIT = 64 * 1024;
const LICENCE_NAME = '营业执照（副本）2026.pdf';
const doc = { documentId: 'licence', kind: 'business_licence', number: 'BL-1', validFrom: '2021-01-01', validUntil: '2030-12-31' };

describeEachEngine('documents as files (ADR 0018): upload, file, download, verify', (engine) => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const pdf = licencePdf();
  let licence: { sha256: string; name: string; mediaType: string; size: number };

  beforeAll(async () => {
    api = await startTestApi({ engine, start: '2026-03-02T01:00:00.000Z', env: { FILE_MAX_BYTES: String(LIMIT) } });
    for (const user of ['manager', 'manager2', 'sales', 'auditor']) tokens[user] = await api.tokenFor(user);
  });
  afterAll(() => api?.close());

  it('R-ONB-1: a licence scan uploaded as multipart is stored by its sha-256 and answered as a FileReference', async () => {
    const res = await upload(api, tokens.manager, pdf, LICENCE_NAME);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sha256: sha256(pdf), name: LICENCE_NAME, mediaType: 'application/pdf', size: pdf.length });
    licence = { sha256: res.body.sha256, name: res.body.name, mediaType: res.body.mediaType, size: res.body.size };
    // the same bytes again are the same file
    const again = await upload(api, tokens.manager, pdf, LICENCE_NAME);
    expect(again.body.sha256).toBe(licence.sha256);
  });

  it('R-ONB-1: the type is what the bytes are — PNG bytes named .pdf are a PNG, an executable named .pdf is refused 415 at the field, in Chinese on request', async () => {
    const png = await upload(api, tokens.manager, PNG_BYTES, '税务登记证.pdf', { type: 'application/pdf' });
    expect(png.status).toBe(201);
    expect(png.body.mediaType).toBe('image/png');
    const exe = await upload(api, tokens.manager, EXE_BYTES, 'licence.pdf', { type: 'application/pdf' });
    expect(exe.status).toBe(415);
    expect(exe.body).toMatchObject({ rule: 'FILE-TYPE', field: 'file' });
    const zh = await upload(api, tokens.manager, EXE_BYTES, 'licence.pdf', { language: 'zh-CN' });
    expect(zh.body.message).toContain('只接受 PDF、JPEG 或 PNG');
  });

  it('refuses a file over FILE_MAX_BYTES with 413 naming the limit, and a form without the part "file"', async () => {
    const big = Buffer.concat([licencePdf(), Buffer.alloc(LIMIT, 0x20)]);
    const res = await upload(api, tokens.manager, big, 'big.pdf');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ rule: 'FILE-TOO-LARGE', field: 'file', limitBytes: LIMIT });
    const wrongField = await upload(api, tokens.manager, pdf, 'x.pdf', { field: 'document' });
    expect(wrongField.status).toBe(400);
    expect(wrongField.body).toMatchObject({ rule: 'SCHEMA', field: 'file' });
    const json = await api.request('POST', '/files', { token: tokens.manager, body: { file: 'x' } });
    expect(json.status).toBe(415);
  });

  it('R-ONB-1: an application naming a file nobody uploaded is refused 422 FILE-UNKNOWN at the field; with the uploaded licence it is filed', async () => {
    const unknown = { ...licence, sha256: sha256(Buffer.from('never uploaded')) };
    const form = (file: object) => applicationForm(401, 'manager', { documents: [{ ...applicationForm(401).documents[0], file }] });
    const refused = await api.request('POST', '/applications', { token: tokens.manager, body: { applicationId: 'files-app-1', form: form(unknown) } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ rule: 'FILE-UNKNOWN', field: 'form.documents.0.file.sha256' });
    const filed = await api.request('POST', '/applications', { token: tokens.manager, body: { applicationId: 'files-app-1', form: form(licence) } });
    expect(filed.status).toBe(201);
  });

  it('R-ARC-4: an archive opens with the licence on file; a renewal names a new scan, and a reference that lies about size or type is refused', async () => {
    await openCustomer(api, archive('f-1', { documents: [{ ...doc, file: licence } as never] }));
    const renewalScan = licencePdf('营业执照 换发');
    const uploaded = (await upload(api, tokens.manager, renewalScan, '营业执照 换发.pdf')).body;
    const renew = (file: object) => api.request('POST', '/customers/f-1/documents/licence/renew', { token: tokens.manager, body: { number: 'BL-2', validFrom: '2026-03-01', validUntil: '2036-02-28', file } });
    const wrongSize = await renew({ ...uploaded, size: uploaded.size + 1 });
    expect(wrongSize.status).toBe(422);
    expect(wrongSize.body).toMatchObject({ rule: 'FILE-MISMATCH', field: 'file.size' });
    const wrongType = await renew({ ...uploaded, mediaType: 'image/png' });
    expect(wrongType.body).toMatchObject({ rule: 'FILE-MISMATCH', field: 'file.mediaType' });
    const unknown = await renew({ ...uploaded, sha256: sha256(Buffer.from('nope')) });
    expect(unknown.body).toMatchObject({ rule: 'FILE-UNKNOWN', field: 'file.sha256' });
    expect((await renew(uploaded)).status).toBe(200);
  });

  it('downloads with the original Chinese name (RFC 5987 filename*) to the customer\'s manager, sales and the auditor; inline for preview', async () => {
    for (const user of ['manager', 'sales', 'auditor']) {
      const res = await download(api, tokens[user], licence.sha256);
      expect(res.status).toBe(200);
      expect(res.bytes.equals(pdf)).toBe(true);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const disposition = res.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe(LICENCE_NAME);
    }
    const inline = await download(api, tokens.sales, licence.sha256, '?inline=1');
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; /);
  });

  it('R-KAM-2: another customer manager may not download a file on a customer that is not theirs; an unknown file is 404', async () => {
    const other = await download(api, tokens.manager2, licence.sha256);
    expect(other.status).toBe(403);
    expect(other.json().rule).toBe('R-KAM-2');
    const missing = await download(api, tokens.sales, sha256(Buffer.from('no such file')));
    expect(missing.status).toBe(404);
  });

  it('R-ONB-1: bytes altered in the database are named by the audit — the file, its sha-256 and the events referring to it — and never downloaded (the CLI verify: apps/cli/test/verify-files.command.spec.ts)', async () => {
    const altered = Buffer.from(pdf);
    altered[20] ^= 0x01;
    expect(await api.rawSql('UPDATE blobs SET content = ? WHERE sha256 = ?', [altered, licence.sha256])).toBe(1);

    const verify = await api.request('GET', '/customers/f-1/verify', { token: tokens.auditor });
    expect(verify.status).toBe(200);
    expect(verify.body.ok).toBe(false);
    expect(verify.body.files.broken).toEqual([
      expect.objectContaining({
        sha256: licence.sha256, names: [LICENCE_NAME], status: 'modified', actualSha256: sha256(altered),
        events: expect.arrayContaining([expect.objectContaining({ streamId: 'customer-f-1', type: 'CustomerArchiveOpened', path: 'documents.0.file' })]),
      }),
    ]);

    const res = await download(api, tokens.sales, licence.sha256);
    expect(res.status).toBe(409);
    expect(res.json().rule).toBe('FILE-ALTERED');
  });
});
