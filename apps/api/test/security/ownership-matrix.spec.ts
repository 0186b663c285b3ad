import type { ProjectionRunner } from '@crm/engine';
import type { Role } from '@crm/workflow-kit';
import { PROJECTION_RUNNER } from '../../src/read-models/read-model.tokens';
import { archive, fireDueTimers, openCustomer } from '../customers/customer-fixtures';
import { applicationForm } from '../support/onboarding.forms';
import { startTestApi, type TestApi } from '../support/test-api';
import { ACCESS_MATRIX } from './access-matrix';
import { ROLE_USERS } from './support/matrix-callers';
import { loadOperations, type Operation } from './support/openapi-operations';
import { OWNERSHIP_MATRIX, type OwnershipFixtures, type Probe } from './ownership-matrix';
import { visitForm } from '../relationship/visit-form';

jest.setTimeout(300_000);

const CUSTOMER = 'own-c';
const TODAY = '2026-10-09';
type Answer = { status: number; rule?: string; body: unknown };

/**
 * R-KAM-2 for every customer-scoped operation of /openapi.json: `manager` (who manages the
 * customer), `manager2` (who does not) and every company-wide role the access matrix admits.
 * Generated from the document: an operation a customer manager may call with no line in
 * OWNERSHIP_MATRIX fails the first test.
 */
describe('ownership matrix (R-KAM-2): every customer-scoped operation × own manager, other manager, company-wide roles', () => {
  let api: TestApi;
  let operations: Map<string, Operation>;
  let fx: OwnershipFixtures;
  const tokens = new Map<string, string>();
  const token = async (user: string): Promise<string> => {
    const known = tokens.get(user);
    if (known) return known;
    const fresh = await api.tokenFor(user);
    tokens.set(user, fresh);
    return fresh;
  };

  beforeAll(async () => {
    api = await startTestApi({ start: '2026-09-01T02:00:00.000Z' });
    operations = new Map((await loadOperations(api.url)).map((o) => [o.key, o]));
    fx = await fixtures(api);
  });
  afterAll(() => api?.close());

  it('every operation a customer manager may call has an ownership expectation, and every expectation an operation', () => {
    const managerMay = [...operations.keys()].filter((key) => callableBy(key, 'customer_manager'));
    expect(managerMay.filter((key) => !(key in OWNERSHIP_MATRIX))).toEqual([]);
    expect(Object.keys(OWNERSHIP_MATRIX).filter((key) => !operations.has(key) || !callableBy(key, 'customer_manager'))).toEqual([]);
  });

  const scoped = Object.entries(OWNERSHIP_MATRIX).filter(([, o]) => o.scope !== 'none');
  it.each(scoped.map(([key]) => key))('R-KAM-2: %s', async (key) => {
    const operation = operations.get(key);
    const expectation = OWNERSHIP_MATRIX[key];
    if (!operation || expectation.scope === 'none') return; // a missing operation is the drift test's to report
    const problems: string[] = [];
    for (const user of ['manager2', 'manager', ...companyWide(key, operation.method)]) {
      const answer = await call(api, operation.method, await expectation.setup(fx), await token(user));
      problems.push(...verdict(expectation, user, answer, fx).map((p) => `${user}: ${p} (${answer.status} ${answer.rule ?? ''})`));
    }
    expect(problems).toEqual([]);
  });
});

function verdict(expectation: (typeof OWNERSHIP_MATRIX)[string], user: string, answer: Answer, fx: OwnershipFixtures): string[] {
  if (answer.status >= 500) return ['server error'];
  const refusedByOwnership = answer.status === 403 && (answer.rule === 'R-KAM-2' || answer.rule === 'R-DEV-1' || answer.rule === 'R-VISIT-1') || mentionsRowRule(answer);
  if (expectation.scope === 'list') {
    if (answer.status !== 200) return [`list answered ${answer.status}`];
    const shows = expectation.shows(answer.body, fx);
    if (user === 'manager2') return shows ? ['sees another manager\'s customer'] : [];
    return shows || (user !== 'manager' && expectation.companySees === false) ? [] : ['does not see the customer'];
  }
  if (expectation.scope !== 'record') return [];
  // another manager is refused, or told the record is none of theirs (a task: 404, so its existence is not told either)
  const refused = (answer.status === 403 || answer.status === 404) && answer.rule === expectation.rule;
  if (user === 'manager2') return refused || (expectation.rule === 'R-KAM-2' && mentionsRowRule(answer)) ? [] : [`expected 403/404 ${expectation.rule}`];
  const customerMissing = answer.status === 404 && JSON.stringify(answer.body).includes(`customer-${fx.customerId}`);
  return refusedByOwnership || answer.rule === 'CUSTOMER-UNKNOWN' || customerMissing ? ['refused as if not theirs'] : [];
}

/** The import refuses per row (400 listing each line's rule) rather than with one 403. */
const mentionsRowRule = (answer: Answer) => answer.status === 400 && JSON.stringify(answer.body).includes('"rule":"R-KAM-2"');

function callableBy(key: string, role: Role): boolean {
  const e = ACCESS_MATRIX[key];
  return !!e && (e.access === 'any-role' || (e.access === 'roles' && !!e.roles?.includes(role)));
}

/** Company-wide roles the access matrix admits (an auditor only reads). */
function companyWide(key: string, method: string): string[] {
  const roles = (Object.keys(ROLE_USERS) as Role[]).filter((r) => r !== 'customer_manager' && callableBy(key, r));
  return roles.filter((r) => r !== 'auditor' || method === 'GET').map((r) => ROLE_USERS[r]);
}

async function call(api: TestApi, method: string, probe: Probe, token: string): Promise<Answer> {
  const body = probe.body === undefined ? undefined : typeof probe.body === 'string' ? probe.body : JSON.stringify(probe.body);
  const contentType = probe.contentType ?? (body !== undefined ? 'application/json' : undefined);
  const res = await fetch(`${api.url}${probe.path}`, { method, headers: { authorization: `Bearer ${token}`, ...(contentType ? { 'content-type': contentType } : {}) }, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // exports may be HTML or CSV
  }
  return { status: res.status, rule: (parsed as { rule?: string })?.rule, body: parsed };
}

async function fixtures(api: TestApi): Promise<OwnershipFixtures> {
  await openCustomer(api, archive(CUSTOMER, { customerManagerId: 'manager', documents: [{ documentId: 'licence', kind: 'business_licence', number: 'BL-1', validFrom: '2021-01-01', validUntil: '2027-03-31' }] }));
  const asUser = async (user: string, method: string, path: string, body?: unknown) => {
    const res = await api.request(method, path, { token: await api.tokenFor(user), body });
    if (res.status >= 300) throw new Error(`fixture ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  // a grade change in September for the grade-change report
  api.clock.set(new Date('2026-09-15T02:00:00.000Z'));
  await asUser('sales', 'POST', `/customers/${CUSTOMER}/pickups`, { pickupId: 'sep-1', date: '2026-09-10', product: 'HDPE', tonnes: 1200, warehouse: '镇海库' });
  api.clock.set(new Date(`${TODAY}T02:00:00.000Z`));
  await fireDueTimers(api);
  // R-TIER-4 (ADR 0023): the evaluation proposed the move; the sales department confirms it
  await asUser('sales', 'POST', `/customers/${CUSTOMER}/grade-moves/confirm`, { month: '2026-09', indicator: 'payment_record', reason: '回款及时' });
  await asUser('manager', 'POST', '/prospects', { prospectId: 'own-prospect', companyName: '宁波甬兴塑业有限公司', region: '华东', productsOfInterest: ['聚乙烯'], source: 'market_survey' });
  const plan = await asUser('manager', 'POST', '/visit-plans', { year: 2027, items: [{ itemId: 'i-1', customerId: CUSTOMER, month: 3 }] });
  await asUser('manager', 'POST', `/visit-plans/${plan.id}/submit`, {});
  await asUser('sales', 'POST', `/visit-plans/${plan.id}/approve`, {});
  await asUser('manager', 'POST', '/visit-reports', { customerId: CUSTOMER, visitedOn: TODAY, basis: { kind: 'unplanned', reason: '顺访' }, form: visitForm(TODAY), ratings: { quality: '良好', service: '不好', awareness: '知名度较高' } });
  await asUser('sales', 'POST', '/satisfaction-surveys', { year: 2026, title: '2026 年度客户满意度调查' });
  const application = await asUser('manager', 'POST', '/applications', { applicationId: 'own-app', form: applicationForm(81) });
  let n = 0;
  const recordedComplaint = async () =>
    (await asUser('manager', 'POST', '/complaints', { customerId: CUSTOMER, receivedAt: `${TODAY}T09:00:00+08:00`, channel: 'phone', content: `包装破损 ${++n}` })).id as string;
  await recordedComplaint();
  const fileSha256 = await fileOnCustomer(api, CUSTOMER);
  const contract = await asUser('sales', 'POST', '/contracts', { customerId: CUSTOMER, productLineId: 'polyolefin', contractNo: 'HT-2026-001', validFrom: '2026-10-01', validUntil: '2027-09-30', terms: '年度购销合同' });
  return {
    contractId: contract.id as string,
    fileSha256,
    api, customerId: CUSTOMER, today: TODAY, prospectId: 'own-prospect', visitPlanId: plan.id as string, applicationId: application.id as string,
    recordedComplaint,
    async classifiedComplaint() {
      const id = await recordedComplaint();
      await asUser('manager', 'POST', `/complaints/${id}/classify`, { class: 'major' });
      return id;
    },
    async openTaskOnCustomer() {
      const id = await recordedComplaint();
      await api.store.headPosition().then((head) => api.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitForPosition('tasks', head, 10_000));
      const res = await api.request('GET', `/tasks?customerId=${CUSTOMER}&limit=200`, { token: await api.tokenFor('sales') });
      const task = (res.body.items as Array<{ taskId: string; instanceId: string }>).find((t) => t.instanceId === id);
      if (!task) throw new Error(`no open task for complaint ${id}`);
      return task.taskId;
    },
    async pickup() {
      const pickupId = `p-${++n}`;
      await asUser('sales', 'POST', `/customers/${CUSTOMER}/pickups`, { pickupId, date: TODAY, product: 'HDPE', tonnes: 10, warehouse: '镇海库' });
      return pickupId;
    },
  };
}

/** A PDF uploaded (real multipart) by `sales`, then filed on the customer's licence by a renewal. */
async function fileOnCustomer(api: TestApi, customerId: string): Promise<string> {
  const token = await api.tokenFor('sales');
  const form = new FormData();
  form.append('file', new Blob([new TextEncoder().encode('%PDF-1.4\n% ownership matrix licence\n%%EOF')], { type: 'application/pdf' }), '营业执照.pdf');
  const uploaded = await fetch(`${api.url}/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const file = (await uploaded.json()) as { sha256: string; name: string; mediaType: string; size: number };
  if (uploaded.status !== 201) throw new Error(`fixture upload: ${uploaded.status} ${JSON.stringify(file)}`);
  const renewed = await api.request('POST', `/customers/${customerId}/documents/licence/renew`, {
    token, body: { number: 'BL-1b', validFrom: '2026-10-01', validUntil: '2028-03-31', file: { sha256: file.sha256, name: file.name, mediaType: file.mediaType, size: file.size } },
  });
  if (renewed.status !== 200) throw new Error(`fixture renewal: ${renewed.status} ${JSON.stringify(renewed.body)}`);
  return file.sha256;
}
