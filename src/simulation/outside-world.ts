import type { MockMailServer } from '../../mock-servers/index.ts';
import { SmtpSender, type SendResult } from '../mail-sync/index.ts';
import type { VirtualClock } from './virtual-clock.ts';

export interface IncomingEmail {
  /** "Name <address>" or a bare address. */
  from: string;
  to: string;
  subject: string;
  text?: string;
  /** Marks the message as an upstream spam filter does (X-Spam-Flag: YES). */
  markedAsSpam?: boolean;
  /** Reply-To: where answers go, and who the CRM takes as the sender (faq-rules §2). */
  replyTo?: string;
  /** Threading headers (RFC 5322 §3.6.4), as a mail client sets them when replying (R2.8). */
  inReplyTo?: string;
  references?: string[];
}

/**
 * Customers and other outside parties: they reach the mailboxes only through the SMTP server, as
 * any MTA would, over one pooled connection per scenario (smtp-server delays every new greeting).
 */
export class OutsideWorld {
  private readonly mail: MockMailServer;
  private readonly clock: VirtualClock;
  private sender: SmtpSender | undefined;

  constructor(mail: MockMailServer, clock: VirtualClock) {
    this.mail = mail;
    this.clock = clock;
  }

  send(email: IncomingEmail): Promise<SendResult> {
    return this.smtp().send({
      from: email.from,
      to: email.to,
      subject: email.subject,
      text: email.text ?? `${email.subject}\n`,
      date: this.clock.now(),
      ...(email.markedAsSpam ? { headers: { 'X-Spam-Flag': 'YES' } } : {}),
      ...(email.replyTo !== undefined && { replyTo: email.replyTo }),
      ...(email.inReplyTo !== undefined && { inReplyTo: email.inReplyTo }),
      ...(email.references !== undefined && { references: email.references }),
    });
  }

  /**
   * These exact bytes, with this envelope (RFC 5321 §2.3.1): how malformed mail reaches a mailbox
   * in real life. The server adds its trace fields as for any message; nodemailer sends the bytes
   * as they are, dot-stuffed.
   */
  sendRaw(from: string, to: string | readonly string[], raw: Buffer): Promise<SendResult> {
    return this.smtp().sendRaw({ from, to: typeof to === 'string' ? [to] : [...to] }, raw);
  }

  close(): void {
    this.sender?.close();
  }

  private smtp(): SmtpSender {
    const { host, smtpPort } = this.mail.address;
    this.sender ??= new SmtpSender({ host, port: smtpPort });
    return this.sender;
  }
}
