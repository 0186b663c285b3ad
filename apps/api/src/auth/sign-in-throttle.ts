import { HttpException, HttpStatus } from '@nestjs/common';

export interface ThrottleLimits {
  /** failures are remembered this long */
  windowSeconds: number;
  /** failures of one (username, client) pair before any delay */
  freeFailures: number;
  /** the first delay; each further failure of the pair doubles it */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** failures from one client, whatever the usernames, before it is refused until the oldest leaves the window */
  perClient: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = { windowSeconds: 15 * 60, freeFailures: 3, baseDelaySeconds: 1, maxDelaySeconds: 15 * 60, perClient: 30 };
const MAX_KEYS = 50_000;

/** Why an attempt is refused before the password is checked. */
export interface ThrottleRefusal {
  retryAfterSeconds: number;
  /** 'pair': this client failed this username too often lately; 'client': this client failed too often overall */
  limit: 'pair' | 'client';
  /** the first refusal of this stretch (later ones until it ends are not worth another event) */
  first: boolean;
}

/**
 * Slows password guessing by progressive delay: after `freeFailures` failures of one username from
 * one client, that pair waits `baseDelaySeconds`, doubling with each further failure up to
 * `maxDelaySeconds`; one client failing `perClient` times in the window is refused outright for
 * a while. Nothing is counted per username alone, so failures from elsewhere never keep the
 * account's owner out: a client with no recent failures is checked at once (anyone could
 * otherwise lock out `gm` by guessing). Unknown usernames are treated exactly like real ones.
 *
 * Per process: N replicas allow up to N times the rate; the counters are not business facts.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();
  /** per key, the retry instant of the refusal already reported */
  private readonly reported = new Map<string, number>();

  constructor(
    private readonly now: () => Date,
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS,
  ) {}

  /** The refusal due for this attempt, or null when it may be checked. */
  refusal(username: string, client: string): ThrottleRefusal | null {
    const pair = pairKey(username, client);
    const candidates: Array<[string, 'pair' | 'client', number | null]> = [
      [`c:${client}`, 'client', this.clientRetryAt(client)],
      [pair, 'pair', this.pairRetryAt(pair)],
    ];
    const now = this.now().getTime();
    const due = candidates.find(([, , at]) => at !== null && at > now);
    if (!due) return null;
    const [key, limit, at] = due as [string, 'pair' | 'client', number];
    const first = this.reported.get(key) !== at;
    this.reported.set(key, at);
    return { retryAfterSeconds: Math.max(1, Math.ceil((at - now) / 1000)), limit, first };
  }

  /** Throws 429 with the refusal, for callers that record nothing of their own. */
  check(username: string, client: string): void {
    const refusal = this.refusal(username, client);
    if (refusal) throw throttled(refusal);
  }

  /** Counts a failure; answers how many the pair has in the window, this one included. */
  recordFailure(username: string, client: string): number {
    const pair = pairKey(username, client);
    for (const key of [pair, `c:${client}`]) this.failures.set(key, [...this.recent(key), this.now().getTime()]);
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value as string);
    while (this.reported.size > MAX_KEYS) this.reported.delete(this.reported.keys().next().value as string);
    return this.recent(pair).length;
  }

  /** The pair starts afresh; the client's count stays (one address may try many names). */
  recordSuccess(username: string, client: string): void {
    this.failures.delete(pairKey(username, client));
  }

  private recent(key: string): number[] {
    const since = this.now().getTime() - this.limits.windowSeconds * 1000;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }

  private pairRetryAt(key: string): number | null {
    const recent = this.recent(key);
    const over = recent.length - this.limits.freeFailures;
    if (over < 0) return null;
    const delay = Math.min(this.limits.maxDelaySeconds, this.limits.baseDelaySeconds * 2 ** over);
    return recent[recent.length - 1] + delay * 1000;
  }

  private clientRetryAt(client: string): number | null {
    const recent = this.recent(`c:${client}`);
    if (recent.length < this.limits.perClient) return null;
    return recent[recent.length - this.limits.perClient] + this.limits.windowSeconds * 1000;
  }
}

const pairKey = (username: string, client: string): string => `p:${username.toLowerCase()}\u0000${client}`;

/** The problem answer of a refused attempt. */
export function throttled(refusal: ThrottleRefusal): HttpException {
  const wait = refusal.retryAfterSeconds;
  return new HttpException(
    { statusCode: 429, error: 'Too Many Requests', message: `too many failed sign-ins; retry in ${wait} seconds`, rule: 'THROTTLED', retryAfterSeconds: wait },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
