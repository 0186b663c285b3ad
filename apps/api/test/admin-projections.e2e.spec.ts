import { readModelSnapshot } from '@crm/engine';
import { ProjectionAdminService } from '../src/admin/projection-admin.service';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../src/read-models/read-model.tokens';
import { applicationForm } from './support/onboarding.forms';
import { startTestApi, type TestApi } from './support/test-api';

describe('projection administration over HTTP (issue 4: rebuild on demand)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('rebuilds a read model from zero to exactly what was built incrementally, with progress', async () => {
    const manager = await api.tokenFor('manager');
    for (const n of [1, 2, 3]) {
      const res = await api.request('POST', '/applications', { token: manager, body: { applicationId: `rb-${n}`, form: applicationForm(n) } });
      expect(res.status).toBe(201);
    }
    const last = await api.request('POST', '/applications/rb-2/submit', { token: manager });
    expect(last.status).toBe(200);
    const runner = api.app.get(PROJECTION_RUNNER);
    await runner.waitForPosition('onboarding-applications', last.body.position);
    const readModels = api.app.get(READ_MODEL_DB);
    const projection = runner['byName'].get('onboarding-applications');
    const before = await readModelSnapshot(readModels, projection);
    expect(Object.values(before).flat().length).toBeGreaterThanOrEqual(3); // the snapshot really holds the applications

    const admin = await api.tokenFor('admin');
    const started = await api.request('POST', '/admin/projections/onboarding-applications/rebuild', { token: admin });
    expect(started.status).toBe(202);
    expect(started.body.name).toBe('onboarding-applications');
    const state = await api.app.get(ProjectionAdminService).settled('onboarding-applications');
    expect(state.error).toBeNull();
    expect(state.position).toBe(state.target);
    expect(state.target).toBeGreaterThanOrEqual(last.body.position);

    expect(await readModelSnapshot(readModels, projection)).toEqual(before);
    const overview = await api.request('GET', '/admin/projections', { token: admin });
    expect(overview.status).toBe(200);
    const row = overview.body.projections.find((p: { name: string }) => p.name === 'onboarding-applications');
    expect(row.rebuild.finishedAt).not.toBeNull();
    expect(row.lag).toBeGreaterThanOrEqual(0);
  });

  it('names an unknown projection and refuses everyone but administrators', async () => {
    const admin = await api.tokenFor('admin');
    const unknown = await api.request('POST', '/admin/projections/no-such/rebuild', { token: admin });
    expect(unknown.status).toBe(404);
    const sales = await api.tokenFor('sales');
    expect((await api.request('POST', '/admin/projections/timers/rebuild', { token: sales })).status).toBe(403);
    expect((await api.request('GET', '/admin/projections', { token: sales })).status).toBe(403);
  });
});
