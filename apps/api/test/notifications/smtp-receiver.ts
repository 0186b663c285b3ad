import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  delivery: string;
}

/**
 * A real SMTP server on 127.0.0.1:<random port> (smtp-server), parsing every message it accepts
 * with mailparser, as a mailbox would show it. `failNext` answers that many messages with
 * 451 (try again later), as a server that is busy would.
 */
export class SmtpReceiver {
  readonly received: ReceivedMail[] = [];
  failNext = 0;
  refused = 0;
  url = '';
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          if (this.failNext > 0) {
            this.failNext -= 1;
            this.refused += 1;
            return callback(Object.assign(new Error('mailbox busy, try again later'), { responseCode: 451 }));
          }
          this.received.push(toReceived(mail, session.envelope.rcptTo.map((r) => r.address)));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function toReceived(mail: ParsedMail, to: string[]): ReceivedMail {
  return { to, subject: mail.subject ?? '', text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '', delivery: String(mail.headers.get('x-crm-delivery') ?? '') };
}
