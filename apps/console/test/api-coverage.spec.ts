import { join } from 'node:path';
/* eslint-disable @nx/enforce-module-boundaries -- the real API's own test helpers */
import { loadOperations, type Operation } from '../../api/test/security/support/openapi-operations';
import { startTestApi, type TestApi } from '../../api/test/support/test-api';
/* eslint-enable @nx/enforce-module-boundaries */
import { consoleApiCalls, reaches } from './support/console-api-calls';

/**
 * Issue 16, "every API operation a role may call is reachable from a screen": the OpenAPI
 * document's operations compared with the API calls the console's source makes. The uncovered
 * ones are printed; their number may only go down (lower CEILING when a screen covers more).
 */
const CEILING = 0; // 2026-12-03 evening: every operation a role may call has a screen (notifications, settings, projections, what-if and the policy in force were the last)

/** Operations no screen should call: the service's own plumbing, and the scrape and health probes of operators. */
const NOT_FOR_SCREENS = new Set(['GET /health', 'GET /health/live', 'GET /metrics']);

describe('the console’s API calls against the OpenAPI operations (issue 16)', () => {
  let api: TestApi;
  let operations: Operation[];
  beforeAll(async () => {
    api = await startTestApi();
    operations = (await loadOperations(api.url)).filter((o) => !NOT_FOR_SCREENS.has(o.key));
  });
  afterAll(() => api?.close());

  it('reads the console’s calls well enough to find the ones every signed-in screen makes', () => {
    const calls = consoleApiCalls(join(__dirname, '..', 'src'));
    const covered = (key: string) => calls.some((c) => reaches(c, key.split(' ')[0], key.split(' ')[1]));
    for (const key of ['POST /auth/token', 'GET /auth/me', 'POST /auth/logout', 'GET /tasks', 'GET /people', 'GET /customers/{id}']) expect({ key, covered: covered(key) }).toEqual({ key, covered: true });
  });

  it('lists the operations no screen calls, and their number does not grow', () => {
    const calls = consoleApiCalls(join(__dirname, '..', 'src'));
    const uncovered = operations.filter((o) => !calls.some((c) => reaches(c, o.method, o.path))).map((o) => o.key);
    console.log(`operations no console screen calls (${uncovered.length} of ${operations.length}):\n  ${uncovered.join('\n  ')}`);
    // a call to a path the API does not have is a typo or a removed endpoint
    const unknown = calls.filter((c) => !operations.some((o) => reaches(c, o.method, o.path)) && !NOT_FOR_SCREENS.has(`${c.method} ${c.path}`));
    expect(unknown.map((c) => `${c.method} ${c.path} (${c.file.split('/src/')[1]})`)).toEqual([]);
    expect(uncovered.length).toBeLessThanOrEqual(CEILING);
  });
});
