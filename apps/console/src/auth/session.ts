import type { Role } from '@crm/workflow-kit';

export type { Role };

export interface SessionUser {
  id: string;
  name?: string;
  roles: Role[];
}

/** What `POST /auth/token` returns, kept for the tab's lifetime. */
export interface Session {
  accessToken: string;
  expiresAt: string;
  user: SessionUser;
}

// sessionStorage: a token lives as long as the tab, and two tabs can be two different users
// (handy for trying segregation of duties by hand).
const KEY = 'crm.console.session';

export function loadSession(now = Date.now()): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return Date.parse(session.expiresAt) > now ? session : null;
  } catch {
    return null;
  }
}

/** The stored token even when expired, so the API (not the laptop's clock) decides, with a 401. */
export function storedToken(): string | undefined {
  const raw = sessionStorage.getItem(KEY);
  try {
    return raw ? (JSON.parse(raw) as Session).accessToken : undefined;
  } catch {
    return undefined;
  }
}

export function storeSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

export function hasAnyRole(user: SessionUser, roles: readonly Role[]): boolean {
  return roles.length === 0 || roles.some((r) => user.roles.includes(r));
}
