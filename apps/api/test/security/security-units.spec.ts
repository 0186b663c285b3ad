import { negotiateLocale } from '../../src/http/locale';
import { localizeProblem } from '../../src/http/localize-problem';
import { securityOptionsFromEnv } from '../../src/http/security-options';
import { DEFAULT_THROTTLE_LIMITS, SignInThrottle } from '../../src/auth/sign-in-throttle';

describe('Accept-Language negotiation', () => {
  it.each([
    [undefined, 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['en;q=0.1, zh-TW', 'zh-CN'],
    ['fr-FR, de', 'en'],
    ['zh;q=0', 'en'],
  ])('%s → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});

describe('localised problems', () => {
  it.each([
    [{ statusCode: 503, error: 'x', message: 'read model not yet at position 9', rule: 'STALE' }, '查询数据尚未更新到最新，请稍后重试'],
    [{ statusCode: 409, error: 'x', message: 'stream changed', rule: 'CONCURRENCY' }, '数据已被他人修改，请刷新后重试'],
    [{ statusCode: 409, error: 'x', message: 'cannot approve in closed', rule: 'STATE' }, '当前状态不允许此操作：cannot approve in closed'],
    [{ statusCode: 422, error: 'x', message: 'same approver', rule: 'R-ONB-3' }, '不符合业务规则 R-ONB-3：same approver'],
    [{ statusCode: 429, error: 'x', message: 'too many', rule: 'THROTTLED', retryAfterSeconds: 60 }, '失败次数过多，请在 60 秒后重试'],
    [{ statusCode: 404, error: 'x', message: 'Cannot GET /nope' }, '未找到：Cannot GET /nope'],
  ])('%j in zh-CN', (problem, message) => {
    expect(localizeProblem(problem, 'zh-CN').message).toBe(message);
    expect(localizeProblem(problem, 'en').message).toBe(problem.message);
  });
});

describe('edge options from the environment', () => {
  it('defaults: same origin only, 2 MB bodies', () => {
    expect(securityOptionsFromEnv({})).toEqual({ consoleOrigins: [], bodyLimitBytes: 2 * 1024 * 1024 });
  });

  it('CONSOLE_ORIGIN takes a comma-separated list of origins, BODY_LIMIT_BYTES a number', () => {
    expect(securityOptionsFromEnv({ CONSOLE_ORIGIN: 'https://console.example.com, http://localhost:5173', BODY_LIMIT_BYTES: '65536' })).toEqual({
      consoleOrigins: ['https://console.example.com', 'http://localhost:5173'],
      bodyLimitBytes: 65536,
    });
  });

  it.each([
    [{ CONSOLE_ORIGIN: 'https://console.example.com/app' }, 'CONSOLE_ORIGIN'],
    [{ CONSOLE_ORIGIN: '*' }, 'CONSOLE_ORIGIN'],
    [{ BODY_LIMIT_BYTES: 'lots' }, 'BODY_LIMIT_BYTES'],
    [{ BODY_LIMIT_BYTES: '10' }, 'BODY_LIMIT_BYTES'],
  ])('%j is refused naming the variable', (env, variable) => {
    expect(() => securityOptionsFromEnv(env)).toThrow(variable);
  });
});

describe('THROTTLED: the progressive sign-in delay', () => {
  const start = Date.parse('2026-03-02T01:00:00.000Z');
  let now = start;
  const throttle = () => new SignInThrottle(() => new Date(now));
  beforeEach(() => {
    now = start;
  });

  it('doubles per failure of the pair after the free ones, up to the cap', () => {
    const t = new SignInThrottle(() => new Date(now), { ...DEFAULT_THROTTLE_LIMITS, maxDelaySeconds: 8 });
    const waits: Array<number | null> = [];
    for (let i = 0; i < 8; i += 1) {
      const refusal = t.refusal('gm', 'a');
      waits.push(refusal?.retryAfterSeconds ?? null);
      now += (refusal?.retryAfterSeconds ?? 0) * 1000;
      t.recordFailure('gm', 'a');
    }
    expect(waits).toEqual([null, null, null, 1, 2, 4, 8, 8]);
  });

  it('a stretch of refusals is reported once, and never reaches another client or the same client on another username', () => {
    const t = throttle();
    for (let i = 0; i < 3; i += 1) t.recordFailure('GM', 'a');
    expect([t.refusal('gm', 'a')?.first, t.refusal('gm', 'a')?.first]).toEqual([true, false]);
    expect(t.refusal('gm', 'b')).toBeNull();
    expect(t.refusal('sales', 'a')).toBeNull();
  });

  it('failures older than the window are forgotten', () => {
    const t = throttle();
    for (let i = 0; i < 5; i += 1) t.recordFailure('gm', 'a');
    now += DEFAULT_THROTTLE_LIMITS.windowSeconds * 1000 + 1;
    expect(t.refusal('gm', 'a')).toBeNull();
    expect(t.recordFailure('gm', 'a')).toBe(1);
  });
});
