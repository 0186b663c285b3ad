import { connect, type Socket } from 'node:net';

export interface RawReply {
  /** the status of the first response, null when the server sent nothing */
  status: number | null;
  /** everything the server sent, as text */
  text: string;
  /** the JSON body of the first response, when it has one */
  body: any;
}

/**
 * One TCP connection that sends exactly what it is told and then stalls, as a slow or hostile
 * client does; `fetch` would always finish its request. Waits are bounded in real time.
 */
export class RawConnection {
  private received = '';
  private closed = false;
  private readonly closing: Promise<void>;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (this.received += chunk));
    this.closing = new Promise((resolve) => socket.on('close', () => resolve()));
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => undefined); // a reset is one of the outcomes under test
  }

  static open(baseUrl: string): Promise<RawConnection> {
    const { hostname, port } = new URL(baseUrl);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  write(data: string | Buffer): void {
    if (!this.closed) this.socket.write(data);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Resolves with what the server sent once it has closed the connection. */
  async closedByServer(timeoutMs = 10_000): Promise<RawReply> {
    await within(this.closing, timeoutMs, () => `the server did not close the connection within ${timeoutMs} ms; got ${JSON.stringify(this.received)}`);
    return parse(this.received);
  }

  /** Resolves with the first complete response (its head and Content-Length bytes of body). */
  async reply(timeoutMs = 10_000): Promise<RawReply> {
    const deadline = Date.now() + timeoutMs;
    while (!complete(this.received) && !this.closed) {
      if (Date.now() > deadline) throw new Error(`no complete response within ${timeoutMs} ms; got ${JSON.stringify(this.received)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return parse(this.received);
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** A request head with the given headers (Host is added); the body, if any, is written separately. */
export function requestHead(method: string, path: string, headers: Record<string, string | number> = {}): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function complete(text: string): boolean {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end));
  return !length || Buffer.byteLength(text.slice(end + 4)) >= Number(length[1]);
}

function parse(text: string): RawReply {
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  const end = text.indexOf('\r\n\r\n');
  let body: unknown;
  try {
    body = end >= 0 && text.length > end + 4 ? JSON.parse(text.slice(end + 4)) : undefined;
  } catch {
    body = undefined;
  }
  return { status: status ? Number(status[1]) : null, text, body };
}

async function within(promise: Promise<void>, timeoutMs: number, message: () => string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message())), timeoutMs)));
  try {
    await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
