import { createTransport, type Transporter } from 'nodemailer';
import type { Recipient } from '../domain/notification';
import type { DeliveryDocument } from '../persistence/delivery.schema';
import { DeliveryError, type DeliveryChannel } from './channel';

export interface EmailSettings {
  /** smtp://[user:password@]host:port or smtps://…; never logged. */
  readonly smtpUrl: string;
  /** The From of every message: an address, or "Name <address>". */
  readonly from: string;
  readonly timeoutMs: number;
}

/** E-mail over SMTP to each recipient with an address; plain text, one message per recipient. */
export class EmailChannel implements DeliveryChannel {
  readonly name = 'email';
  readonly audience = 'person';
  private readonly transport: Transporter;

  constructor(private readonly settings: EmailSettings) {
    this.transport = createTransport({
      url: settings.smtpUrl,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
      // Nodemailer's own logging stays off: it would write addresses and message content.
      logger: false,
      debug: false,
    });
  }

  reaches(recipient: Recipient): boolean {
    return recipient.email !== undefined;
  }

  async send(d: DeliveryDocument): Promise<void> {
    const to = d.to[0];
    if (!to?.email) throw new DeliveryError('e-mail: the recipient has no address', true);
    try {
      await this.transport.sendMail({
        from: this.settings.from,
        to: to.name ? { name: to.name, address: to.email } : to.email,
        subject: d.subject,
        text: d.link ? `${d.body}\n\n${d.link}` : d.body,
        // The same Message-ID on a retry lets a mail client show one message.
        messageId: `<${d._id}@notifications.buqi>`,
        headers: { 'X-Buqi-Notification': d.notificationId },
      });
    } catch (err) {
      throw smtpFailure(err);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/** A Nodemailer error as a DeliveryError: its code and the server's reply code, not the message. */
function smtpFailure(err: unknown): DeliveryError {
  const e = err as { code?: string; responseCode?: number; permanent?: boolean; message?: string };
  const parts = [e.code, e.responseCode].filter((p) => p !== undefined).join(' ');
  // The reply text of a refusal (e.g. "550 5.1.1 mailbox unavailable") says why; cut it short.
  const reply = e.responseCode !== undefined && e.message ? `: ${e.message.slice(0, 200)}` : '';
  return new DeliveryError(`e-mail: SMTP failed${parts ? ` (${parts})` : ''}${reply}`, e.permanent === true);
}
