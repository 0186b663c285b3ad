import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiClient } from '../api/api-client';
import { useI18n } from '../i18n/i18n.context';
import { removeDraftsOf } from '../components/draft-storage';
import { liveSession, loadSession, markRefused, onSessionChangedElsewhere, sessionWasExpired, storedToken, storeSession, type Session, type SessionUser } from './session';
import { SignInDialog } from './sign-in-dialog';

export interface SessionState {
  session: Session | null;
  /** set when the API refused the token (expired, or the secret changed) */
  expired: boolean;
  api: ApiClient;
  signIn(username: string, password: string): Promise<Session>;
  /** ends the session on the server (the token is refused from now on) and in every tab */
  signOut(): void;
  /** the fresh token after one's own password change (which refuses every earlier one), for every tab */
  adoptToken(accessToken: string, expiresAt: string): void;
}

const SessionContext = createContext<SessionState | null>(null);

/** The calls waiting for the user to sign in again after a 401, all resumed by one sign-in. */
interface Renewal {
  user: SessionUser;
  promise: Promise<boolean>;
  settle(renewed: boolean): void;
}

export function SessionProvider({ children, baseUrl = '' }: { children: ReactNode; baseUrl?: string }) {
  const [session, setSession] = useState<Session | null>(() => liveSession());
  const [expired, setExpired] = useState(() => sessionWasExpired());
  const [renewing, setRenewing] = useState<SessionUser | null>(null);
  const renewal = useRef<Renewal | null>(null);
  const shown = useRef(session);
  shown.current = session;

  const settleRenewal = useCallback((renewed: boolean) => {
    renewal.current?.settle(renewed);
    renewal.current = null;
    setRenewing(null);
  }, []);

  /** The dialog over the page; every refused call waits on the one sign-in (or sign-out) it ends with. */
  const awaitRenewal = useCallback((user: SessionUser): Promise<boolean> => {
    if (!renewal.current) {
      let settle: (renewed: boolean) => void = () => undefined;
      const promise = new Promise<boolean>((resolve) => (settle = resolve));
      renewal.current = { user, promise, settle };
      setRenewing(user);
    }
    return renewal.current.promise;
  }, []);

  const replace = useCallback(
    (next: Session | null) => {
      storeSession(next);
      setSession(next);
      setExpired(false);
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
  // The other tabs are told, so they ask too rather than fail call by call.
  const onUnauthorized = useCallback(
    ({ token, retry }: { token: string; retry: boolean }): Promise<boolean> | boolean => {
      const current = loadSession();
      if (!current) return false;
      if (current.accessToken !== token) return retry; // renewed meanwhile (here or in another tab)
      markRefused(token);
      // this tab shows the sign-in page already (its start-up check was refused): no dialog over it
      if (!shown.current) return false;
      if (retry) return awaitRenewal(current.user);
      // the start-up check: nothing typed here yet, so this tab shows the sign-in page; the
      // page's first calls, refused with it, end too rather than open a dialog over that page
      shown.current = null;
      setSession(null);
      setExpired(true);
      settleRenewal(false);
      return false;
    },
    [awaitRenewal, settleRenewal],
  );

  // One client for the whole console; it reads the token from storage so it never goes stale.
  const api = useMemo(
    () => new ApiClient({ baseUrl, token: storedToken, onUnauthorized, language: () => language.current }),
    [baseUrl, onUnauthorized],
  );

  // A session restored from storage may have expired while the laptop slept: ask the API once.
  // A 401 here shows the sign-in page (nothing was typed yet); other failures are the pages' own.
  useEffect(() => {
    if (liveSession()) api.get('/auth/me', undefined, { signInAgain: false }).catch(() => undefined);
  }, [api]);

  // The other tabs of this browser: a sign-in there is ours too, a sign-out there ends ours, and a
  // 401 there opens our dialog over our page (its forms stay mounted).
  useEffect(
    () =>
      onSessionChangedElsewhere({
        changed: (next) => {
          setSession(next);
          setExpired(false);
          const waiting = renewal.current;
          if (waiting) settleRenewal(next !== null && next.user.id === waiting.user.id);
        },
        refused: (token) => {
          const current = loadSession();
          if (shown.current && current?.accessToken === token) void awaitRenewal(current.user);
        },
      }),
    [awaitRenewal, settleRenewal],
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
    const current = loadSession();
    // best effort: the token is refused from now on; the tabs sign out whatever the answer
    if (current) void api.post('/auth/logout', undefined, { signInAgain: false }).catch(() => undefined);
    // the next person on this browser must not find this one's typed work (an expiry keeps it)
    if (current) removeDraftsOf(current.user.id);
    replace(null);
  }, [api, replace]);

  const adoptToken = useCallback(
    (accessToken: string, expiresAt: string) => {
      const current = loadSession();
      // the person's own password now: no longer the temporary one
      if (current) replace({ accessToken, expiresAt, user: current.user });
    },
    [replace],
  );

  const value = useMemo<SessionState>(() => ({ session, expired, api, signIn, signOut, adoptToken }), [session, expired, api, signIn, signOut, adoptToken]);
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
