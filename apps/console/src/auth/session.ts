import type { Role } from '@crm/workflow-kit';

export type { Role };

export interface SessionUser {
  id: string;
  name?: string;
  roles: Role[];
}

/** What `POST /auth/token` returns, kept by the browser until signed out or refused (ADR 0034). */
export interface Session {
  accessToken: string;
  expiresAt: string;
  user: SessionUser;
}

// localStorage: one session for the browser's tabs, so a new tab or a Ctrl+click does not ask
// to sign in again (ADR 0034); two people at once need two browsers (or a private window).
export const SESSION_KEY = 'crm.console.session';
const KEY = SESSION_KEY;

/**
 * The browser's session, without judging its expiry: the laptop's clock may be wrong, so the API
 * decides (the console asks `GET /auth/me` on start and treats a 401 as "expired").
 */
export function loadSession(): Session | null {
  const raw = localStorage.getItem(KEY);
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
  // the flag first: another tab reacts to the session key's change and reads the flag then
  if (expired) localStorage.setItem(EXPIRED_KEY, '1');
  else localStorage.removeItem(EXPIRED_KEY);
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
}

export function sessionWasExpired(): boolean {
  return localStorage.getItem(EXPIRED_KEY) === '1';
}

/**
 * Calls `onChange` when another tab of this browser signs in, signs out or ends the session
 * (the `storage` event fires only in the other tabs). Returns the unsubscribe.
 */
export function onSessionChangedElsewhere(onChange: (session: Session | null) => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key === KEY || event.key === null) onChange(loadSession());
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}

export function hasAnyRole(user: SessionUser, roles: readonly Role[]): boolean {
  return roles.length === 0 || roles.some((r) => user.roles.includes(r));
}
