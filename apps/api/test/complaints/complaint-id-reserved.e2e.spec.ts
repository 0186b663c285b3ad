import { complaintBody, ensureCustomer, publishThroughCommittee } from './complaint-support';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * Regression: a complaint recorded with id `policies` was appended to `complaint-policies`, the
 * stream the published complaint policies live on, and GET /complaints/policies read it back.
 */
describe('the complaint id that would name the policy stream', () => {
  let api: TestApi;
  jest.setTimeout(60_000);
  beforeAll(async () => {
    api = await startTestApi('2026-10-09T03:00:00.000Z');
    await ensureCustomer(api);
  });
  afterAll(() => api.close());

  it('is refused with 400 naming complaintId, nothing written, and the policy stream keeps only policies', async () => {
    const manager = await api.tokenFor('manager');
    const { current } = await publishThroughCommittee(api, {
      version: '2026-r1', deadlines: { general: 1, major: 3 }, maxWorkingDays: 7, warningShare: 0.75,
      handlerRoles: ['customer_manager'], resolutionApproverRoles: ['supervisor'], extensionApproverRoles: ['supervisor'],
    });
    expect(current.policy.version).toBe('2026-r1');
    const head = await api.store.headPosition();

    const refused = await api.request('POST', '/complaints', { token: manager, body: { ...complaintBody('2026-10-09T10:00:00+08:00'), complaintId: 'policies' } });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ rule: 'SCHEMA', field: 'complaintId' });
    expect(await api.store.headPosition()).toBe(head);

    const read = await api.request('GET', '/complaints/policies', { token: manager });
    expect(read.status).toBe(400);
    const types = (await api.store.readStream('complaint-policies')).map((e) => e.type);
    expect(new Set(types)).toEqual(new Set(['ComplaintPolicyPublished']));

    const other = await api.request('POST', '/complaints', { token: manager, body: { ...complaintBody('2026-10-09T10:00:00+08:00'), complaintId: 'policies-2' } });
    expect(other.status).toBe(201);
  });
});
