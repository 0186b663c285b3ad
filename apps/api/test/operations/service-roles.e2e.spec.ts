import { loadConfig } from '@crm/config';
import type { ProjectionRunner } from '@crm/engine';
import type { EventStore } from '@crm/event-store';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/app.factory';
import { openEventStore } from '../../src/infrastructure/open-event-store';
import { PROJECTION_RUNNER } from '../../src/read-models/read-model.tokens';
import { describeEachEngine } from '../support/each-engine';
import { applicationForm } from '../support/onboarding.forms';
import { startTestApi, type TestApi, type TestEngine } from '../support/test-api';

jest.setTimeout(60_000);

/** The background work as a process of its own would run it (ROLE=projector): the app initialised, never listening. */
async function projectorOf(api: TestApi): Promise<{ app: INestApplication; store: EventStore; close(): Promise<void> }> {
  const store = await openEventStore(loadConfig({ EVENT_STORE: api.eventStore }).eventStore);
  const app = await createApp({ store, clock: api.clock, authSecret: 'test-secret', tokenTtlSeconds: 3600, seedDemoUsers: false, quiet: true, role: 'projector' });
  return { app, store, close: async () => { await app.close(); await store.close(); } };
}

const leading = (app: INestApplication) => app.get<ProjectionRunner>(PROJECTION_RUNNER).status().filter((s) => s.leading).map((s) => s.name);

describeEachEngine('ROLE=api next to ROLE=projector on one store', (engine: TestEngine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ engine, env: { ROLE: 'api' } });
  });
  afterAll(() => api.close());

  it('the API process projects nothing itself; the projector moves the read models, and read-your-writes (?minPosition=) still holds across them', async () => {
    const projector = await projectorOf(api);
    try {
      const manager = await api.tokenFor('manager');
      const created = await api.request('POST', '/applications', { token: manager, body: { applicationId: 'role-split-1', form: applicationForm(41) } });
      expect(created.status).toBe(201);
      const submitted = await api.request('POST', '/applications/role-split-1/submit', { token: manager });
      expect(submitted.status).toBe(200);
      const detail = await api.request('GET', `/applications/role-split-1?minPosition=${submitted.body.position}`, { token: manager });
      expect(detail.status).toBe(200);
      expect(detail.body.status).toBe('in_review');
      expect(leading(api.app)).toEqual([]);
      expect(leading(projector.app).length).toBeGreaterThan(0);
    } finally {
      await projector.close();
    }
  });
});
