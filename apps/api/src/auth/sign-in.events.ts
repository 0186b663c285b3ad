import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import { z } from 'zod';
import type { ThrottleRefusal } from './sign-in-throttle';

/**
 * Failed and throttled sign-ins, one stream per UTC day (`sign-ins-2026-03-02`): an attempt on an
 * unknown username has no user stream to go to, and keeping them out of `user-<username>` means
 * an attacker cannot grow a user's stream or move the revision its tokens are checked against.
 * The username is as typed; the password is never recorded.
 */
export const SIGN_IN_STREAM_PREFIX = 'sign-ins-';
export const signInStreamId = (at: Date): string => `${SIGN_IN_STREAM_PREFIX}${at.toISOString().slice(0, 10)}`;
export const SIGN_IN_ACTOR = 'system:sign-in';

export const SignInFailed = z.object({
  username: z.string(),
  /** the client address as the service saw it (request.ip) */
  client: z.string(),
  /** failures of this username from this client in the throttle window, this one included */
  recentFailures: z.number().int().min(1),
});
export type SignInFailed = z.infer<typeof SignInFailed>;

/** The first refusal of a stretch; further attempts until it ends are refused without another event. */
export const SignInThrottled = z.object({
  username: z.string(),
  client: z.string(),
  limit: z.enum(['pair', 'client']),
  retryAfterSeconds: z.number().int().min(1),
});
export type SignInThrottled = z.infer<typeof SignInThrottled>;

export const SIGN_IN_EVENT_TYPES = ['SignInFailed', 'SignInThrottled'] as const;

@Injectable()
export class SignInLog {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async failed(username: string, client: string, recentFailures: number, at: Date): Promise<void> {
    await this.append('SignInFailed', SignInFailed.parse({ username, client, recentFailures }), at);
  }

  async throttled(username: string, client: string, refusal: ThrottleRefusal, at: Date): Promise<void> {
    await this.append('SignInThrottled', SignInThrottled.parse({ username, client, limit: refusal.limit, retryAfterSeconds: refusal.retryAfterSeconds }), at);
  }

  private async append(type: (typeof SIGN_IN_EVENT_TYPES)[number], data: SignInFailed | SignInThrottled, at: Date): Promise<void> {
    const metadata = { actor: SIGN_IN_ACTOR, correlationId: randomUUID(), causationId: null, occurredAt: at.toISOString(), schemaVersion: 1 };
    await this.store.appendToStream(signInStreamId(at), [{ id: randomUUID(), type, data, metadata }], { expectedRevision: 'any' });
  }
}
