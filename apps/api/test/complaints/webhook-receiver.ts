import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  event: string;
  delivery: string;
  signatureValid: boolean;
  body: any;
}

/**
 * A webhook receiver on 127.0.0.1:0 that checks signatures the way a customer's system would:
 * HMAC-SHA256 over "<timestamp>.<raw body>" with the shared secret (written here independently
 * of the service's code, so a change in the signing scheme fails the test).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** answer this many next requests with 503, as a receiver that is down would */
  failNext = 0;
  refused = 0;
  private server: Server | null = null;
  url = '';

  constructor(private readonly secret: string) {}

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (this.failNext > 0) {
          this.failNext -= 1;
          this.refused += 1;
          return void res.writeHead(503).end();
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const timestamp = String(req.headers['x-crm-timestamp'] ?? '');
        const given = Buffer.from(String(req.headers['x-crm-signature'] ?? ''));
        const expected = Buffer.from(`sha256=${createHmac('sha256', this.secret).update(`${timestamp}.${raw}`).digest('hex')}`);
        const signatureValid = given.length === expected.length && timingSafeEqual(given, expected);
        this.received.push({ event: String(req.headers['x-crm-event']), delivery: String(req.headers['x-crm-delivery']), signatureValid, body: JSON.parse(raw) });
        res.writeHead(signatureValid ? 204 : 401).end();
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/sla`;
  }

  async waitFor(event: string, timeoutMs = 10_000): Promise<ReceivedWebhook> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find((r) => r.event === event);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${event} webhook within ${timeoutMs} ms; got ${JSON.stringify(this.received)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
