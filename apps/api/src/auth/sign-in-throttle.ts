import { HttpException, HttpStatus } from '@nestjs/common';

export interface ThrottleLimits {
  /** failures counted within this sliding window */
  windowSeconds: number;
  perUsername: number;
  perClient: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = { windowSeconds: 15 * 60, perUsername: 5, perClient: 30 };
const MAX_KEYS = 50_000;

/**
 * Slows password guessing: after `perUsername` failed sign-ins for one username, or `perClient`
 * from one client address, within the window, further attempts are refused with 429 and
 * Retry-After until the oldest failure leaves the window. Refused attempts are not checked at
 * all (no hash is computed), and unknown usernames are throttled exactly like real ones, so the
 * refusal does not reveal whether an account exists.
 *
 * Per process: N replicas allow up to N times the limit. That still bounds guessing to a few
 * hundred tries an hour per account; sharing the counters would need a store other than the
 * event log (failures are not business facts).
 */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => Date,
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS,
  ) {}

  /** Throws 429 when either key is over its limit. */
  check(username: string, client: string): void {
    const wait = Math.max(this.waitSeconds(`u:${username.toLowerCase()}`, this.limits.perUsername), this.waitSeconds(`c:${client}`, this.limits.perClient));
    if (wait > 0) {
      throw new HttpException(
        { statusCode: 429, error: 'Too Many Requests', message: `too many failed sign-ins; retry in ${wait} seconds`, rule: 'THROTTLED', retryAfterSeconds: wait },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  recordFailure(username: string, client: string): void {
    for (const key of [`u:${username.toLowerCase()}`, `c:${client}`]) this.failures.set(key, [...this.recent(key), this.now().getTime()]);
    if (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value as string);
  }

  /** A successful sign-in forgets the username's failures (the client's stay: one address may try many names). */
  recordSuccess(username: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`);
  }

  private recent(key: string): number[] {
    const since = this.now().getTime() - this.limits.windowSeconds * 1000;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }

  private waitSeconds(key: string, limit: number): number {
    const recent = this.recent(key);
    if (recent.length < limit) return 0;
    const oldestCounted = recent[recent.length - limit];
    return Math.max(1, Math.ceil((oldestCounted + this.limits.windowSeconds * 1000 - this.now().getTime()) / 1000));
  }
}
