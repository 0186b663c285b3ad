import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Actor, Role } from '@crm/workflow-kit';

export interface TokenClaims {
  sub: string;
  name: string;
  roles: Role[];
  /** expiry, seconds since the epoch */
  exp: number;
  /** issued at, seconds since the epoch */
  iat: number;
  /** revision of the user's stream the token was issued from: security changes after it revoke it */
  rev: number;
  jti: string;
}

/**
 * Signed, expiring bearer tokens (HMAC-SHA256 over a base64url JSON payload). Stateless, so any
 * number of API replicas sharing AUTH_SECRET accept each other's tokens; revocation is checked
 * against the user's stream by the auth guard (token-validity.ts), not here.
 */
export class TokenService {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
    private readonly now: () => Date,
  ) {}

  issue(user: { id: string; name: string; roles: Role[]; revision: number }): { token: string; expiresAt: string; jti: string } {
    const iat = Math.floor(this.now().getTime() / 1000);
    const exp = iat + this.ttlSeconds;
    const claims: TokenClaims = { sub: user.id, name: user.name, roles: user.roles, exp, iat, rev: user.revision, jti: randomUUID() };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${payload}.${this.sign(payload)}`, expiresAt: new Date(exp * 1000).toISOString(), jti: claims.jti };
  }

  /** The claims of a valid token, or the reason it is not. */
  verify(token: string): { ok: true; claims: TokenClaims } | { ok: false; reason: string } {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed token' };
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad signature' };
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return { ok: false, reason: 'malformed token' };
    }
    if (typeof claims?.exp !== 'number' || typeof claims.rev !== 'number' || typeof claims.sub !== 'string') return { ok: false, reason: 'malformed token' };
    if (claims.exp * 1000 <= this.now().getTime()) return { ok: false, reason: 'token expired' };
    return { ok: true, claims };
  }

  static actorOf(claims: TokenClaims): Actor {
    return { id: claims.sub, name: claims.name, roles: claims.roles };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
