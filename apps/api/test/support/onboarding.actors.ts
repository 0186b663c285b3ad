import { UserDirectory } from '../../src/auth/user-directory';
import { DEMO_PASSWORD } from '../../src/auth/demo-users';
import type { TestApi } from './test-api';

export type Caller = (user: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any }>;

/**
 * Signs in every demo user plus two people with several roles (the cases ONB-SELF and ONB-SOD
 * are about): `dual` files applications and reviews sales, `allround` reviews sales and finance.
 */
export async function onboardingCallers(api: TestApi): Promise<Caller> {
  const users = api.app.get(UserDirectory);
  const now = api.clock.now();
  await users.register({ username: 'dual', name: 'dual', roles: ['customer_manager', 'sales_reviewer'], password: DEMO_PASSWORD }, 'test', now);
  await users.register({ username: 'allround', name: 'allround', roles: ['sales_reviewer', 'finance_reviewer'], password: DEMO_PASSWORD }, 'test', now);
  // tokens expire on the API's clock, which tests move across weekends: sign in again when it moved
  const tokens = new Map<string, { token: string; at: number }>();
  const tokenOf = async (user: string) => {
    const cached = tokens.get(user);
    if (cached && Math.abs(api.clock.now().getTime() - cached.at) < 30 * 60_000) return cached.token;
    const token = await api.tokenFor(user);
    tokens.set(user, { token, at: api.clock.now().getTime() });
    return token;
  };
  return async (user, method, path, body, headers) => api.request(method, path, { token: await tokenOf(user), body, headers });
}
