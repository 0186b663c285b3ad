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
    [{ statusCode: 409, error: 'x', message: 'cannot approve in closed', rule: 'STATE' }, '当前状态不允许此操作'],
    [{ statusCode: 422, error: 'x', message: 'same approver', rule: 'R-ONB-3' }, '不符合开户审批顺序：销售部审核、财务部审核（重点审核税务登记和开票资料）、总经理审批（R-ONB-3）'],
    [{ statusCode: 422, error: 'x', message: 'volume declining', rule: 'R-PRIN-2' }, '不符合业务规则 R-PRIN-2'],
    [{ statusCode: 429, error: 'x', message: 'too many', rule: 'THROTTLED', retryAfterSeconds: 60 }, '失败次数过多，请在 60 秒后重试'],
    [{ statusCode: 404, error: 'x', message: 'Cannot GET /nope' }, '未找到'],
    [{ statusCode: 409, error: 'x', message: 'user zhaozhu already exists', rule: 'CONFLICT' }, '与现有数据冲突：用户名 zhaozhu 已被使用，请换一个用户名'],
    [{ statusCode: 422, error: 'x', message: '该月已有提货记录', rule: 'R-TIER-2' }, '不符合客户分级规定（R-TIER-2）：该月已有提货记录'],
    [{ statusCode: 422, error: 'x', message: 'HDPE 5000S: 30 t over the month', rule: 'R-ALLOC-2' }, '不符合资源量分配规定（R-ALLOC-2）'],
  ])('issue 16: %j in zh-CN, with no English tail', (problem, message) => {
    expect(localizeProblem(problem, 'zh-CN').message).toBe(message);
    expect(localizeProblem(problem, 'en').message).toBe(problem.message);
  });
});

describe('issue 16: zod’s default messages said plainly in English, with the field in words', () => {
  it('replaces zod’s defaults and keeps a schema’s own message', () => {
    const problem = {
      statusCode: 400, error: 'x', rule: 'SCHEMA', message: 'form.companyName: Too small: expected string to have >=1 characters; workingDays: at most 60 working days',
      issues: [
        { field: 'form.companyName', message: 'Too small: expected string to have >=1 characters', code: 'too_small', origin: 'string', minimum: 1 },
        { field: 'workingDays', message: 'at most 60 working days', code: 'too_big', origin: 'number', maximum: 60 },
      ],
    };
    const en = localizeProblem(problem, 'en');
    expect(en.message).toBe('form › company name: required; working days: at most 60 working days');
    expect(en.issues?.map((i) => i.message)).toEqual(['required', 'at most 60 working days']);
    expect(localizeProblem(problem, 'zh-CN').message).toBe('请求内容不符合要求：申请表·公司名称：必填；工作日数：不能大于 60');
  });

  it.each([
    [{ statusCode: 400, error: 'x', message: 'form.documents.0.number: Too small', rule: 'SCHEMA', issues: [{ field: 'form.documents.0.number', message: 'Too small', code: 'too_small', origin: 'string', minimum: 1 }] }, '请求内容不符合要求：申请表·证件第 1 项·编号：必填'],
    [{ statusCode: 400, error: 'x', message: 'x', rule: 'SCHEMA', issues: [{ field: 'tonnes', message: 'Too big', code: 'too_big', origin: 'number', maximum: 100, inclusive: true }, { field: 'email', message: 'Invalid', code: 'invalid_format', format: 'email' }] }, '请求内容不符合要求：吨数：不能大于 100；电子邮箱：电子邮箱格式不正确'],
  ])('%j in zh-CN: each issue said from its code with the field’s Chinese name', (problem, message) => {
    expect(localizeProblem(problem, 'zh-CN').message).toBe(message);
  });

  it('R-DEV-1: a domain schema’s own English message is said in Chinese with its rule id; an unknown one names its rule', () => {
    const issue = (message: string) => ({ statusCode: 400, error: 'x', rule: 'SCHEMA', message, issues: [{ field: 'identifiers.creditCode', message, code: 'custom' }] });
    expect(localizeProblem(issue('R-DEV-1: not a valid unified social credit code (GB 32100-2015 check character)'), 'zh-CN').message).toBe('请求内容不符合要求：企业识别码·统一社会信用代码：统一社会信用代码不正确（按 GB 32100-2015 的校验位核对）（R-DEV-1）');
    expect(localizeProblem(issue('R-KAM-1: something new'), 'zh-CN').message).toBe('请求内容不符合要求：企业识别码·统一社会信用代码：不符合 R-KAM-1 的要求');
  });

  it('keeps a schema’s own Chinese message in Chinese', () => {
    const problem = { statusCode: 400, error: 'x', rule: 'SCHEMA', message: 'url: 请填写以 http:// 或 https:// 开头的网址', issues: [{ field: 'url', message: '请填写以 http:// 或 https:// 开头的网址', code: 'custom' }] };
    expect(localizeProblem(problem, 'zh-CN').message).toBe('请求内容不符合要求：地址：请填写以 http:// 或 https:// 开头的网址');
    expect(localizeProblem(problem, 'en')).toBe(problem);
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
