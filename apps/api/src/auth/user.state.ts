import type { StoredEvent } from '@crm/event-store';
import type { Role } from '@crm/workflow-kit';
import { SECURITY_CHANGES } from './user.events';

export interface User {
  id: string;
  name: string;
  roles: Role[];
  passwordHash: string;
  /** set by an administrator's reset, until the person changes it themselves: sign-in says so */
  passwordTemporary: boolean;
  disabled: boolean;
  /** revision of the user's stream this state was folded up to (tokens carry it as `rev`) */
  revision: number;
  /**
   * Tokens issued from a state older than this revision are refused: the stream revision, not a
   * timestamp, so a token signed in the same millisecond as a role change is still told apart.
   */
  tokensValidFromRevision: number;
  /** when the last security change happened (ISO), for people reading the account */
  tokensValidAfter: string | null;
  /** signed-out token ids → their expiry (ms); expired ones are dropped as the state is folded */
  revokedTokens: ReadonlyMap<string, number>;
}

/** Folds a user's stream; pure, so the guard's cache and the admin commands agree on one state. */
export function evolveUser(user: User | null, event: StoredEvent): User | null {
  const data = event.data as Record<string, any>;
  if (event.type === 'UserRegistered') {
    return {
      id: data.username, name: data.name, roles: data.roles, passwordHash: data.passwordHash, passwordTemporary: false, disabled: false,
      revision: event.revision, tokensValidFromRevision: 0, tokensValidAfter: null, revokedTokens: new Map(),
    };
  }
  if (!user) return null;
  const next: User = { ...user, revision: event.revision };
  if (SECURITY_CHANGES.has(event.type)) {
    next.tokensValidFromRevision = event.revision;
    next.tokensValidAfter = event.metadata.occurredAt;
  }
  switch (event.type) {
    case 'UserRolesChanged':
      return { ...next, roles: data.roles };
    case 'UserPasswordChanged':
      return { ...next, passwordHash: data.passwordHash, passwordTemporary: false };
    case 'UserPasswordReset':
      return { ...next, passwordHash: data.passwordHash, passwordTemporary: true };
    case 'UserDisabled':
      return { ...next, disabled: true };
    case 'UserEnabled':
      return { ...next, disabled: false };
    case 'UserTokenRevoked':
      return { ...next, revokedTokens: withRevoked(user.revokedTokens, data.jti, Date.parse(data.expiresAt), event.metadata.occurredAt) };
    default:
      return next;
  }
}

function withRevoked(revoked: ReadonlyMap<string, number>, jti: string, expiresAt: number, now: string): Map<string, number> {
  const at = Date.parse(now);
  const next = new Map([...revoked].filter(([, exp]) => exp > at));
  next.set(jti, expiresAt);
  return next;
}

export function foldUser(events: readonly StoredEvent[]): User | null {
  return events.reduce<User | null>(evolveUser, null);
}
