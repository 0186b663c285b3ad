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
  /** signed in with a temporary password an administrator set (UserPasswordReset): change it first */
  mustChangePassword?: boolean;
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

/** The token calls carry: a refused one too, so a call from any tab waits on the one sign-in dialog. */
export function storedToken(): string | undefined {
  return loadSession()?.accessToken;
}

// The token the API refused (expired, revoked): written by the tab that met the 401, read by the
// others as "show the sign-in dialog too". The session itself stays, so no tab loses its page.
const REFUSED_KEY = 'crm.console.session-refused';

/** Stores the browser's session (a sign-in) or removes it (a sign-out); either way it is no longer refused. */
export function storeSession(session: Session | null): void {
  // the marker first: another tab reacts to the session key's change and reads the marker then
  localStorage.removeItem(REFUSED_KEY);
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
}

/** Tells every tab that the API refused this token (only the other tabs get the `storage` event). */
export function markRefused(token: string): void {
  if (loadSession()?.accessToken === token) localStorage.setItem(REFUSED_KEY, token);
}

/** The stored session was refused by the API: a reload shows the sign-in page and says why. */
export function sessionWasExpired(): boolean {
  const session = loadSession();
  return session !== null && localStorage.getItem(REFUSED_KEY) === session.accessToken;
}

/** The session a page may be shown with: stored and not refused. */
export function liveSession(): Session | null {
  return sessionWasExpired() ? null : loadSession();
}

export interface ElsewhereListener {
  /** another tab signed in or out */
  changed(session: Session | null): void;
  /** another tab met a 401 for this token */
  refused(token: string): void;
}

/**
 * Follows the other tabs of this browser: a sign-in, a sign-out, a session the API ended (the
 * `storage` event fires only in the other tabs). Returns the unsubscribe.
 */
export function onSessionChangedElsewhere(listener: ElsewhereListener): () => void {
  const handle = (event: StorageEvent) => {
    if (event.key === KEY || event.key === null) listener.changed(loadSession());
    else if (event.key === REFUSED_KEY && event.newValue) listener.refused(event.newValue);
  };
  window.addEventListener('storage', handle);
  return () => window.removeEventListener('storage', handle);
}

export function hasAnyRole(user: SessionUser, roles: readonly Role[]): boolean {
  return roles.length === 0 || roles.some((r) => user.roles.includes(r));
}
