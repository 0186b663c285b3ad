import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi, type TestEngine } from '../support/test-api';

jest.setTimeout(60_000);

/**
 * Someone forgot their password, or left and came back: an administrator sets a temporary password
 * (only its hash is stored, every earlier token refused) and re-enables a disabled account (sign-in
 * accepted again, tokens from before the disable still refused). Both are administrators' alone.
 */
describeEachEngine('an administrator resets a password and re-enables an account', (engine: TestEngine) => {
  let api: TestApi;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi({ engine });
    admin = await api.tokenFor('admin');
  });
  afterAll(() => api?.close());

  const signIn = (username: string, password: string) => api.request('POST', '/auth/token', { body: { username, password } });
  const create = async (username: string) => {
    const created = await api.request('POST', '/users', { token: admin, body: { username, name: `${username} name`, roles: ['finance_reviewer'], password: 'initial-pass' } });
    expect(created.status).toBe(201);
  };

  it('a temporary password replaces the old one: the old stops working, the new one signs in (asked to change it), earlier tokens are refused; the event holds a hash, never the password', async () => {
    await create('forgetful');
    const before = (await signIn('forgetful', 'initial-pass')).body.accessToken as string;
    const reset = await api.request('POST', '/users/forgetful/reset-password', { token: admin, body: { password: 'temporary-2026', reason: '本人忘记密码，电话核实身份' } });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ username: 'forgetful', position: expect.any(Number) });
    expect((await signIn('forgetful', 'initial-pass')).status).toBe(401);
    const after = await signIn('forgetful', 'temporary-2026');
    expect({ status: after.status, mustChangePassword: after.body.mustChangePassword }).toEqual({ status: 200, mustChangePassword: true });
    expect((await api.request('GET', '/auth/me', { token: before })).status).toBe(401);
    expect((await api.request('GET', '/auth/me', { token: after.body.accessToken })).status).toBe(200);

    const events = await api.store.readStream('user-forgetful');
    const event = events.find((e) => e.type === 'UserPasswordReset');
    expect(event).toMatchObject({ metadata: { actor: 'admin' }, data: { username: 'forgetful', reason: '本人忘记密码，电话核实身份', passwordHash: expect.stringMatching(/^scrypt\$/) } });
    expect(JSON.stringify(events)).not.toContain('temporary-2026');
    const detail = await api.request('GET', '/users/forgetful', { token: admin });
    expect(detail.body.history.at(-1)).toMatchObject({ type: 'UserPasswordReset', by: 'admin', reason: '本人忘记密码，电话核实身份' });
    expect(JSON.stringify(detail.body)).not.toContain('scrypt');

    // changed by the person themselves, it is no longer temporary
    const own = await api.request('POST', '/users/me/password', { token: after.body.accessToken, body: { currentPassword: 'temporary-2026', newPassword: 'my-own-2026' } });
    expect(own.status).toBe(200);
    const signedIn = await signIn('forgetful', 'my-own-2026');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).not.toHaveProperty('mustChangePassword');
  });

  it('a temporary password does no work but changing itself: every other call answers 403 AUTH-TEMPORARY-PASSWORD (in Chinese too) and writes nothing, until the person’s own password', async () => {
    await create('newcomer');
    expect((await api.request('POST', '/users/newcomer/reset-password', { token: admin, body: { password: 'temporary-2026', reason: '首次登录' } })).status).toBe(200);
    const temporary = (await signIn('newcomer', 'temporary-2026')).body.accessToken as string;
    const me = await api.request('GET', '/auth/me', { token: temporary });
    expect({ status: me.status, id: me.body.id, mustChangePassword: me.body.mustChangePassword }).toEqual({ status: 200, id: 'newcomer', mustChangePassword: true });
    const written = (await api.store.readStream('user-newcomer')).length;
    for (const [method, path, body] of [['GET', '/tasks'], ['GET', '/customers'], ['PUT', '/me/notification-settings', {}], ['POST', '/complaints', {}]] as const) {
      const refused = await api.request(method, path, { token: temporary, body });
      expect({ path, status: refused.status, rule: refused.body.rule }).toEqual({ path, status: 403, rule: 'AUTH-TEMPORARY-PASSWORD' });
    }
    const zh = await api.request('GET', '/tasks', { token: temporary, headers: { 'accept-language': 'zh-CN' } });
    expect(zh.body.message).toContain('临时密码');
    expect((await api.store.readStream('user-newcomer')).length).toBe(written);

    const own = await api.request('POST', '/users/me/password', { token: temporary, body: { currentPassword: 'temporary-2026', newPassword: 'my-own-2026' } });
    expect(own.status).toBe(200);
    const fresh = own.body.accessToken as string;
    expect((await api.request('GET', '/tasks', { token: fresh })).status).toBe(200);
    expect((await api.request('GET', '/auth/me', { token: fresh })).body).not.toHaveProperty('mustChangePassword');
  });

  it('only administrators reset passwords and re-enable accounts (403 for others, nothing written); the password follows the creation rule; not for one’s own account', async () => {
    await create('target');
    const body = { password: 'temporary-2026', reason: '核实身份' };
    for (const who of ['sales', 'supervisor', 'manager']) {
      const refused = await api.request('POST', '/users/target/reset-password', { token: await api.tokenFor(who), body });
      expect({ who, status: refused.status, rule: refused.body.rule }).toEqual({ who, status: 403, rule: 'ROLE' });
      const enable = await api.request('POST', '/users/target/enable', { token: await api.tokenFor(who), body: { reason: '回来了' } });
      expect({ who, status: enable.status }).toEqual({ who, status: 403 });
    }
    const auditor = await api.request('POST', '/users/target/reset-password', { token: await api.tokenFor('auditor'), body });
    expect({ status: auditor.status, rule: auditor.body.rule }).toEqual({ status: 403, rule: 'AUDITOR-READ-ONLY' });
    expect((await api.store.readStream('user-target')).map((e) => e.type)).toEqual(['UserRegistered']);
    expect((await signIn('target', 'initial-pass')).status).toBe(200);

    const weak = await api.request('POST', '/users/target/reset-password', { token: admin, body: { password: 'short', reason: '核实身份' } });
    expect({ status: weak.status, field: weak.body.field }).toEqual({ status: 400, field: 'password' });
    const noReason = await api.request('POST', '/users/target/reset-password', { token: admin, body: { password: 'long-enough-1' } });
    expect(noReason.status).toBe(400);
    const own = await api.request('POST', '/users/admin/reset-password', { token: admin, body });
    expect({ status: own.status, rule: own.body.rule }).toEqual({ status: 422, rule: 'USER-SELF-LOCKOUT' });
    expect((await api.request('POST', '/users/nobody/reset-password', { token: admin, body })).status).toBe(404);
  });

  it('a re-enabled account signs in again (after a reset, with the new password); its tokens from before the disable stay refused; enabling an active one writes nothing', async () => {
    await create('returner');
    const old = (await signIn('returner', 'initial-pass')).body.accessToken as string;
    expect((await api.request('POST', '/users/returner/disable', { token: admin, body: { reason: '调岗' } })).status).toBe(200);
    expect((await signIn('returner', 'initial-pass')).status).toBe(401);
    expect((await api.request('POST', '/users/returner/reset-password', { token: admin, body: { password: 'welcome-back-1', reason: '回到财务部' } })).status).toBe(200);
    expect((await signIn('returner', 'welcome-back-1')).status).toBe(401); // still disabled

    const enabled = await api.request('POST', '/users/returner/enable', { token: admin, body: { reason: '回到财务部' } });
    expect(enabled.status).toBe(200);
    // the success first: it clears this client's failures before the sign-in throttle's delay would begin
    expect((await signIn('returner', 'welcome-back-1')).status).toBe(200);
    expect((await signIn('returner', 'initial-pass')).status).toBe(401);
    expect((await api.request('GET', '/auth/me', { token: old })).status).toBe(401);
    const listed = await api.request('GET', `/users?minPosition=${enabled.body.position}&role=finance_reviewer`, { token: admin });
    expect(listed.body.items.find((u: { username: string }) => u.username === 'returner')).toMatchObject({ disabled: false, changedBy: 'admin' });

    const again = await api.request('POST', '/users/returner/enable', { token: admin, body: { reason: '重复' } });
    expect(again.body.position).toBe(0);
    expect((await api.store.readStream('user-returner')).map((e) => e.type)).toEqual(['UserRegistered', 'UserDisabled', 'UserPasswordReset', 'UserEnabled']);
  });
});
