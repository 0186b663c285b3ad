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

/**
 * The tab's session, without judging its expiry: the laptop's clock may be wrong, so the API
 * decides (the console asks `GET /auth/me` on start and treats a 401 as "expired").
 */
export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return null;
  }
}

export function storedToken(): string | undefined {
  return loadSession()?.accessToken;
}

const EXPIRED_KEY = 'crm.console.session-expired';

/**
 * Stores the tab's session; `expired` marks a session the API ended, so a reload right after (or a
 * poll that noticed first) still tells the user why they are asked to sign in again.
 */
export function storeSession(session: Session | null, expired = false): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  if (expired) sessionStorage.setItem(EXPIRED_KEY, '1');
  else sessionStorage.removeItem(EXPIRED_KEY);
}

export function sessionWasExpired(): boolean {
  return sessionStorage.getItem(EXPIRED_KEY) === '1';
}

export function hasAnyRole(user: SessionUser, roles: readonly Role[]): boolean {
  return roles.length === 0 || roles.some((r) => user.roles.includes(r));
}
