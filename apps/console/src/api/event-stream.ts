import { useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/session.context';
import type { ApiClient } from './api-client';

export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface StreamHandlers {
  /** named SSE events (`event: <name>`) → handler of the parsed JSON data */
  on: Record<string, (data: unknown, event: MessageEvent) => void>;
  onStatus?: (status: StreamStatus) => void;
}

/**
 * Opens a Server-Sent Events stream of the API. EventSource cannot send headers, so the bearer
 * token travels as `access_token` in the query (the API's guard accepts it there). The browser
 * reconnects by itself after a drop; returns the function that closes the stream.
 */
export function openEventStream(api: ApiClient, path: string, handlers: StreamHandlers): () => void {
  const token = api.token();
  const source = new EventSource(api.url(path, token ? { access_token: token } : undefined));
  handlers.onStatus?.('connecting');
  source.onopen = () => handlers.onStatus?.('open');
  source.onerror = () => handlers.onStatus?.(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
  for (const [name, handle] of Object.entries(handlers.on)) {
    source.addEventListener(name, (event) => {
      const message = event as MessageEvent<string>;
      handle(parseData(message.data), message);
    });
  }
  return () => {
    source.close();
    handlers.onStatus?.('closed');
  };
}

function parseData(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/**
 * `openEventStream` for a component's lifetime; the latest handlers are used without reconnecting.
 * A new token (signed in again after a 401, or in another tab: ADR 0034) reopens the stream with it,
 * since EventSource would otherwise keep retrying with the refused one in its URL.
 */
export function useEventStream(api: ApiClient, path: string | null, on: StreamHandlers['on']): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>('closed');
  const token = useSession().session?.accessToken;
  const latest = useRef(on);
  latest.current = on;
  const names = Object.keys(on).sort().join(',');
  useEffect(() => {
    if (!path) return undefined;
    const proxies = Object.fromEntries(names.split(',').filter(Boolean).map((n) => [n, (d: unknown, e: MessageEvent) => latest.current[n]?.(d, e)]));
    return openEventStream(api, path, { on: proxies, onStatus: setStatus });
  }, [api, path, names, token]);
  return status;
}
