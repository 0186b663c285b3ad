import type { Response } from 'express';
import { localizeProblem } from '../http/localize-problem';
import type { Problem } from '../http/problem';
import type { StreamSession } from '../http/sse/stream-session';
import type { AlertSubscriber } from './sla-alert.poller';
import type { SlaAlert } from './sla-alerts.projection';

/** SSE event names: the domain events the alerts come from, and the last event of a stream the server ends. */
export const SSE_EVENT_NAME = { warning: 'ComplaintSlaWarned', breach: 'ComplaintSlaBreached', closed: 'StreamClosed' } as const;

/** A client that reads this far behind is dropped rather than buffered for without end. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export type { StreamSession } from '../http/sse/stream-session';

/** One open `text/event-stream` response. */
export class SseConnection implements AlertSubscriber {
  open = true;

  constructor(
    private readonly response: Response,
    public after: number,
    readonly session: StreamSession,
  ) {
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no'); // proxies must not buffer a live stream
    response.flushHeaders();
    // the browser waits this long before reconnecting; the comment makes the stream visibly open
    this.write(`retry: 3000\n: resuming after position ${after}\n\n`);
  }

  deliver(alert: SlaAlert): void {
    this.send(alert.position, SSE_EVENT_NAME[alert.kind], alert);
  }

  /** One event; `id` is a global position, so Last-Event-ID resumes after it. */
  send(id: number, event: string, data: unknown): void {
    this.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    this.after = id;
  }

  comment(text: string): void {
    this.write(`: ${text}\n\n`);
  }

  /** Ends the stream; with a problem, a last `StreamClosed` event first says why (in the client's language). */
  end(problem?: Problem): void {
    if (!this.open) return;
    if (problem) this.write(`event: ${SSE_EVENT_NAME.closed}\ndata: ${JSON.stringify(localizeProblem(problem, this.session.locale))}\n\n`);
    this.open = false;
    if (!this.response.writableEnded) this.response.end();
  }

  private write(chunk: string): void {
    if (!this.open || this.response.writableEnded) return;
    if (this.response.writableLength > MAX_BUFFERED_BYTES) {
      this.open = false;
      this.response.destroy();
      return;
    }
    this.response.write(chunk);
  }
}
