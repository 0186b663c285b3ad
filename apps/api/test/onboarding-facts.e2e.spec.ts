import { randomUUID } from 'node:crypto';
import type { ProjectionRunner } from '@crm/engine';
import { PROJECTION_RUNNER } from '../src/read-models/read-model.tokens';
import { IDENTITY_KEYS_PROJECTION } from '../src/onboarding/identity-keys.projection';
import { describeEachEngine } from './support/each-engine';
import { type Caller, onboardingCallers } from './support/onboarding.actors';
import { applicationForm } from './support/onboarding.forms';
import { startTestApi, type TestApi, type TestEngine } from './support/test-api';

jest.setTimeout(60_000);

/**
 * ADR 0031: the facts an onboarding command needs about a company (ONB-DUPLICATE: who holds its
 * identity key) are read once the identity-key index has applied the company's own reservation,
 * not once it has applied everything in the store: other companies' traffic does not hold it up.
 */
describeEachEngine('ONB-DUPLICATE facts wait for the company reservation, not the store head', (engine: TestEngine) => {
  let api: TestApi;
  let as: Caller;
  beforeAll(async () => {
    api = await startTestApi('2026-03-02T02:00:00.000Z', { engine });
    as = await onboardingCallers(api);
  });
  afterAll(() => api?.close());

  const runner = () => api.app.get<ProjectionRunner>(PROJECTION_RUNNER);
  const unrelated = () =>
    api.store.appendToStream(`noise-${randomUUID()}`, [
      { id: randomUUID(), type: 'NoiseHappened', data: {}, metadata: { actor: 'test', correlationId: randomUUID(), causationId: null, occurredAt: '2026-03-02T02:00:00.000Z', schemaVersion: 1 } },
    ]);

  it('a duplicate and a submission are decided while the index trails the head, once it holds the reservation and its holder', async () => {
    const created = await as('manager', 'POST', '/applications', { applicationId: 'facts-1', form: applicationForm(501) });
    expect(created.status).toBe(201);
    await runner().waitForPosition(IDENTITY_KEYS_PROJECTION, created.body.position, 10_000);
    // the projections stop where they are; the store moves on without them
    await runner().stop();
    try {
      const { position } = await unrelated();
      expect((await runner().checkpoint(IDENTITY_KEYS_PROJECTION))?.position).toBeLessThan(position);
      // the same company again, with the index behind the head: refused, not kept waiting
      const duplicate = await as('manager', 'POST', '/applications', { applicationId: 'facts-2', form: applicationForm(501) });
      expect({ status: duplicate.status, rule: duplicate.body.rule, field: duplicate.body.field }).toEqual({ status: 422, rule: 'ONB-DUPLICATE', field: 'data.form.identifiers' });
      const submitted = await as('manager', 'POST', '/applications/facts-1/submit');
      expect(submitted.status).toBe(200);
    } finally {
      await runner().start();
    }
  });

  it('a company whose holder was just rejected is judged once the index has the rejection: never a stale ONB-DUPLICATE', async () => {
    expect((await as('manager', 'POST', '/applications', { applicationId: 'facts-4', form: applicationForm(503) })).status).toBe(201);
    expect((await as('manager', 'POST', '/applications/facts-4/submit')).status).toBe(200);
    await runner().stop();
    try {
      expect((await as('sales', 'POST', '/applications/facts-4/steps/sales/reject', { reason: '资质不全' })).status).toBe(200);
      // the index still shows facts-4 open: the creation waits for the rejection instead of refusing on it
      const early = await as('manager2', 'POST', '/applications', { applicationId: 'facts-5', form: applicationForm(503, 'manager2') });
      expect({ status: early.status, rule: early.body.rule }).toEqual({ status: 503, rule: 'STALE' });
    } finally {
      await runner().start();
    }
    expect((await as('manager2', 'POST', '/applications', { applicationId: 'facts-5', form: applicationForm(503, 'manager2') })).status).toBe(201);
  });

  it('a creation whose reservation the stopped index has not applied answers 503 STALE and drafts nothing', async () => {
    await runner().stop();
    try {
      const created = await as('manager', 'POST', '/applications', { applicationId: 'facts-3', form: applicationForm(502) });
      expect({ status: created.status, rule: created.body.rule }).toEqual({ status: 503, rule: 'STALE' });
      expect(await api.store.readStream('onboarding-facts-3')).toEqual([]);
    } finally {
      await runner().start();
    }
  });
});
