import type { MailConfig } from '@crm/config';
import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** the delivery id, as Message-ID and a header, so a receiver can tell a re-sent mail from a new one */
  deliveryId: string;
}

/** The one port e-mail leaves through (tests point it at a local SMTP receiver). */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** nodemailer over SMTP, one connection per message (a pass sends few; no pool to keep alive across replicas). */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(private readonly config: MailConfig) {
    const auth = config.user !== undefined ? { auth: { user: config.user, pass: config.pass ?? '' } } : {};
    this.transport = config.url
      ? createTransport(config.url)
      : createTransport({ host: config.host, port: config.port, secure: config.secure ?? false, ...auth, connectionTimeout: 10_000, socketTimeout: 20_000 });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const domain = /@([^>\s]+)>?$/.exec(this.config.from)?.[1] ?? 'crm.local';
    await this.transport.sendMail({
      from: this.config.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${mail.deliveryId.replace(/[^A-Za-z0-9.:_-]/g, '_')}@${domain}>`,
      headers: { 'X-CRM-Delivery': mail.deliveryId },
    });
  }

  close(): void {
    this.transport.close();
  }
}
