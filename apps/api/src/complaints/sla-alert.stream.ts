import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ReadModelDb } from '@crm/engine';
import type { Response } from 'express';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { alertsAfter, type SlaAlert } from './sla-alerts.projection';

const logger = new Logger('sla-stream');

/** SSE event names: the domain events the alerts come from. */
export const SSE_EVENT_NAME = { warning: 'ComplaintSlaWarned', breach: 'ComplaintSlaBreached' } as const;

interface Connection {
  response: Response;
  after: number;
  timer: NodeJS.Timeout | null;
  lastWriteAt: number;
  closed: boolean;
}

/**
 * Live SLA alerts as Server-Sent Events. Each connection polls the `sla_alerts` read model after
 * the last position it sent (a small indexed query); `id:` is the global position, so a client
 * that reconnects with Last-Event-ID resumes exactly after the last alert it received, across
 * restarts and replicas, because the read model, not this process, holds the alerts.
 */
@Injectable()
export class SlaAlertStream implements OnModuleDestroy {
  private readonly connections = new Set<Connection>();
  private readonly pollMs = Number(process.env.SLA_STREAM_POLL_MS ?? 200);
  private readonly heartbeatMs = Number(process.env.SLA_STREAM_HEARTBEAT_MS ?? 15_000);

  constructor(@Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb) {}

  open(response: Response, after: number, onClose: (listener: () => void) => void): void {
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no'); // proxies must not buffer a live stream
    response.flushHeaders();
    const connection: Connection = { response, after, timer: null, lastWriteAt: Date.now(), closed: false };
    this.connections.add(connection);
    // the browser waits this long before reconnecting; the comment makes the stream visibly open
    response.write(`retry: 3000\n: resuming after position ${after}\n\n`);
    onClose(() => this.close(connection));
    void this.tick(connection);
  }

  onModuleDestroy(): void {
    for (const connection of [...this.connections]) this.close(connection);
  }

  private async tick(connection: Connection): Promise<void> {
    if (connection.closed) return;
    try {
      const alerts = await alertsAfter(this.readModels.db, connection.after, 100);
      for (const alert of alerts) this.send(connection, alert);
      if (!connection.closed && Date.now() - connection.lastWriteAt >= this.heartbeatMs) this.write(connection, ': heartbeat\n\n');
    } catch (error) {
      logger.warn(`alert poll failed: ${(error as Error).message}`);
    }
    if (!connection.closed) connection.timer = setTimeout(() => void this.tick(connection), this.pollMs);
  }

  private send(connection: Connection, alert: SlaAlert): void {
    if (connection.closed) return;
    this.write(connection, `id: ${alert.position}\nevent: ${SSE_EVENT_NAME[alert.kind]}\ndata: ${JSON.stringify(alert)}\n\n`);
    connection.after = alert.position;
  }

  private write(connection: Connection, chunk: string): void {
    connection.response.write(chunk);
    connection.lastWriteAt = Date.now();
  }

  private close(connection: Connection): void {
    if (connection.closed) return;
    connection.closed = true;
    if (connection.timer) clearTimeout(connection.timer);
    this.connections.delete(connection);
    if (!connection.response.writableEnded) connection.response.end();
  }
}
