import { HttpException, Logger } from '@nestjs/common';
import type { TransportLimits } from '@crm/config';
import type { Request } from 'express';
import type { Authenticator, UserLookup } from '../../auth/authenticator';
import type { User, UserDirectory } from '../../auth/user-directory';
import type { Metrics } from '../../metrics/metrics.port';
import type { Problem } from '../problem';
import type { StreamSession } from './stream-session';

const logger = new Logger('sse');

/** An open stream as the hub sees it: whose, and how to end it. */
export interface HubConnection {
  readonly session: StreamSession;
  end(problem?: Problem): void;
  comment(text: string): void;
}

/** Where a hub's connections get their items from (one shared poller). */
export interface HubFeed<C> {
  subscribe(connection: C): void;
  unsubscribe(connection: C): void;
}

/**
 * The rules every live stream keeps (ADR 0010): at most `sseMaxStreamsPerUser` per user and
 * `sseMaxStreams` in all (429 / 503 naming the rule), one shared feed, and one heartbeat timer
 * that re-checks every stream's token (expiry, sign-out, revocation, disabled user, roles) and
 * ends those that no longer hold with a last `StreamClosed` event saying why.
 */
export class SseStreamHub<C extends HubConnection> {
  private readonly connections = new Set<C>();
  private readonly perUser = new Map<string, number>();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly feed: HubFeed<C>,
    private readonly authenticator: Authenticator,
    private readonly users: UserDirectory,
    private readonly limits: TransportLimits,
    /** what the streams carry, in refusals and metrics: "alert", "notification" */
    private readonly noun: string,
    private readonly metrics: Pick<Metrics, 'sseClients'>,
  ) {}

  /** Admits the connection (or throws 429/503 before anything is written) and feeds it until it closes. */
  admit(request: Request, username: string, open: () => C): C {
    this.assertRoom(username);
    const connection = open();
    this.connections.add(connection);
    this.perUser.set(username, (this.perUser.get(username) ?? 0) + 1);
    this.metrics.sseClients(this.noun, this.connections.size);
    request.on('close', () => this.close(connection));
    this.feed.subscribe(connection);
    this.heartbeat ??= setTimeout(() => void this.beat(), this.limits.sseHeartbeatMs);
    return connection;
  }

  shutdown(): void {
    if (this.heartbeat) clearTimeout(this.heartbeat);
    this.heartbeat = null;
    const problem: Problem = { statusCode: 503, error: 'Service Unavailable', message: 'the service is shutting down; reconnect', rule: 'SHUTDOWN' };
    for (const connection of [...this.connections]) this.close(connection, problem);
  }

  private assertRoom(username: string): void {
    const { sseMaxStreamsPerUser: mine, sseMaxStreams: all } = this.limits;
    if ((this.perUser.get(username) ?? 0) >= mine) {
      const message = `at most ${mine} open ${this.noun} streams per user; close one first`;
      throw new HttpException({ statusCode: 429, error: 'Too Many Requests', message, rule: 'SSE-STREAMS-PER-USER', limit: mine }, 429);
    }
    if (this.connections.size >= all) {
      const message = `the service already holds its ${all} open ${this.noun} streams; retry later`;
      throw new HttpException({ statusCode: 503, error: 'Service Unavailable', message, rule: 'SSE-STREAMS', limit: all }, 503);
    }
  }

  /** One round for all streams; the next is scheduled when this one is done, so rounds never overlap. */
  private async beat(): Promise<void> {
    const lookup = oncePerRound((username) => this.users.current(username));
    await Promise.all([...this.connections].map((connection) => this.recheck(connection, lookup)));
    this.heartbeat = this.connections.size > 0 ? setTimeout(() => void this.beat(), this.limits.sseHeartbeatMs) : null;
  }

  private async recheck(connection: C, lookup: UserLookup): Promise<void> {
    try {
      const problem = await this.refusal(connection.session, lookup);
      if (problem) this.close(connection, problem);
      else connection.comment('heartbeat');
    } catch (error) {
      // the user directory is down: keep the stream; the next round checks again
      logger.warn(`stream re-check failed: ${(error as Error).message}`);
    }
  }

  private async refusal(session: StreamSession, lookup: UserLookup): Promise<Problem | null> {
    const verdict = await this.authenticator.verify(session.token, lookup);
    if (!verdict.ok) return { statusCode: 401, error: 'Unauthorized', message: verdict.reason, rule: 'AUTH' };
    const allowed = session.roles.filter((role) => verdict.claims.roles.includes(role) && verdict.user.roles.includes(role));
    if (allowed.length > 0) return null;
    return { statusCode: 403, error: 'Forbidden', message: `requires one of the roles: ${session.roles.join(', ')}`, rule: 'ROLE', requiredRoles: session.roles };
  }

  private close(connection: C, problem?: Problem): void {
    if (!this.connections.delete(connection)) return;
    const left = (this.perUser.get(connection.session.username) ?? 1) - 1;
    if (left > 0) this.perUser.set(connection.session.username, left);
    else this.perUser.delete(connection.session.username);
    this.metrics.sseClients(this.noun, this.connections.size);
    this.feed.unsubscribe(connection);
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
