import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { MailStore } from '../store/index.ts';
import { classifyRecipient, deliver, type DeliveryReport } from './delivery.ts';
import { prependHeaders } from './header-block.ts';
import { Outbox } from './outbox.ts';
import { formatRfc5322Date } from './rfc5322-date.ts';

export interface SmtpMockServerOptions {
  store: MailStore;
  host?: string;
  /** 0 (the default) picks any free port. */
  port?: number;
  /** Name used in the banner and in Received: fields. */
  hostname?: string;
  /** Largest message accepted, in octets (advertised with SIZE, RFC 1870). */
  maxMessageSize?: number;
}

export interface SmtpDeliveryEvent extends DeliveryReport {
  readonly mailFrom: string;
  readonly recipients: readonly string[];
}

/** An error whose responseCode smtp-server sends as the SMTP reply code. */
function smtpError(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code });
}

/**
 * The SMTP side of the mock mail server, on the `smtp-server` package: accepts mail on a loopback
 * port, files it into the store for local accounts and into the outbox for everyone else.
 * Authentication is optional (an MX accepts mail from anyone); when offered, it is checked
 * against the store's accounts.
 */
export class SmtpMockServer {
  readonly outbox = new Outbox();
  private readonly store: MailStore;
  private readonly host: string;
  private readonly requestedPort: number;
  private readonly hostname: string;
  private readonly server: SMTPServer;
  private readonly deliveryListeners = new Set<(event: SmtpDeliveryEvent) => void>();
  private traceCounter = 0;

  constructor(options: SmtpMockServerOptions) {
    this.store = options.store;
    this.host = options.host ?? '127.0.0.1';
    this.requestedPort = options.port ?? 0;
    this.hostname = options.hostname ?? 'mock-smtp.local';
    this.server = new SMTPServer({
      name: this.hostname,
      banner: 'Mock SMTP server ready',
      logger: false,
      // No reverse DNS for the client's address: loopback only, and a lookup would cost ~100 ms.
      disableReverseLookup: true,
      authOptional: true,
      authMethods: ['PLAIN', 'LOGIN'],
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      hideENHANCEDSTATUSCODES: false,
      size: options.maxMessageSize ?? 25 * 1024 * 1024,
      // Connections still open at close() are told 421 and dropped at once, so a test run never
      // waits on a client that forgot to QUIT.
      closeTimeout: 1,
      onAuth: (auth, _session, callback) => {
        const account = this.store.authenticate(auth.username ?? '', auth.password ?? '');
        if (!account) return callback(smtpError(535, 'Authentication credentials invalid'));
        callback(null, { user: account.address });
      },
      onRcptTo: (address, _session, callback) => {
        if (classifyRecipient(this.store, address.address).kind === 'unknown-local') {
          return callback(smtpError(550, `<${address.address}>: Recipient address rejected: User unknown in local recipient table`));
        }
        callback();
      },
      onData: (stream, session, callback) => this.receive(stream, session, callback),
    });
    // smtp-server reports socket-level problems here; they concern one client, never the server.
    this.server.on('error', () => undefined);
  }

  async listen(): Promise<AddressInfo> {
    await new Promise<void>((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(this.requestedPort, this.host, () => {
        this.server.server.off('error', reject);
        resolve();
      });
    });
    return this.server.server.address() as AddressInfo;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo | null)?.port ?? 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Called after each accepted message is filed, before the client sees 250. */
  onDelivery(listener: (event: SmtpDeliveryEvent) => void): () => void {
    this.deliveryListeners.add(listener);
    return () => this.deliveryListeners.delete(listener);
  }

  private receive(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null, message?: string) => void): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', (err: Error) => callback(err));
    stream.on('end', () => {
      if (stream.sizeExceeded) return callback(smtpError(552, 'Message exceeds fixed maximum message size'));
      const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
      const recipients = session.envelope.rcptTo.map((r) => r.address);
      const raw = prependHeaders(Buffer.concat(chunks), this.traceFields(session, mailFrom));
      const report = deliver(this.store, this.outbox, mailFrom, recipients, raw);
      const event: SmtpDeliveryEvent = { mailFrom, recipients, ...report };
      for (const listener of [...this.deliveryListeners]) listener(event);
      callback(null, `Message queued as ${this.traceCounter}`);
    });
  }

  /** Return-Path and Received, as every MTA adds on final delivery (RFC 5321 §4.4). */
  private traceFields(session: SMTPServerSession, mailFrom: string): string[] {
    const id = ++this.traceCounter;
    const helo = session.hostNameAppearsAs || 'unknown';
    const via = session.user ? 'ESMTPA' : 'ESMTP';
    return [
      `Return-Path: <${mailFrom}>`,
      `Received: from ${helo} (${session.remoteAddress}) by ${this.hostname} with ${via} id ${id}; ${formatRfc5322Date(this.store.clock())}`,
    ];
  }
}
