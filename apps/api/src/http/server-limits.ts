import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import type { TransportLimits } from '@crm/config';

const logger = new Logger('http-server');
const DROP_LOG_EVERY_MS = 60_000;

/** Options Node reads from the server object at listen/accept time but does not type. */
type TunableServer = Server & { maxHeaderSize?: number; connectionsCheckingInterval: number };

/**
 * Timeouts and caps on the Node server itself, so that slow or numerous clients (a request
 * that never finishes its headers, thousands of idle sockets) cannot hold the service. Set
 * before `listen`: the timeouts are enforced by a sweep Node starts on listen, and the header
 * size is read per accepted connection. The edge spec proves each one on a real socket.
 */
export function applyServerLimits(server: Server, limits: TransportLimits): void {
  const tunable = server as TunableServer;
  tunable.headersTimeout = limits.headersTimeoutMs;
  tunable.requestTimeout = limits.requestTimeoutMs;
  tunable.keepAliveTimeout = limits.keepAliveTimeoutMs;
  tunable.maxHeadersCount = limits.maxHeadersCount;
  tunable.maxHeaderSize = limits.maxHeaderBytes;
  // Node sweeps for timed-out requests every 30 s by default: a stalled one would be held that much longer
  tunable.connectionsCheckingInterval = Math.max(100, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 2)));
  tunable.maxConnections = limits.maxConnections;
  logDroppedConnections(server, limits.maxConnections);
}

/** Connections over the cap are closed on accept ('drop'); one warning a minute says how many. */
function logDroppedConnections(server: Server, cap: number): void {
  let dropped = 0;
  let lastLog = 0;
  server.on('drop', () => {
    dropped += 1;
    const now = Date.now();
    if (now - lastLog < DROP_LOG_EVERY_MS) return;
    logger.warn(`refused ${dropped} connection(s): ${cap} open (HTTP_MAX_CONNECTIONS)`);
    lastLog = now;
    dropped = 0;
  });
}
