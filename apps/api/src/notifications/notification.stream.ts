import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { TransportLimits } from '@crm/config';
import type { Request, Response } from 'express';
import { Authenticator } from '../auth/authenticator';
import { UserDirectory } from '../auth/user-directory';
import { SseConnection } from '../complaints/sse-connection';
import { SseStreamHub } from '../http/sse/sse-stream-hub';
import type { StreamSession } from '../http/sse/stream-session';
import { METRICS, type Metrics } from '../metrics/metrics.port';
import { TRANSPORT_LIMITS } from '../runtime';
import type { InboxItem } from './notification-inbox';
import { NotificationPoller, type NotificationSubscriber } from './notification.poller';

/** The SSE event name of one in-app notification. */
export const NOTIFICATION_EVENT = 'Notification';

/** An open `/me/notifications/stream`: the shared SSE connection, addressed to one user. */
class NotificationConnection implements NotificationSubscriber {
  readonly username: string;
  private readonly sse: SseConnection;

  constructor(response: Response, after: number, readonly session: StreamSession) {
    this.username = session.username;
    this.sse = new SseConnection(response, after, session);
  }

  get after(): number {
    return this.sse.after;
  }

  get open(): boolean {
    return this.sse.open;
  }

  deliver(item: InboxItem): void {
    this.sse.send(item.position, NOTIFICATION_EVENT, item);
  }

  comment(text: string): void {
    this.sse.comment(text);
  }

  end(problem?: Parameters<SseConnection['end']>[0]): void {
    this.sse.end(problem);
  }
}

/** Live in-app notifications: each user's own only, with the SLA stream's caps and token re-checks. */
@Injectable()
export class NotificationStream implements OnModuleDestroy {
  private readonly hub: SseStreamHub<NotificationConnection>;

  constructor(
    poller: NotificationPoller,
    authenticator: Authenticator,
    users: UserDirectory,
    @Inject(TRANSPORT_LIMITS) limits: TransportLimits,
    @Inject(METRICS) metrics: Metrics,
  ) {
    this.hub = new SseStreamHub<NotificationConnection>(poller, authenticator, users, limits, 'notification', metrics);
  }

  open(request: Request, response: Response, after: number, session: StreamSession): void {
    this.hub.admit(request, session.username, () => new NotificationConnection(response, after, session));
  }

  onModuleDestroy(): void {
    this.hub.shutdown();
  }
}
