import nodemailer, { type Transporter } from 'nodemailer';

export interface SmtpEndpoint {
  host: string;
  port: number;
  /** Omitted for outside parties, who hand mail to the server as any MX accepts it. */
  auth?: { user: string; password: string };
}

export interface OutgoingEmail {
  from: string;
  to: string | string[];
  cc?: string | string[];
  replyTo?: string;
  subject: string;
  text?: string;
  html?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string | string[];
  date?: Date;
  headers?: Record<string, string>;
}

export interface SendResult {
  messageId: string;
  accepted: string[];
  rejected: string[];
  /** The server's final reply, e.g. "250 2.0.0 Message queued as 3". */
  response: string;
}

/**
 * Sends mail over real SMTP with nodemailer. The transport is pooled: one connection is reused
 * for every message, as a mail client does, instead of a new SMTP handshake per message.
 */
export class SmtpSender {
  private readonly transport: Transporter;

  constructor(endpoint: SmtpEndpoint) {
    this.transport = nodemailer.createTransport({
      host: endpoint.host,
      port: endpoint.port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: 1,
      ...(endpoint.auth ? { auth: { user: endpoint.auth.user, pass: endpoint.auth.password } } : {}),
    });
  }

  async send(email: OutgoingEmail): Promise<SendResult> {
    const info = await this.transport.sendMail(email);
    return { messageId: String(info.messageId), accepted: addressList(info.accepted), rejected: addressList(info.rejected), response: String(info.response) };
  }

  /**
   * Sends an already built message as is, to the envelope given (RFC 5321 §2.3.1): what a client
   * does when it keeps the same bytes for its Sent folder.
   */
  async sendRaw(envelope: { from: string; to: string[] }, raw: Buffer): Promise<SendResult> {
    const info = await this.transport.sendMail({ envelope, raw });
    return { messageId: String(info.messageId), accepted: addressList(info.accepted), rejected: addressList(info.rejected), response: String(info.response) };
  }

  close(): void {
    this.transport.close();
  }
}

/** nodemailer reports accepted and rejected recipients as strings or address objects. */
function addressList(value: unknown): string[] {
  return Array.isArray(value) ? value.map((a) => (typeof a === 'string' ? a : String((a as { address?: string }).address))) : [];
}
