import type { ConfigIssue } from './config.error';

/** Limits of the HTTP edge: how long and how many, so slow or numerous clients cannot hold the service. */
export interface TransportLimits {
  /** a request must have sent all its headers within this time, or is answered 408 and closed */
  headersTimeoutMs: number;
  /** a request must have sent its whole body within this time (large CSV imports included) */
  requestTimeoutMs: number;
  /** an idle keep-alive connection is closed after this time */
  keepAliveTimeoutMs: number;
  /** headers beyond this count are ignored */
  maxHeadersCount: number;
  /** larger request headers are answered 431 */
  maxHeaderBytes: number;
  /** open TCP connections, all clients together (SSE streams included); more are closed on accept */
  maxConnections: number;
  /** open SSE alert streams in all; the next is refused with 503 */
  sseMaxStreams: number;
  /** open SSE alert streams of one user; the next is refused with 429 */
  sseMaxStreamsPerUser: number;
  /** how often the one shared poller reads new alerts for every open stream */
  ssePollMs: number;
  /** how often every open stream re-checks its token (and sends a comment to keep proxies from timing it out) */
  sseHeartbeatMs: number;
}

export const DEFAULT_TRANSPORT_LIMITS: Readonly<TransportLimits> = Object.freeze({
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  maxHeadersCount: 100,
  maxHeaderBytes: 16 * 1024,
  maxConnections: 1_000,
  sseMaxStreams: 200,
  sseMaxStreamsPerUser: 5,
  ssePollMs: 200,
  sseHeartbeatMs: 15_000,
});

/** The environment variable behind each limit (README lists them). */
export const TRANSPORT_VARIABLES = {
  headersTimeoutMs: 'HTTP_HEADERS_TIMEOUT_MS',
  requestTimeoutMs: 'HTTP_REQUEST_TIMEOUT_MS',
  keepAliveTimeoutMs: 'HTTP_KEEP_ALIVE_TIMEOUT_MS',
  maxHeadersCount: 'HTTP_MAX_HEADERS_COUNT',
  maxHeaderBytes: 'HTTP_MAX_HEADER_BYTES',
  maxConnections: 'HTTP_MAX_CONNECTIONS',
  sseMaxStreams: 'SSE_MAX_STREAMS',
  sseMaxStreamsPerUser: 'SSE_MAX_STREAMS_PER_USER',
  ssePollMs: 'SLA_STREAM_POLL_MS',
  sseHeartbeatMs: 'SLA_STREAM_HEARTBEAT_MS',
} as const satisfies Record<keyof TransportLimits, string>;

/**
 * Limits that are each in range but contradict one another. Node refuses a headers timeout
 * longer than the request timeout, and caps that could never be reached hide a misconfiguration.
 */
export function transportConflicts(limits: TransportLimits): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const v = TRANSPORT_VARIABLES;
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    issues.push({ variable: v.headersTimeoutMs, message: `must not exceed ${v.requestTimeoutMs} (${limits.requestTimeoutMs})` });
  }
  if (limits.sseMaxStreamsPerUser > limits.sseMaxStreams) {
    issues.push({ variable: v.sseMaxStreamsPerUser, message: `must not exceed ${v.sseMaxStreams} (${limits.sseMaxStreams})` });
  }
  if (limits.sseMaxStreams >= limits.maxConnections) {
    issues.push({ variable: v.sseMaxStreams, message: `must be below ${v.maxConnections} (${limits.maxConnections}), or streams leave no connection for anything else` });
  }
  return issues;
}
