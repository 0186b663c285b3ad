import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiClient } from '../api/api-client';
import { useI18n } from '../i18n/i18n.context';
import { loadSession, sessionWasExpired, storedToken, storeSession, type Session } from './session';

export interface SessionState {
  session: Session | null;
  /** set when the API refused the token (expired, or the secret changed) */
  expired: boolean;
  api: ApiClient;
  signIn(username: string, password: string): Promise<Session>;
  signOut(): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children, baseUrl = '' }: { children: ReactNode; baseUrl?: string }) {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [expired, setExpired] = useState(() => !loadSession() && sessionWasExpired());

  const replace = useCallback((next: Session | null, wasExpired = false) => {
    storeSession(next, wasExpired);
    setSession(next);
    setExpired(wasExpired);
  }, []);

  // The API answers refusals in the console's language (ADR 0028), read at each call like the token.
  const { lang } = useI18n();
  const language = useRef(lang);
  useEffect(() => {
    language.current = lang;
  }, [lang]);

  // One client for the whole console; it reads the token from storage so it never goes stale.
  const api = useMemo(
    () => new ApiClient({ baseUrl, token: storedToken, onUnauthorized: () => replace(null, true), language: () => language.current }),
    [baseUrl, replace],
  );

  // A session restored from the tab may have expired while the laptop slept: ask the API once.
  // A 401 ends it through onUnauthorized; any other failure is left to the page's own calls.
  useEffect(() => {
    if (loadSession()) api.get('/auth/me').catch(() => undefined);
  }, [api]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const next = await api.post<Session>('/auth/token', { username, password });
      replace(next);
      return next;
    },
    [api, replace],
  );
  const signOut = useCallback(() => replace(null), [replace]);

  const value = useMemo<SessionState>(() => ({ session, expired, api, signIn, signOut }), [session, expired, api, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
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
