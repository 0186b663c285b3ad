import { type EventStore, EventStoreUnavailableError } from '@crm/event-store';
import { IDENTITY_RESERVATION_GRACE_MS, identityKeyOf } from '@crm/onboarding';
import { IdentityReleaseProcess } from '../src/onboarding/identity-release.process';
import { REACTOR_RUNNER } from '../src/process/process.tokens';
import type { ReactorRunner } from '../src/process/reactor.runner';
import { type Caller, onboardingCallers } from './support/onboarding.actors';
import { applicationForm, creditCode, FINANCE_CHECKED } from './support/onboarding.forms';
import { barrierOnReads } from './support/read-barrier';
import { describeWithPostgres } from '@crm/testing';
import { startTestApi, type TestApi } from './support/test-api';

const keyOf = (n: number) => identityKeyOf({ kind: 'unified', creditCode: creditCode(n) });
const ledgerOf = (n: number) => `company-identity-${keyOf(n)}`;

/** The store fails the next `times` appends to `streamId` as if the process died there; returns the undo. */
function failAppends(store: EventStore, streamId: string, times = Infinity): () => void {
  const own = Object.getOwnPropertyDescriptor(store, 'appendToStream');
  const append = store.appendToStream.bind(store);
  let left = times;
  // the SQLite store's append is a non-writable own property (the engine's write gate): redefine it
  Object.defineProperty(store, 'appendToStream', {
    configurable: true,
    value: async (...args: Parameters<EventStore['appendToStream']>) => {
      if (args[0] === streamId && left-- > 0) throw new EventStoreUnavailableError(`appends to ${streamId} fail in this test`);
      return append(...args);
    },
  });
  return () => (own ? Object.defineProperty(store, 'appendToStream', own) : delete (store as Partial<EventStore>).appendToStream);
}

/**
 * ONB-DUPLICATE fenced in the event store (ADR 0008): a company's identity key is reserved on
 * its own stream before the application is drafted. No R-… rule of domain.md speaks of
 * duplicates; ONB-DUPLICATE is issue 5's workflow rule.
 */
function identitySuite(engine: 'sqlite' | 'postgres') {
  let api: TestApi;
  let as: Caller;
  beforeAll(async () => {
    api = await startTestApi('2026-03-02T02:00:00.000Z', { engine });
    as = await onboardingCallers(api);
  }, 60_000);
  afterAll(() => api?.close());

  const ok = (res: { status: number; body: any }, status = 200) => {
    expect({ status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({ status, body: 'ok' });
    return res.body;
  };
  const ledger = async (n: number) => (await api.store.readStream(ledgerOf(n))).map((e) => [e.type, e.data.applicationId, e.data.reason ?? e.data.customerId ?? null]);
  const draftsOf = async (n: number) => (await api.store.readAll()).filter((e) => e.type === 'ApplicationDrafted' && e.data.identityKey === keyOf(n));
  const released = async (position: number) => {
    const process = api.app.get(IdentityReleaseProcess);
    await api.app.get<ReactorRunner>(REACTOR_RUNNER).waitForPosition(process.name, position);
  };

  it('ONB-DUPLICATE: ten creations for one company at once make exactly one application; the others get 409 CONCURRENCY or 422 naming the field and the holder (`blockedBy`, for the screen to link to)', async () => {
    const before = await api.store.headPosition();
    // every request reads the empty reservation stream before any of them writes
    const release = barrierOnReads(api.store, ledgerOf(40), 10);
    let results: Array<{ status: number; body: any }>;
    try {
      results = await Promise.all(Array.from({ length: 10 }, (_, i) => as(i % 2 ? 'manager' : 'manager2', 'POST', '/applications', { form: applicationForm(40) })));
    } finally {
      release();
    }
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    const winner = created[0].body.id as string;
    for (const refused of results.filter((r) => r.status !== 201)) {
      expect([409, 422]).toContain(refused.status);
      if (refused.status === 409) expect(refused.body.rule).toBe('CONCURRENCY');
      else expect(refused.body).toMatchObject({ rule: 'ONB-DUPLICATE', field: 'data.form.identifiers', message: expect.stringContaining(winner), blockedBy: { kind: 'application', id: winner } });
    }
    expect(await ledger(40)).toEqual([['IdentityReserved', winner, null]]);
    expect((await draftsOf(40)).map((e) => e.data.applicationId)).toEqual([winner]);
    // the refused requests wrote nothing at all: one reservation and one draft in the whole store
    expect((await api.store.readAll({ fromPosition: before })).map((e) => e.type)).toEqual(['IdentityReserved', 'ApplicationDrafted']);
  });

  it('ONB-DUPLICATE: a withdrawn application lets the company apply again; its reservation is released once', async () => {
    ok(await as('manager', 'POST', '/applications', { applicationId: `wd-${engine}`, form: applicationForm(41) }), 201);
    const withdrawn = ok(await as('manager', 'POST', `/applications/wd-${engine}/withdraw`, { reason: '客户暂缓合作' }));
    await released(withdrawn.position);
    expect(await ledger(41)).toEqual([['IdentityReserved', `wd-${engine}`, null], ['IdentityReleased', `wd-${engine}`, 'withdrawn']]);
    const again = ok(await as('manager2', 'POST', '/applications', { form: applicationForm(41, 'manager2') }), 201);
    expect((await ledger(41)).at(-1)).toEqual(['IdentityReserved', again.id, null]);
    // a redelivered withdrawal releases nothing: the key is someone else's now
    const [withdrawal] = (await api.store.readStream(`onboarding-wd-${engine}`)).filter((e) => e.type === 'ApplicationWithdrawn');
    await api.app.get(IdentityReleaseProcess).react(withdrawal);
    expect((await ledger(41)).filter(([type]) => type === 'IdentityReleased')).toHaveLength(1);
  });

  it('ONB-DUPLICATE: a rejected application lets the company apply again, even before its release has been processed', async () => {
    ok(await as('manager', 'POST', '/applications', { applicationId: `rj-${engine}`, form: applicationForm(42) }), 201);
    ok(await as('manager', 'POST', `/applications/rj-${engine}/submit`));
    const rejected = ok(await as('sales', 'POST', `/applications/rj-${engine}/steps/sales/reject`, { reason: '资质不全' }));
    // straight away: whichever comes first, the process or the new application, lets the rejected one go
    const again = ok(await as('manager2', 'POST', '/applications', { form: applicationForm(42, 'manager2') }), 201);
    await released(rejected.position);
    expect(await ledger(42)).toEqual([
      ['IdentityReserved', `rj-${engine}`, null],
      ['IdentityReleased', `rj-${engine}`, 'rejected'],
      ['IdentityReserved', again.id, null],
    ]);
  });

  it('ONB-DUPLICATE: an approved application hands the company over to its customer, which keeps blocking', async () => {
    ok(await as('manager', 'POST', '/applications', { applicationId: `ok-${engine}`, form: applicationForm(43) }), 201);
    ok(await as('manager', 'POST', `/applications/ok-${engine}/submit`));
    ok(await as('sales', 'POST', `/applications/ok-${engine}/steps/sales/approve`, {}));
    ok(await as('finance', 'POST', `/applications/ok-${engine}/steps/finance/approve`, { checked: FINANCE_CHECKED }));
    const approved = ok(await as('gm', 'POST', `/applications/ok-${engine}/steps/generalManager/approve`, {}));
    await released(approved.position);
    expect(await ledger(43)).toEqual([['IdentityReserved', `ok-${engine}`, null], ['IdentityHandedOver', `ok-${engine}`, `cust-ok-${engine}`]]);
    const refused = await as('manager2', 'POST', '/applications', { form: applicationForm(43, 'manager2') });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ rule: 'ONB-DUPLICATE', field: 'data.form.identifiers', message: expect.stringContaining(`cust-ok-${engine}`) });
  });

  it('ONB-DUPLICATE: moving an application to another company reserves the new key and lets the old one go; a taken key refuses the move and writes nothing', async () => {
    ok(await as('manager', 'POST', '/applications', { applicationId: `mv-${engine}`, form: applicationForm(44) }), 201);
    ok(await as('manager', 'PUT', `/applications/mv-${engine}`, { form: applicationForm(45) }));
    expect(await ledger(44)).toEqual([['IdentityReserved', `mv-${engine}`, null], ['IdentityReleased', `mv-${engine}`, 'rekeyed']]);
    expect(await ledger(45)).toEqual([['IdentityReserved', `mv-${engine}`, null]]);
    ok(await as('manager2', 'POST', '/applications', { applicationId: `mv2-${engine}`, form: applicationForm(44, 'manager2') }), 201);
    const head = await api.store.headPosition();
    const taken = await as('manager', 'PUT', `/applications/mv-${engine}`, { form: applicationForm(44) });
    expect(taken.status).toBe(422);
    expect(taken.body).toMatchObject({ rule: 'ONB-DUPLICATE', field: 'data.form.identifiers', message: expect.stringContaining(`mv2-${engine}`) });
    expect(await api.store.headPosition()).toBe(head);
  });

  it('ONB-RESERVATION: a request that dies between reserving and drafting blocks the company only for the grace period; then the never-drafted application is voided and its late draft fails', async () => {
    const ghost = `ghost-${engine}`;
    const undo = failAppends(api.store, `onboarding-${ghost}`);
    try {
      expect((await as('manager', 'POST', '/applications', { applicationId: ghost, form: applicationForm(46) })).status).toBe(503);
    } finally {
      undo();
    }
    expect(await ledger(46)).toEqual([['IdentityReserved', ghost, null]]);

    const early = await as('manager2', 'POST', '/applications', { form: applicationForm(46, 'manager2') });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ rule: 'ONB-DUPLICATE', field: 'data.form.identifiers', message: expect.stringContaining(`${ghost} reserved it`) });

    api.clock.advance(IDENTITY_RESERVATION_GRACE_MS);
    const taken = ok(await as('manager2', 'POST', '/applications', { form: applicationForm(46, 'manager2') }), 201);
    expect(await ledger(46)).toEqual([
      ['IdentityReserved', ghost, null],
      ['IdentityReleased', ghost, 'voided'],
      ['IdentityReserved', taken.id, null],
    ]);
    expect((await api.store.readStream(`onboarding-${ghost}`)).map((e) => [e.type, e.metadata.actor])).toEqual([['ApplicationVoided', 'system:onboarding']]);

    const late = await as('manager', 'POST', '/applications', { applicationId: ghost, form: applicationForm(46) });
    expect(late.status).toBe(409);
    expect((await draftsOf(46)).map((e) => e.data.applicationId)).toEqual([taken.id]);
    expect((await as('auditor', 'GET', `/applications/${ghost}`)).status).toBe(404);
  });

  it('ONB-RESERVATION: the same request retried within the grace period drafts on the reservation it already holds', async () => {
    const undo = failAppends(api.store, `onboarding-retry-${engine}`, 1);
    const headers = { 'Idempotency-Key': `retry-create-${engine}` };
    try {
      expect((await as('manager', 'POST', '/applications', { applicationId: `retry-${engine}`, form: applicationForm(47) }, headers)).status).toBe(503);
      ok(await as('manager', 'POST', '/applications', { applicationId: `retry-${engine}`, form: applicationForm(47) }, headers), 201);
    } finally {
      undo();
    }
    expect(await ledger(47)).toEqual([['IdentityReserved', `retry-${engine}`, null]]);
  });
}

describe('company identity reservations over HTTP on a real SQLite file', () => identitySuite('sqlite'));
describeWithPostgres('company identity reservations over HTTP on PostgreSQL', () => identitySuite('postgres'));
