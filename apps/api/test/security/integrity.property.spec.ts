import fc from 'fast-check';
import { publishThroughCommittee } from '../complaints/complaint-support';
import type { StoredEvent } from '@crm/event-store';
import { DEMO_PASSWORD } from '../../src/auth/demo-users';
import { archive, fireDueTimers, openCustomer } from '../customers/customer-fixtures';
import { describeEachEngine } from '../support/each-engine';
import { applicationForm, FINANCE_CHECKED } from '../support/onboarding.forms';
import { startTestApi, type TestApi } from '../support/test-api';
import {
  complaintCaps, decisionsByEntitledPeople, gradeJumps, onboardingSeparation, unrecordedBreaches, writesByOtherManagers,
} from './support/integrity-invariants';

/**
 * Issue 14, the proof: random sequences of API calls by every role — administrators changing
 * roles and policies, delegations and leavers, imports, corrections, back-dated records — against
 * the real service; after each sequence the stored events are checked against invariants written
 * from the policy text (support/integrity-invariants.ts), whatever the API answered. CI runs a small
 * profile; `INTEGRITY_RUNS` / `INTEGRITY_COMMANDS` set a long one.
 */
const RUNS = Number(process.env.INTEGRITY_RUNS ?? 8);
/** replays a reported counterexample: INTEGRITY_SEED and INTEGRITY_PATH from fast-check's failure message */
const REPLAY = process.env.INTEGRITY_SEED ? { seed: Number(process.env.INTEGRITY_SEED), path: process.env.INTEGRITY_PATH } : {};
const MAX_COMMANDS = Number(process.env.INTEGRITY_COMMANDS ?? 18);
const CUSTOMERS = { 'pb-a': 'manager', 'pb-b': 'manager2' } as const;
type CustomerId = keyof typeof CUSTOMERS;
const MANAGERS = ['manager', 'manager2'];
const DAY = 86_400_000;
/** what the sequences must have written for the property to be about the rules at all */
const REACHED = ['ComplaintRecorded', 'PickupRecorded', 'ApplicationSubmitted'];
const MAX_ROUNDS = 8;

interface Model { complaints: Array<{ id: string; customer: CustomerId }>; applications: string[]; pickups: Array<{ customer: CustomerId; id: string }>; leavers: string[]; readViolations: string[]; n: number }
interface Real { api: TestApi; as: (user: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any }> }
type Cmd = fc.AsyncCommand<Model, Real>;
const command = (name: string, run: (m: Model, r: Real) => Promise<void>): Cmd => ({ check: () => true, run, toString: () => name });
const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
const today = (r: Real) => r.api.clock.now().toISOString().slice(0, 10);

const customer = fc.constantFrom<CustomerId>('pb-a', 'pb-b');
const commands: fc.Arbitrary<Cmd>[] = [
  fc.record({ c: customer, who: fc.constantFrom(...MANAGERS, 'sales'), daysAgo: fc.constantFrom(0, 1, 4, 45, 20_000) }).map(({ c, who, daysAgo }) =>
    command(`record complaint ${c} by ${who} ${daysAgo}d ago`, async (m, r) => {
      const receivedAt = new Date(r.api.clock.now().getTime() - daysAgo * DAY).toISOString();
      const res = await r.as(who, 'POST', '/complaints', { customerId: c, receivedAt, channel: 'phone', content: '熔指超标' });
      if (res.status === 201) m.complaints.push({ id: res.body.id, customer: c });
    })),
  fc.record({ i: fc.nat(), who: fc.constantFrom(...MANAGERS, 'sales'), cls: fc.constantFrom('general', 'major', 'serious') }).map(({ i, who, cls }) =>
    command(`classify #${i} ${cls} by ${who}`, async (m, r) => {
      const c = pick(m.complaints, i);
      if (c) await r.as(who, 'POST', `/complaints/${c.id}/classify`, { class: cls });
    })),
  fc.record({ i: fc.nat(), who: fc.constantFrom(...MANAGERS, 'sales'), days: fc.integer({ min: 1, max: 9 }) }).map(({ i, who, days }) =>
    command(`extend #${i} +${days} by ${who}, leaders approve`, async (m, r) => {
      const c = pick(m.complaints, i);
      if (!c) return;
      const asked = await r.as(who, 'POST', `/complaints/${c.id}/extensions`, { additionalWorkingDays: days, reason: '第三方检测' });
      const requestId = asked.body?.events ? (await r.api.store.readStream(`complaint-${c.id}`)).filter((e) => e.type === 'ExtensionRequested').at(-1)?.data.requestId : undefined;
      for (const leader of ['supervisor', 'gm']) if (requestId) await r.as(leader, 'POST', `/complaints/${c.id}/extensions/approve`, { requestId });
    })),
  fc.record({ i: fc.nat(), who: fc.constantFrom(...MANAGERS) }).map(({ i, who }) =>
    command(`resolve and notify #${i} by ${who}`, async (m, r) => {
      const c = pick(m.complaints, i);
      if (!c) return;
      await r.as(who, 'POST', `/complaints/${c.id}/resolution`, { department: '销售部', text: '复检后退换', handler: who });
      await r.as('supervisor', 'POST', `/complaints/${c.id}/resolution/approve`, {});
      await r.as(who, 'POST', `/complaints/${c.id}/notify-customer`, { channel: 'phone', message: '已退换' });
    })),
  fc.record({ i: fc.nat(), who: fc.constantFrom(...MANAGERS, 'sales') }).map(({ i, who }) =>
    command(`read #${i} as ${who}`, async (m, r) => {
      const c = pick(m.complaints, i);
      if (!c) return;
      const res = await r.as(who, 'GET', `/complaints/${c.id}`);
      const mayRead = !MANAGERS.includes(who) || CUSTOMERS[c.customer] === who;
      if (res.status === 200 && !mayRead) m.readViolations.push(`${who} read ${c.id} of ${c.customer}`);
    })),
  fc.record({ total: fc.constantFrom(5, 7, 8, 30), major: fc.constantFrom(1, 3, 5), general: fc.constantFrom(1, 2) }).map(({ total, major, general }) =>
    command(`admin proposes ${general}/${major}/${total}, the committee approves`, async (m, r) => {
      const policy = { version: `pb-${++m.n}`, deadlines: { general, major }, maxWorkingDays: total, warningShare: 0.75, handlerRoles: ['customer_manager', 'sales_reviewer'], resolutionApproverRoles: ['supervisor', 'general_manager'], extensionApproverRoles: ['supervisor', 'general_manager'] };
      await publishThroughCommittee(r.api, policy);
    })),
  fc.record({ c: customer, who: fc.constantFrom(...MANAGERS, 'sales'), back: fc.integer({ min: 0, max: 40 }), tonnes: fc.constantFrom(100, 1200, 2500, 3500) }).map(({ c, who, back, tonnes }) =>
    command(`pickup ${tonnes} t on ${c} by ${who}, ${back}d back`, async (m, r) => {
      const id = `pk-${++m.n}`;
      const date = new Date(r.api.clock.now().getTime() - back * DAY).toISOString().slice(0, 10);
      const res = await r.as(who, 'POST', `/customers/${c}/pickups`, { pickupId: id, date, product: 'HDPE', tonnes, warehouse: '镇海库' });
      if (res.status === 200) m.pickups.push({ customer: c, id });
    })),
  fc.record({ i: fc.nat(), who: fc.constantFrom(...MANAGERS, 'sales'), voiding: fc.boolean(), tonnes: fc.constantFrom(10, 900, 3100) }).map(({ i, who, voiding, tonnes }) =>
    command(`${voiding ? 'void' : 'correct'} pickup #${i} by ${who}`, async (m, r) => {
      const p = pick(m.pickups, i);
      if (!p) return;
      const path = `/customers/${p.customer}/pickups/${p.id}/${voiding ? 'void' : 'correct'}`;
      await r.as(who, 'POST', path, voiding ? { reason: '重复录入' } : { tonnes, reason: '磅单更正' });
    })),
  fc.record({ who: fc.constantFrom(...MANAGERS), c: customer }).map(({ who, c }) =>
    command(`${who} imports a row for ${c}`, async (m, r) => {
      const csv = ['customerId,pickupId,date,product,tonnes,warehouse', `${c},imp-${++m.n},${today(r)},HDPE,2600,镇海库`].join('\n');
      await r.api.request('POST', '/pickups/import', { token: await r.api.tokenFor(who), body: csv, headers: { 'content-type': 'text/csv' } });
    })),
  fc.integer({ min: 1, max: 20 }).map((days) =>
    command(`clock +${days}d, timers fire`, async (_m, r) => {
      r.api.clock.advance(days * DAY);
      await fireDueTimers(r.api);
    })),
  fc.constantFrom('general_manager', 'sales_reviewer', 'supervisor').map((role) =>
    command(`admin grants self ${role}`, async (_m, r) => {
      await r.as('admin', 'PUT', '/users/admin/roles', { roles: ['administrator', role] });
    })),
  fc.constantFrom('manager', 'gm', 'nobody-x', 'sales').map((named) =>
    command(`application naming ${named}`, async (m, r) => {
      const id = `pb-app-${++m.n}`;
      const res = await r.as('manager', 'POST', '/applications', { applicationId: id, form: applicationForm(500 + m.n, named) });
      if (res.status === 201 && (await r.as('manager', 'POST', `/applications/${id}/submit`)).status === 200) m.applications.push(id);
    })),
  fc.record({ i: fc.nat(), who: fc.constantFrom('sales', 'sales2', 'finance', 'gm', 'admin', 'manager'), leaver: fc.boolean() }).map(({ i, who, leaver }) =>
    command(`${who} approves app #${i}${leaver ? ' for a leaver' : ''}`, async (m, r) => {
      const id = pick(m.applications, i);
      if (!id) return;
      const step = currentStep(await r.api.store.readStream(`onboarding-${id}`));
      const onBehalfOf = leaver ? pick(m.leavers, i) : undefined;
      await r.as(who, 'POST', `/applications/${id}/steps/${step}/approve`, { ...(step === 'finance' ? { checked: FINANCE_CHECKED } : {}), ...(onBehalfOf ? { onBehalfOf } : {}) });
    })),
  fc.constant(null).map(() =>
    command('a sales reviewer delegates to sales2 and leaves', async (m, r) => {
      const name = `leaver-${++m.n}`;
      await r.as('admin', 'POST', '/users', { username: name, name: '离职销售', roles: ['sales_reviewer'], password: DEMO_PASSWORD });
      await r.as(name, 'POST', '/delegations', { delegateId: 'sales2', from: today(r), until: new Date(r.api.clock.now().getTime() + 30 * DAY).toISOString().slice(0, 10) });
      await r.as('admin', 'POST', `/users/${name}/disable`, { reason: '离职' });
      m.leavers.push(name);
    })),
];

const NEXT: Record<string, string> = { ApplicationSubmitted: 'sales', SalesReviewApproved: 'finance', FinanceReviewApproved: 'generalManager' };
function currentStep(events: readonly StoredEvent[]): string {
  const last = events.filter((e) => e.type in NEXT).at(-1);
  return last ? NEXT[last.type] : 'sales';
}

describeEachEngine('integrity under random sequences by every role (issue 14)', (engine) => {
  let api: TestApi;
  let real: Real;
  jest.setTimeout(600_000);
  beforeAll(async () => {
    api = await startTestApi({ start: '2026-09-01T02:00:00.000Z', engine });
    for (const [id, manager] of Object.entries(CUSTOMERS)) await openCustomer(api, archive(id, { customerManagerId: manager }));
    const tokens = new Map<string, { token: string; at: number }>();
    const tokenOf = async (user: string) => {
      const cached = tokens.get(user);
      if (cached && Math.abs(api.clock.now().getTime() - cached.at) < 30 * 60_000) return cached.token;
      // a leaver's sign-in is refused (401/403) and that is part of the property; anything else
      // (a socket the loaded machine dropped, a 5xx) is not a refusal and must not turn every later
      // call of that user into a silent 401
      const token = await api.tokenFor(user).catch(async (error: Error) => {
        if (/failed: 40[13]\b/.test(error.message)) return 'signed-out';
        return api.tokenFor(user);
      });
      tokens.set(user, { token, at: api.clock.now().getTime() });
      return token;
    };
    real = { api, as: async (user, method, path, body, headers) => api.request(method, path, { token: await tokenOf(user), body, headers }) };
  });
  afterAll(() => api?.close());

  it('R-TIER-4, R-CMP-3, R-ONB-3, R-KAM-2, segregation of duties: no sequence of calls writes history that breaks them', async () => {
    const model: Model = { complaints: [], applications: [], pickups: [], leavers: [], readViolations: [], n: 0 };
    const property = fc.asyncProperty(fc.commands(commands, { maxCommands: MAX_COMMANDS, size: 'medium' }), async (cmds) => {
      await fc.asyncModelRun(() => ({ model, real }), cmds);
      // let every due timer fire, twice over: a breach fired late is still a breach on record
      for (let i = 0; i < 2; i++) await fireDueTimers(api);
      const events = await api.store.readAll();
      const violations = [
        ...gradeJumps(events), ...complaintCaps(events), ...unrecordedBreaches(events, api.clock.now().toISOString()),
        ...onboardingSeparation(events), ...decisionsByEntitledPeople(events), ...writesByOtherManagers(events), ...model.readViolations,
      ];
      expect(violations).toEqual([]);
    });
    // the sequences must reach every rule they test, not be a property over nothing; a random
    // profile may miss one in a round, so fresh rounds run until each is reached (or the cap says
    // the generators cannot reach it)
    const unreached = async () => {
      const types = new Set((await api.store.readAll()).map((e) => e.type));
      return REACHED.filter((type) => !types.has(type));
    };
    for (let round = 0; round < (REPLAY.seed === undefined ? MAX_ROUNDS : 1); round++) {
      await fc.assert(property, { numRuns: RUNS, endOnFailure: true, ...REPLAY });
      if (!(await unreached()).length) break;
    }
    expect(await unreached()).toEqual([]);
  });
});
