import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

describe('users and roles managed by administrators (real HTTP, real SQLite)', () => {
  let api: TestApi;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.tokenFor('admin');
  });
  afterAll(() => api.close());

  const signIn = (username: string, password: string) => api.request('POST', '/auth/token', { body: { username, password } });
  const create = (username: string, roles: string[], token = admin) =>
    api.request('POST', '/users', { token, body: { username, name: `${username} name`, roles, password: 'initial-pass' } });

  it('an administrator creates a user who can then sign in; the event names who created it', async () => {
    const created = await create('newsales', ['sales_reviewer']);
    expect(created.status).toBe(201);
    const signedIn = await signIn('newsales', 'initial-pass');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.roles).toEqual(['sales_reviewer']);
    const [event] = await api.store.readStream('user-newsales');
    expect(event).toMatchObject({ type: 'UserRegistered', metadata: { actor: 'admin' }, data: { roles: ['sales_reviewer'] } });
    const listed = await api.request('GET', `/users?minPosition=${created.body.position}&role=sales_reviewer`, { token: admin });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ username: 'newsales', createdBy: 'admin', disabled: false })]));
    expect(JSON.stringify(listed.body)).not.toContain('scrypt');
  });

  it('only administrators create users; an auditor is refused by AUDITOR-READ-ONLY, others by ROLE', async () => {
    const sales = await create('x-by-sales', ['sales_reviewer'], await api.tokenFor('sales'));
    expect(sales.status).toBe(403);
    expect(sales.body.rule).toBe('ROLE');
    const auditor = await create('x-by-auditor', ['sales_reviewer'], await api.tokenFor('auditor'));
    expect(auditor.status).toBe(403);
    expect(auditor.body.rule).toBe('AUDITOR-READ-ONLY');
    expect(await api.store.streamRevision('user-x-by-auditor')).toBeNull();
  });

  it('refuses a duplicate user (409), unknown fields, a weak password and the reserved name "me" (400)', async () => {
    await create('dupe', ['finance_reviewer']);
    expect((await create('dupe', ['finance_reviewer'])).status).toBe(409);
    const extra = await api.request('POST', '/users', { token: admin, body: { username: 'u1', name: 'n', roles: ['auditor'], password: 'long-enough', admin: true } });
    expect(extra).toMatchObject({ status: 400, body: { rule: 'SCHEMA' } });
    expect(extra.body.message).toContain('admin');
    const weak = await api.request('POST', '/users', { token: admin, body: { username: 'u2', name: 'n', roles: ['auditor'], password: 'short' } });
    expect(weak.body.field).toBe('password');
    expect((await create('me', ['auditor'])).status).toBe(400);
  });

  it('a role change is an event (who granted what to whom) and revokes the user’s earlier tokens', async () => {
    await create('mover', ['sales_reviewer']);
    const before = (await signIn('mover', 'initial-pass')).body.accessToken as string;
    const changed = await api.request('PUT', '/users/mover/roles', { token: admin, body: { roles: ['finance_reviewer'] } });
    expect(changed.status).toBe(200);
    const refused = await api.request('GET', '/auth/me', { token: before });
    expect(refused).toMatchObject({ status: 401, body: { message: 'token revoked' } });
    const after = (await signIn('mover', 'initial-pass')).body.accessToken as string;
    expect((await api.request('GET', '/auth/me', { token: after })).body.roles).toEqual(['finance_reviewer']);
    const detail = await api.request('GET', '/users/mover', { token: await api.tokenFor('auditor') });
    expect(detail.status).toBe(200);
    expect(detail.body.history[1]).toMatchObject({ type: 'UserRolesChanged', by: 'admin', roles: ['finance_reviewer'], previousRoles: ['sales_reviewer'] });
    expect(detail.body.tokensValidAfter).toBe(api.clock.now().toISOString());
  });

  it('a stale expectedRevision answers 409 instead of overwriting another administrator’s change', async () => {
    await create('contested', ['sales_reviewer']);
    const stale = await api.request('PUT', '/users/contested/roles', { token: admin, body: { roles: ['general_manager'], expectedRevision: 5 } });
    expect(stale.status).toBe(409);
    expect(stale.body.rule).toBe('CONCURRENCY');
  });

  it('disabling a user refuses their tokens and their sign-in with the same message as a wrong password', async () => {
    await create('leaver', ['customer_manager']);
    const token = (await signIn('leaver', 'initial-pass')).body.accessToken as string;
    const disabled = await api.request('POST', '/users/leaver/disable', { token: admin, body: { reason: 'left the company' } });
    expect(disabled.status).toBe(200);
    expect((await api.request('GET', '/auth/me', { token })).status).toBe(401);
    const again = await signIn('leaver', 'initial-pass');
    expect(again.status).toBe(401);
    expect(again.body.message).toBe('unknown user or wrong password');
  });

  it('an administrator signs a user out everywhere; the user signs in again afterwards', async () => {
    await api.tokenFor('manager2');
    const token = await api.tokenFor('manager2');
    expect((await api.request('POST', '/users/manager2/revoke-tokens', { token: admin, body: { reason: 'lost laptop' } })).status).toBe(200);
    expect((await api.request('GET', '/auth/me', { token })).status).toBe(401);
    expect((await api.request('GET', '/auth/me', { token: await api.tokenFor('manager2') })).status).toBe(200);
  });

  it('administrators cannot lock themselves out', async () => {
    const demote = await api.request('PUT', '/users/admin/roles', { token: admin, body: { roles: ['auditor'] } });
    expect(demote).toMatchObject({ status: 422, body: { rule: 'USER-SELF-LOCKOUT' } });
    expect((await api.request('POST', '/users/admin/disable', { token: admin, body: { reason: 'oops' } })).status).toBe(422);
  });

  it('anyone changes their own password: the wrong current one is refused, the change signs out other sessions', async () => {
    await create('changer', ['auditor']);
    const token = (await signIn('changer', 'initial-pass')).body.accessToken as string;
    const wrong = await api.request('POST', '/users/me/password', { token, body: { currentPassword: 'nope', newPassword: 'brand-new-pass' } });
    expect(wrong).toMatchObject({ status: 422, body: { field: 'currentPassword' } });
    const ok = await api.request('POST', '/users/me/password', { token, body: { currentPassword: 'initial-pass', newPassword: 'brand-new-pass' } });
    expect(ok.status).toBe(200);
    expect((await api.request('GET', '/auth/me', { token })).status).toBe(401);
    expect((await api.request('GET', '/auth/me', { token: ok.body.accessToken })).status).toBe(200);
    expect((await signIn('changer', 'initial-pass')).status).toBe(401);
    expect((await signIn('changer', 'brand-new-pass')).status).toBe(200);
  });
});
