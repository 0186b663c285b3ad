import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { TransportLimits } from '@crm/config';
import type { Request, Response } from 'express';
import { Authenticator } from '../auth/authenticator';
import { UserDirectory } from '../auth/user-directory';
import { SseStreamHub } from '../http/sse/sse-stream-hub';
import { METRICS, type Metrics } from '../metrics/metrics.port';
import { TRANSPORT_LIMITS } from '../runtime';
import { SlaAlertPoller } from './sla-alert.poller';
import { SseConnection, type StreamSession } from './sse-connection';

export { SSE_EVENT_NAME } from './sse-connection';

/**
 * Live SLA alerts as Server-Sent Events. The shared poller feeds every stream from the
 * `sla_alerts` read model; `id:` is the global position, so a client that reconnects with
 * Last-Event-ID resumes exactly after the last alert it received, across restarts and replicas.
 * Caps and the heartbeat's token re-check are the hub's (sse-stream-hub.ts), shared with the
 * notification stream.
 */
@Injectable()
export class SlaAlertStream implements OnModuleDestroy {
  private readonly hub: SseStreamHub<SseConnection>;

  constructor(
    poller: SlaAlertPoller,
    authenticator: Authenticator,
    users: UserDirectory,
    @Inject(TRANSPORT_LIMITS) limits: TransportLimits,
    @Inject(METRICS) metrics: Metrics,
  ) {
    this.hub = new SseStreamHub<SseConnection>(poller, authenticator, users, limits, 'alert', metrics);
  }

  /** Turns the response into a stream of alerts after `after`; refuses with 429/503 when a cap is reached. */
  open(request: Request, response: Response, after: number, session: StreamSession): void {
    this.hub.admit(request, session.username, () => new SseConnection(response, after, session));
  }

  onModuleDestroy(): void {
    this.hub.shutdown();
  }
}
