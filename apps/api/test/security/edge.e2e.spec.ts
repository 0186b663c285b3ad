import { join } from 'node:path';
import { startTestApi, type TestApi } from '../support/test-api';
import { startReplica, type AppReplica } from './support/start-app';

jest.setTimeout(60_000);
const ZH = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' };

describe('input and response hardening at the edge (real HTTP)', () => {
  let api: TestApi;
  let edge: AppReplica;
  beforeAll(async () => {
    api = await startTestApi();
    edge = await startReplica(join(api.dataDir, 'crm.db'), api.clock, { security: { bodyLimitBytes: 2048, consoleOrigins: ['https://console.example.com'] } });
  });
  afterAll(async () => {
    await edge.close();
    await api.close();
  });

  describe('errors in the caller’s language (Accept-Language), English by default', () => {
    it('AUTH', async () => {
      const en = await api.request('GET', '/auth/me');
      expect(en.body.message).toBe('a bearer token is required');
      expect(en.headers.get('content-language')).toBe('en');
      const zh = await api.request('GET', '/auth/me', { headers: ZH });
      expect(zh.body).toMatchObject({ rule: 'AUTH', message: '需要先登录（请求缺少 Bearer 令牌）' });
      expect(zh.headers.get('content-language')).toBe('zh-CN');
      const signIn = await api.request('POST', '/auth/token', { body: { username: 'sales', password: 'nope' }, headers: ZH });
      expect(signIn.body.message).toBe('用户名或密码错误');
    });

    it('SCHEMA: the envelope and zod’s issues are said in Chinese from their codes (issue 16), the field path and the English detail kept', async () => {
      const res = await api.request('POST', '/auth/token', { body: { username: 'sales', password: 'x', extra: 1 }, headers: ZH });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^请求内容不符合要求：.*extra/);
      expect(res.body.issues.length).toBeGreaterThan(0);
      const empty = await api.request('POST', '/auth/token', { body: { username: '', password: 'x' }, headers: ZH });
      expect(empty.body).toMatchObject({ rule: 'SCHEMA', field: 'username', message: '请求内容不符合要求：用户名：必填', issues: [{ field: 'username', message: '必填', code: 'too_small' }] });
      expect(empty.body.detail).toMatch(/^username: /);
      expect(empty.body.fieldLabel).toBe('用户名');
      const english = await api.request('POST', '/auth/token', { body: { username: '', password: 'x' } });
      expect(english.body.message).toMatch(/^username: /);
    });

    it('ROLE, AUDITOR-READ-ONLY, NOT FOUND and CONFLICT', async () => {
      const sales = await api.tokenFor('sales');
      const role = await api.request('POST', '/users', { token: sales, body: {}, headers: ZH });
      expect(role.body).toMatchObject({ rule: 'ROLE', message: '无权执行此操作：需要以下角色之一：系统管理员' });
      const auditor = await api.request('POST', '/users', { token: await api.tokenFor('auditor'), body: {}, headers: ZH });
      expect(auditor.body).toMatchObject({ rule: 'AUDITOR-READ-ONLY', message: '审计人员只能查看，不能修改任何数据' });
      const admin = await api.tokenFor('admin');
      const missing = await api.request('GET', '/users/nobody', { token: admin, headers: ZH });
      expect(missing).toMatchObject({ status: 404, body: { message: '未找到：没有用户 nobody' } });
      const body = { username: 'sales', name: 'again', roles: ['auditor'], password: 'long-enough' };
      const conflict = await api.request('POST', '/users', { token: admin, body, headers: ZH });
      expect(conflict).toMatchObject({ status: 409, body: { message: '与现有数据冲突：用户名 sales 已被使用，请换一个用户名' } });
    });
  });

  describe('body size and shape', () => {
    it('a body over the limit answers 413 with the problem envelope, the limit and the request id', async () => {
      const res = await fetch(`${edge.url}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'big-1' },
        body: JSON.stringify({ username: 'sales', password: 'x'.repeat(3000) }),
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ statusCode: 413, rule: 'PAYLOAD-TOO-LARGE', limitBytes: 2048, requestId: 'big-1' });
    });

    it('a body that is not JSON answers 400 SCHEMA as a problem, in the caller’s language', async () => {
      const res = await api.request('POST', '/auth/token', { body: '{not json', headers: { 'content-type': 'application/json', ...ZH } });
      expect(res).toMatchObject({ status: 400, body: { rule: 'SCHEMA', field: 'body', message: '请求内容不符合要求：请求内容不是有效的 JSON' } });
      expect(res.body.requestId).toBe(res.headers.get('x-request-id'));
    });
  });

  describe('CORS: only the console’s origin', () => {
    const preflight = (url: string, origin: string) =>
      fetch(`${url}/auth/token`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });

    it('CONSOLE_ORIGIN is allowed, any other origin is not', async () => {
      expect((await preflight(edge.url, 'https://console.example.com')).headers.get('access-control-allow-origin')).toBe('https://console.example.com');
      expect((await preflight(edge.url, 'https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
    });

    it('without CONSOLE_ORIGIN no origin is allowed cross-origin (the console is served same-origin)', async () => {
      expect((await preflight(api.url, 'https://console.example.com')).headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  it('every error response carries the request id, the caller’s own X-Request-Id when sane', async () => {
    const mine = await api.request('GET', '/auth/me', { headers: { 'x-request-id': 'trace-42' } });
    expect(mine.body.requestId).toBe('trace-42');
    const insane = await api.request('GET', '/auth/me', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(insane.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(insane.headers.get('x-request-id')).toBe(insane.body.requestId);
  });
});
