import { startTestApi, type TestApi } from '../support/test-api';
import { ACCESS_MATRIX } from './access-matrix';
import { BAD_CALLERS, type CallerKind, matrixTokens, ROLE_USERS, ROLES } from './support/matrix-callers';
import { expectedVerdict, probe } from './support/matrix-probe';
import { matrixDrift } from './support/missing-expectations';
import { loadOperations, type Operation } from './support/openapi-operations';

jest.setTimeout(120_000);

/**
 * The authorisation matrix, generated from the running service's OpenAPI document: every
 * operation × every role, no token, an expired, a forged and a signed-out token, against the
 * hand-written expectations in access-matrix.ts.
 */
describe('access matrix (every operation of /openapi.json × every caller)', () => {
  let api: TestApi;
  let operations: Map<string, Operation>;
  let tokens: Map<CallerKind, string | undefined>;

  beforeAll(async () => {
    api = await startTestApi();
    operations = new Map((await loadOperations(api.url)).map((o) => [o.key, o]));
    tokens = await matrixTokens(api);
  });
  afterAll(() => api.close());

  it('every operation in /openapi.json has an expectation, and every expectation an operation', () => {
    const drift = matrixDrift([...operations.values()], ACCESS_MATRIX);
    if (drift) throw new Error(drift);
  });

  it.each(Object.keys(ACCESS_MATRIX))('%s', async (key) => {
    const operation = operations.get(key);
    if (!operation) return; // reported by the drift test above
    const expectation = ACCESS_MATRIX[key];
    const callers: CallerKind[] = [...ROLES, ...BAD_CALLERS];
    const outcomes = await Promise.all(
      callers.map(async (caller) => {
        // a call that spends its token (sign-out) gets a token of its own
        const token = expectation.consumesToken && !caller.includes(' ') ? await api.tokenFor(ROLE_USERS[caller as keyof typeof ROLE_USERS]) : tokens.get(caller);
        const actual = await probe(api.url, operation, token);
        const expected = expectedVerdict(operation, expectation, caller);
        return actual.verdict === expected ? null : `${caller}: expected ${expected}, got ${actual.verdict} (${actual.status}${actual.rule ? ` ${actual.rule}` : ''})`;
      }),
    );
    expect(outcomes.filter(Boolean)).toEqual([]);
  });
});
