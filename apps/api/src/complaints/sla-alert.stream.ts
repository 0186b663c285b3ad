import { HttpException, Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { TransportLimits } from '@crm/config';
import type { Request, Response } from 'express';
import { Authenticator, type UserLookup } from '../auth/authenticator';
import { UserDirectory, type User } from '../auth/user-directory';
import type { Problem } from '../http/problem';
import { TRANSPORT_LIMITS } from '../runtime';
import { SlaAlertPoller } from './sla-alert.poller';
import { SseConnection, type StreamSession } from './sse-connection';

export { SSE_EVENT_NAME } from './sse-connection';

const logger = new Logger('sla-stream');

/**
 * Live SLA alerts as Server-Sent Events. The shared poller feeds every stream from the
 * `sla_alerts` read model; `id:` is the global position, so a client that reconnects with
 * Last-Event-ID resumes exactly after the last alert it received, across restarts and replicas.
 *
 * A stream outlives the check the guard made when it opened, so one heartbeat timer re-checks
 * every stream's token (expiry, sign-out, revocation, disabled user, roles) and ends those that
 * no longer hold with a `StreamClosed` event saying why. Streams are capped per user and in all.
 */
@Injectable()
export class SlaAlertStream implements OnModuleDestroy {
  private readonly connections = new Set<SseConnection>();
  private readonly perUser = new Map<string, number>();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly poller: SlaAlertPoller,
    private readonly authenticator: Authenticator,
    private readonly users: UserDirectory,
    @Inject(TRANSPORT_LIMITS) private readonly limits: TransportLimits,
  ) {}

  /** Turns the response into a stream of alerts after `after`; refuses with 429/503 when a cap is reached. */
  open(request: Request, response: Response, after: number, session: StreamSession): void {
    this.assertRoom(session.username);
    const connection = new SseConnection(response, after, session);
    this.connections.add(connection);
    this.perUser.set(session.username, (this.perUser.get(session.username) ?? 0) + 1);
    request.on('close', () => this.close(connection));
    this.poller.subscribe(connection);
    this.heartbeat ??= setTimeout(() => void this.beat(), this.limits.sseHeartbeatMs);
  }

  onModuleDestroy(): void {
    if (this.heartbeat) clearTimeout(this.heartbeat);
    this.heartbeat = null;
    const shutdown: Problem = { statusCode: 503, error: 'Service Unavailable', message: 'the service is shutting down; reconnect', rule: 'SHUTDOWN' };
    for (const connection of [...this.connections]) this.close(connection, shutdown);
  }

  private assertRoom(username: string): void {
    const { sseMaxStreamsPerUser: mine, sseMaxStreams: all } = this.limits;
    if ((this.perUser.get(username) ?? 0) >= mine) {
      throw new HttpException(
        { statusCode: 429, error: 'Too Many Requests', message: `at most ${mine} open alert streams per user; close one first`, rule: 'SSE-STREAMS-PER-USER', limit: mine },
        429,
      );
    }
    if (this.connections.size >= all) {
      throw new HttpException(
        { statusCode: 503, error: 'Service Unavailable', message: `the service already holds its ${all} open alert streams; retry later`, rule: 'SSE-STREAMS', limit: all },
        503,
      );
    }
  }

  /** One round for all streams; the next is scheduled when this one is done, so rounds never overlap. */
  private async beat(): Promise<void> {
    const lookup = oncePerRound((username) => this.users.current(username));
    await Promise.all([...this.connections].map((connection) => this.recheck(connection, lookup)));
    this.heartbeat = this.connections.size > 0 ? setTimeout(() => void this.beat(), this.limits.sseHeartbeatMs) : null;
  }

  private async recheck(connection: SseConnection, lookup: UserLookup): Promise<void> {
    try {
      const problem = await this.refusal(connection.session, lookup);
      if (problem) this.close(connection, problem);
      else connection.comment('heartbeat');
    } catch (error) {
      // the user directory is down: keep the stream; the next round checks again
      logger.warn(`stream re-check failed: ${(error as Error).message}`);
    }
  }

  /** Why the stream's session no longer holds, as the guard would have answered, or null. */
  private async refusal(session: StreamSession, lookup: UserLookup): Promise<Problem | null> {
    const verdict = await this.authenticator.verify(session.token, lookup);
    if (!verdict.ok) return { statusCode: 401, error: 'Unauthorized', message: verdict.reason, rule: 'AUTH' };
    const allowed = session.roles.filter((role) => verdict.claims.roles.includes(role) && verdict.user.roles.includes(role));
    if (allowed.length > 0) return null;
    return { statusCode: 403, error: 'Forbidden', message: `requires one of the roles: ${session.roles.join(', ')}`, rule: 'ROLE', requiredRoles: session.roles };
  }

  private close(connection: SseConnection, problem?: Problem): void {
    if (!this.connections.delete(connection)) return;
    const left = (this.perUser.get(connection.session.username) ?? 1) - 1;
    if (left > 0) this.perUser.set(connection.session.username, left);
    else this.perUser.delete(connection.session.username);
    this.poller.unsubscribe(connection);
    connection.end(problem);
  }
}

/** A lookup that asks the directory once per user, however many streams that user has open. */
function oncePerRound(lookup: UserLookup): UserLookup {
  const seen = new Map<string, Promise<User | null>>();
  return (username) => {
    let found = seen.get(username);
    if (!found) seen.set(username, (found = lookup(username)));
    return found;
  };
}
