export interface SseEvent {
  id: string | null;
  event: string;
  data: any;
}

/**
 * Reads a Server-Sent Events response with fetch (as a browser would without EventSource), so a
 * test can wait for the next event. Waiting is bounded in real time: it is transport, not business time.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  private buffer = '';
  private readonly controller = new AbortController();
  private done: Promise<void> = Promise.resolve();
  status = 0;
  /** heartbeat comments received so far */
  heartbeats = 0;
  /** the problem body when the stream was refused (not 2xx) */
  refusal: any = undefined;

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: client.controller.signal });
    client.status = response.status;
    if (response.ok && response.body) client.done = client.pump(response.body);
    else client.refusal = JSON.parse((await response.text()) || 'null');
    return client;
  }

  /** Resolves once the server has ended the stream; rejects after `timeoutMs` of real time. */
  async ended(timeoutMs = 10_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the stream was not ended within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`)), timeoutMs);
    });
    try {
      await Promise.race([this.done, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves once `count` more heartbeats have arrived: the stream is still open and re-checked. */
  async moreHeartbeats(count: number, timeoutMs = 10_000): Promise<void> {
    const target = this.heartbeats + count;
    const deadline = Date.now() + timeoutMs;
    while (this.heartbeats < target) {
      if (Date.now() > deadline) throw new Error(`fewer than ${count} heartbeats within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Resolves with the first event (at or after `from`) matching, or rejects after `timeoutMs`. */
  async next(match: (e: SseEvent) => boolean, from = 0, timeoutMs = 10_000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.slice(from).find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching SSE event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.done.catch(() => undefined);
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    const reader = body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        this.buffer += decoder.decode(value, { stream: true });
        this.drain();
      }
    } catch {
      /* aborted by close() or the server went away */
    }
  }

  private drain(): void {
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const fields = { id: null as string | null, event: 'message', data: [] as string[] };
      for (const line of block.split('\n')) {
        if (line === ': heartbeat') this.heartbeats += 1;
        if (line.startsWith(':') || !line.includes(':')) continue;
        const [name, ...rest] = line.split(':');
        const value = rest.join(':').replace(/^ /, '');
        if (name === 'id') fields.id = value;
        else if (name === 'event') fields.event = value;
        else if (name === 'data') fields.data.push(value);
      }
      if (fields.data.length > 0) this.events.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data.join('\n')) });
    }
  }
}
