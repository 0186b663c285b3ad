import type { TokenClaims } from './token.service';
import type { User } from './user.state';

/**
 * Why a correctly signed, unexpired token must still be refused, or null when it is good:
 * the user is gone or disabled, a security change (roles, password, disable, "revoke all")
 * happened after the token was issued, or the token itself was signed out.
 */
export function revocationReason(claims: TokenClaims, user: User | null): string | null {
  if (!user || user.disabled) return 'token revoked';
  if (claims.rev < user.tokensValidFromRevision) return 'token revoked';
  if (user.revokedTokens.has(claims.jti)) return 'token revoked';
  return null;
}
