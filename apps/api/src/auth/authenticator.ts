import { Inject, Injectable } from '@nestjs/common';
import { TOKEN_SERVICE } from './auth.tokens';
import { revocationReason } from './token-validity';
import { TokenService, type TokenClaims } from './token.service';
import { UserDirectory, type User } from './user-directory';

export type Verdict = { ok: true; claims: TokenClaims; user: User } | { ok: false; reason: string };

/** Looks a user up; a heartbeat round passes a memoised one so N streams of one user cost one lookup. */
export type UserLookup = (username: string) => Promise<User | null>;

/**
 * Whether a bearer token holds right now: signature, expiry, and the user's stream (gone, disabled,
 * signed out, security change since issue). One place for the auth guard, the pre-body check at the
 * edge and the re-check of open streams, so all three refuse the same tokens for the same reasons.
 */
@Injectable()
export class Authenticator {
  constructor(
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    private readonly users: UserDirectory,
  ) {}

  async verify(token: string | undefined, lookup: UserLookup = (username) => this.users.current(username)): Promise<Verdict> {
    if (!token) return { ok: false, reason: 'a bearer token is required' };
    const verdict = this.tokens.verify(token);
    if (!verdict.ok) return verdict;
    const user = await lookup(verdict.claims.sub);
    const revoked = revocationReason(verdict.claims, user);
    return revoked || !user ? { ok: false, reason: revoked ?? 'token revoked' } : { ok: true, claims: verdict.claims, user };
  }
}

type TokenCarrier = { headers: Record<string, string | string[] | undefined>; query?: unknown };

/** The bearer token of a request: the Authorization header, or `?access_token=` where the route allows it. */
export function bearerTokenOf(request: TokenCarrier, queryAllowed: boolean): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  if (!queryAllowed) return undefined;
  const query = (request.query as Record<string, unknown> | undefined)?.access_token;
  return typeof query === 'string' && query !== '' ? query : undefined;
}

/**
 * Verdicts the edge reached before the body was read, keyed by the request object itself (a
 * client cannot forge an entry), so the guard does not look the same user up twice per request.
 */
const verifiedAtEdge = new WeakMap<object, { token: string; verdict: Verdict & { ok: true } }>();

export function rememberVerified(request: object, token: string, verdict: Verdict & { ok: true }): void {
  verifiedAtEdge.set(request, { token, verdict });
}

export function verifiedBefore(request: object, token: string): (Verdict & { ok: true }) | undefined {
  const entry = verifiedAtEdge.get(request);
  return entry && entry.token === token ? entry.verdict : undefined;
}
