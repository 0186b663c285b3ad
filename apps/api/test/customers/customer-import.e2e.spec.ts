import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { identityKeyOf } from '@crm/onboarding';
// the operator's command itself, run against the service's store while the service runs
// eslint-disable-next-line @nx/enforce-module-boundaries
import { runCli } from '../../../cli/src/main';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { customerRow, workbookOf } from '../../../cli/test/support/customer-sheet';
import { type Caller, onboardingCallers } from '../support/onboarding.actors';
import { applicationForm, creditCode } from '../support/onboarding.forms';
import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';

const N = 91;

/**
 * Issue 19 "Migration" with ADR 0020: an imported registration is the company's customer for its
 * line in the identity ledger, so onboarding refuses the same company and line as ONB-DUPLICATE and
 * accepts an application for its other line; the audit history shows the events as imported.
 */
describeEachEngine('customers imported by the CLI (ONB-DUPLICATE per line)', (engine) => {
  let api: TestApi;
  let as: Caller;
  const identityKey = identityKeyOf({ kind: 'unified', creditCode: creditCode(N) });
  const customerId = `imp-${identityKey}-polyolefin`;

  beforeAll(async () => {
    api = await startTestApi({ start: '2026-03-02T02:00:00.000Z', engine });
    as = await onboardingCallers(api);
    const file = join(api.dataDir, '客户迁移.xlsx');
    writeFileSync(file, await workbookOf([customerRow(N, 'polyolefin', { 统一社会信用代码: creditCode(N), 公司名称: applicationForm(N).companyName, 证照1编号: creditCode(N), 客户经理: 'manager' })]));
    let out = '';
    const io = { out: (t: string) => void (out += t), err: (t: string) => void (out += t), interactive: false, env: {}, now: () => api.clock.now() };
    expect(await runCli(['import-customers', file, '--store', api.eventStore], io)).toBe(0);
    expect(out).toContain('1 rows; 1 created');
  }, 60_000);
  afterAll(() => api?.close());

  it('ONB-DUPLICATE: an application for the imported company and line is refused; one for its other line is accepted', async () => {
    const same = await as('manager', 'POST', '/applications', { applicationId: 'after-import-poly', form: applicationForm(N) });
    expect(same.status).toBe(422);
    expect(same.body).toMatchObject({ rule: 'ONB-DUPLICATE', message: expect.stringContaining(`it is the customer ${customerId} for the product line polyolefin`) });

    const other = applicationForm(N, 'manager', { productLine: 'other_chemicals', customerClass: { salesObject: 'direct', salesForm: null } });
    const accepted = await as('manager', 'POST', '/applications', { applicationId: 'after-import-chem', form: other });
    expect({ status: accepted.status, body: accepted.status === 201 ? 'ok' : accepted.body }).toEqual({ status: 201, body: 'ok' });
    const ledger = await api.store.readStream(`company-identity-${identityKey}`);
    expect(ledger.map((e) => [e.type, e.data.productLine])).toEqual([['IdentityHandedOver', 'polyolefin'], ['IdentityReserved', 'other_chemicals']]);
  });

  it('R-ARC-3: the auditor sees the archive opened as imported (file and row), and the registration is a customer like any other', async () => {
    const head = await api.store.headPosition();
    const history = await as('auditor', 'GET', `/customers/${customerId}/history`);
    expect(history.status).toBe(200);
    expect(history.body.entries[0]).toMatchObject({ type: 'CustomerArchiveOpened', importedFrom: { file: '客户迁移.xlsx', line: 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const detail = await as('manager', 'GET', `/customers/${customerId}?minPosition=${head}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ productLine: 'polyolefin', grade: 'ordinary', customerManagerId: 'manager', status: 'active' });
  });
});
