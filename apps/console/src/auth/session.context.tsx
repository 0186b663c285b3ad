import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiClient } from '../api/api-client';
import { useI18n } from '../i18n/i18n.context';
import { loadSession, onSessionChangedElsewhere, sessionWasExpired, storedToken, storeSession, type Session, type SessionUser } from './session';
import { SignInDialog } from './sign-in-dialog';

export interface SessionState {
  session: Session | null;
  /** set when the API refused the token (expired, or the secret changed) */
  expired: boolean;
  api: ApiClient;
  signIn(username: string, password: string): Promise<Session>;
  /** ends the session on the server (the token is refused from now on) and in every tab */
  signOut(): void;
}

const SessionContext = createContext<SessionState | null>(null);

/** The calls waiting for the user to sign in again after a 401, all resumed by one sign-in. */
interface Renewal {
  user: SessionUser;
  promise: Promise<boolean>;
  settle(renewed: boolean): void;
}

export function SessionProvider({ children, baseUrl = '' }: { children: ReactNode; baseUrl?: string }) {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [expired, setExpired] = useState(() => !loadSession() && sessionWasExpired());
  const [renewing, setRenewing] = useState<SessionUser | null>(null);
  const renewal = useRef<Renewal | null>(null);

  const settleRenewal = useCallback((renewed: boolean) => {
    renewal.current?.settle(renewed);
    renewal.current = null;
    setRenewing(null);
  }, []);

  const replace = useCallback(
    (next: Session | null, wasExpired = false) => {
      storeSession(next, wasExpired);
      setSession(next);
      setExpired(wasExpired);
      settleRenewal(next !== null);
    },
    [settleRenewal],
  );

  // The API answers refusals in the console's language (ADR 0028), read at each call like the token.
  const { lang } = useI18n();
  const language = useRef(lang);
  useEffect(() => {
    language.current = lang;
  }, [lang]);

  // A refused token while a page is open: the page stays (typed values and all) under the sign-in
  // dialog, and the refused calls are sent again once the same person has signed in (ADR 0034).
  const onUnauthorized = useCallback(
    ({ token, retry }: { token: string; retry: boolean }): Promise<boolean> | boolean => {
      const current = loadSession();
      if (!current) return false;
      if (current.accessToken !== token) return retry; // renewed meanwhile (here or in another tab)
      if (!retry) {
        replace(null, true);
        return false;
      }
      if (!renewal.current) {
        let settle: (renewed: boolean) => void = () => undefined;
        const promise = new Promise<boolean>((resolve) => (settle = resolve));
        renewal.current = { user: current.user, promise, settle };
        setRenewing(current.user);
      }
      return renewal.current.promise;
    },
    [replace],
  );

  // One client for the whole console; it reads the token from storage so it never goes stale.
  const api = useMemo(
    () => new ApiClient({ baseUrl, token: storedToken, onUnauthorized, language: () => language.current }),
    [baseUrl, onUnauthorized],
  );

  // A session restored from storage may have expired while the laptop slept: ask the API once.
  // A 401 here shows the sign-in page (nothing was typed yet); other failures are the pages' own.
  useEffect(() => {
    if (loadSession()) api.get('/auth/me', undefined, { signInAgain: false }).catch(() => undefined);
  }, [api]);

  // The other tabs of this browser: a sign-in there is ours too, a sign-out there ends ours.
  useEffect(
    () =>
      onSessionChangedElsewhere((next) => {
        setSession(next);
        setExpired(!next && sessionWasExpired());
        const waiting = renewal.current;
        if (waiting) settleRenewal(next !== null && next.user.id === waiting.user.id);
      }),
    [settleRenewal],
  );

  const signIn = useCallback(
    async (username: string, password: string) => {
      const next = await api.post<Session>('/auth/token', { username, password }, { anonymous: true });
      replace(next);
      return next;
    },
    [api, replace],
  );
  const signOut = useCallback(() => {
    // best effort: the token is refused from now on; the tabs sign out whatever the answer
    if (loadSession()) void api.post('/auth/logout', undefined, { signInAgain: false }).catch(() => undefined);
    replace(null);
  }, [api, replace]);

  const value = useMemo<SessionState>(() => ({ session, expired, api, signIn, signOut }), [session, expired, api, signIn, signOut]);
  return (
    <SessionContext.Provider value={value}>
      {children}
      {renewing ? <SignInDialog user={renewing} signIn={signIn} signOut={signOut} /> : null}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside <SessionProvider>');
  return state;
}

/** For pages behind sign-in: the session is there (the shell shows sign-in otherwise). */
export function useSignedIn(): SessionState & { session: Session } {
  const state = useSession();
  if (!state.session) throw new Error('useSignedIn on a page shown without a session');
  return state as SessionState & { session: Session };
}
