import { archive, openCustomer } from '../customers/customer-fixtures';
import { caughtUp } from '../complaints/complaint-support';
import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';
import { download, licencePdf, PNG_BYTES, sha256, upload } from './file-fixtures';
import { visitForm } from '../relationship/visit-form';

/** The reference a record keeps, from the upload's answer. */
async function uploaded(res: Promise<{ status: number; body: any }>) {
  const { status, body } = await res;
  expect(status).toBe(201);
  return { sha256: body.sha256 as string, name: body.name as string, mediaType: body.mediaType as string, size: body.size as number };
}

const ratings = { quality: '良好', service: '不好', awareness: '知名度较高' };

/**
 * Issue 17 / ADR 0018: meeting minutes and visit reports keep their scans as files. Each
 * attachment is checked by the engine's file guard (uploaded, intact) before the record is
 * decided, and is read by whoever may read the record (R-KAM-2).
 */
describeEachEngine('attachments on visit reports and forum minutes (ADR 0018)', (engine) => {
  let api: TestApi;
  const token = (user: string) => api.tokenFor(user);
  jest.setTimeout(60_000);

  beforeAll(async () => {
    api = await startTestApi({ start: '2026-03-02T02:00:00.000Z', engine });
    await openCustomer(api, archive('att-c1'));
    await caughtUp(api, 'customers');
  });
  afterAll(() => api?.close());

  it('R-VISIT-2: the visit report form’s signed scan and a photo are kept with the report; its customer’s manager reads them, another manager may not', async () => {
    const manager = await token('manager');
    const scan = licencePdf('走访客户报告单');
    const uploadedScan = await uploaded(upload(api, manager, scan, '走访客户报告单 签字.pdf'));
    const photo = await uploaded(upload(api, manager, PNG_BYTES, '现场.png', { type: 'image/png' }));
    expect(uploadedScan.sha256).toBe(sha256(scan));

    const unknown = { ...uploadedScan, sha256: sha256(Buffer.from('never uploaded')) };
    const refused = await api.request('POST', '/visit-reports', {
      token: manager, body: { customerId: 'att-c1', visitedOn: '2026-03-01', basis: { kind: 'unplanned', reason: '顺访' }, form: visitForm('2026-03-01'), ratings, attachments: [uploadedScan, unknown] },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ rule: 'FILE-UNKNOWN', field: 'attachments.1.sha256' });

    const filed = await api.request('POST', '/visit-reports', {
      token: manager, body: { customerId: 'att-c1', visitedOn: '2026-03-01', basis: { kind: 'unplanned', reason: '顺访' }, form: visitForm('2026-03-01'), ratings, attachments: [uploadedScan, photo] },
    });
    expect(filed.status).toBe(201);
    const [submitted] = await api.store.readStream(`visit-report-${filed.body.id}`);
    expect((submitted.data.attachments as Array<{ sha256: string }>).map((a) => a.sha256)).toEqual([uploadedScan.sha256, photo.sha256]);

    const query = `?minPosition=${filed.body.position}`;
    const own = await download(api, await token('sales'), uploadedScan.sha256, query);
    expect(own.status).toBe(200);
    expect(own.bytes.equals(scan)).toBe(true);
    expect((await download(api, await token('manager2'), photo.sha256, query)).status).toBe(403);
  });

  it('R-FORUM-1: the signed minutes of a customer forum are kept as a file and read company-wide', async () => {
    const sales = await token('sales');
    const minutes = licencePdf('客户座谈会纪要');
    const file = await uploaded(upload(api, sales, minutes, '座谈会纪要.pdf'));
    // R-FORUM-1 (ADR 0025): the minutes follow an approved preparation plan
    const plan = { title: '春季客户座谈会', plannedOn: '2026-03-02', invitees: [{ name: '张三', organisation: '宁波塑料厂' }], agenda: ['市场行情'], budgetYuan: 3000 };
    expect((await api.request('POST', '/customer-forums', { token: sales, body: { forumId: 'att-forum', ...plan } })).status).toBe(201);
    expect((await api.request('POST', '/customer-forums/att-forum/approve', { token: await token('supervisor'), body: {} })).status).toBe(200);
    const filed = await api.request('POST', '/customer-forums/att-forum/minutes', {
      token: sales,
      body: { heldOn: '2026-03-02', attendees: [{ name: '张三', organisation: '宁波塑料厂' }], minutes: '客户建议增加周末提货。', attachments: [file] },
    });
    expect(filed.status).toBe(200);
    const read = await download(api, await token('gm'), file.sha256, `?minPosition=${filed.body.position}`);
    expect(read.status).toBe(200);
    expect(read.bytes.equals(minutes)).toBe(true);
    const tooMany = await api.request('POST', '/customer-forums/att-forum-2/minutes', {
      token: sales, body: { heldOn: '2026-02-27', attendees: [{ name: 'a', organisation: 'b' }], minutes: 'm', attachments: Array.from({ length: 11 }, () => file) },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.field).toMatch(/^attachments/);
  });
});
