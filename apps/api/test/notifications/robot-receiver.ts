import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RobotMessage {
  platform: 'wecom' | 'dingtalk';
  body: any;
  /** DingTalk: the sign checked against the secret; WeCom: the key in the URL */
  signatureValid: boolean;
  key: string | null;
}

/**
 * Stands in for the robots' endpoints on 127.0.0.1: `/cgi-bin/webhook/send?key=…` (企业微信) and
 * `/robot/send?access_token=…&timestamp=…&sign=…` (钉钉). It checks the JSON message format of each
 * and DingTalk's 加签 (HMAC-SHA256 over "<timestamp>\n<secret>", base64; written here
 * independently of the service's code), and answers as the platforms do: HTTP 200 with an errcode.
 */
export class RobotReceiver {
  readonly received: RobotMessage[] = [];
  /** answer this many next requests with errcode 45009 (WeCom's "api freq out of limit") */
  throttleNext = 0;
  url = '';
  private server: Server | null = null;

  constructor(private readonly dingtalkSecret: string) {}

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://robot');
        const answer = (errcode: number, errmsg: string) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode, errmsg }));
        if (this.throttleNext > 0) {
          this.throttleNext -= 1;
          return answer(45009, 'api freq out of limit');
        }
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const platform = url.pathname === '/robot/send' ? 'dingtalk' : 'wecom';
        const formatOk = platform === 'wecom' ? wecomFormatOk(body) : dingtalkFormatOk(body);
        const signatureValid = platform === 'dingtalk' ? this.dingtalkSigned(url) : url.searchParams.has('key');
        this.received.push({ platform, body, signatureValid, key: url.searchParams.get('key') });
        if (!formatOk) return answer(40008, 'invalid message type');
        return signatureValid ? answer(0, 'ok') : answer(310000, 'sign not match');
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private dingtalkSigned(url: URL): boolean {
    const timestamp = url.searchParams.get('timestamp') ?? '';
    const expected = createHmac('sha256', this.dingtalkSecret).update(`${timestamp}\n${this.dingtalkSecret}`).digest('base64');
    return /^\d{13}$/.test(timestamp) && url.searchParams.get('sign') === expected;
  }
}

function wecomFormatOk(body: any): boolean {
  if (body.msgtype === 'markdown') return typeof body.markdown?.content === 'string' && Buffer.byteLength(body.markdown.content) <= 4096;
  if (body.msgtype === 'text') return typeof body.text?.content === 'string' && Buffer.byteLength(body.text.content) <= 2048;
  return false;
}

function dingtalkFormatOk(body: any): boolean {
  if (body.msgtype === 'markdown') return typeof body.markdown?.title === 'string' && typeof body.markdown?.text === 'string';
  if (body.msgtype === 'text') return typeof body.text?.content === 'string';
  return false;
}
