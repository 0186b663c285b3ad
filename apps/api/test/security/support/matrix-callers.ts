import type { Role } from '@crm/workflow-kit';
import { TokenService } from '../../../src/auth/token.service';
import { API_RUNTIME, type ApiRuntime } from '../../../src/runtime';
import type { TestApi } from '../../support/test-api';

/** Who knocks: one demo user per role, nobody, and three kinds of bad token. */
export type CallerKind = Role | 'no token' | 'expired token' | 'forged token' | 'revoked token';

/** A demo user holding exactly one role (demo-users.ts). */
export const ROLE_USERS: Readonly<Record<Role, string>> = {
  customer_manager: 'manager',
  sales_reviewer: 'sales',
  finance_reviewer: 'finance',
  general_manager: 'gm',
  supervisor: 'supervisor',
  auditor: 'auditor',
  administrator: 'admin',
  parent_chemicals_sales: 'parent',
};
export const ROLES = Object.keys(ROLE_USERS) as Role[];
export const BAD_CALLERS = ['no token', 'expired token', 'forged token', 'revoked token'] as const;

/**
 * Tokens for every caller. The bad ones carry the administrator's identity and roles, so if
 * the guard ever accepted one it would open every endpoint and the matrix would show it.
 */
export async function matrixTokens(api: TestApi): Promise<Map<CallerKind, string | undefined>> {
  const tokens = new Map<CallerKind, string | undefined>();
  for (const role of ROLES) tokens.set(role, await api.tokenFor(ROLE_USERS[role]));
  const runtime = api.app.get<ApiRuntime>(API_RUNTIME);
  const admin = { id: 'admin', name: 'admin', roles: ['administrator'] as Role[], revision: 0 };
  const twoHoursAgo = new Date(api.clock.now().getTime() - 2 * 3600_000);
  tokens.set('no token', undefined);
  tokens.set('expired token', new TokenService(runtime.authSecret, 60, () => twoHoursAgo).issue(admin).token);
  tokens.set('forged token', new TokenService('not-the-secret', 3600, () => api.clock.now()).issue(admin).token);
  const revoked = await api.tokenFor('admin');
  await api.request('POST', '/auth/logout', { token: revoked });
  tokens.set('revoked token', revoked);
  return tokens;
}
