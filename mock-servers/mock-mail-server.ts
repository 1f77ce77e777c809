import { ImapServer, type TranscriptEntry } from './imap/index.ts';
import { SmtpMockServer, type SmtpDeliveryEvent } from './smtp/index.ts';
import { MailStore, type Account, type Clock } from './store/index.ts';

export interface MockMailServerOptions {
  /** Time source for INTERNALDATE and trace fields; the wall clock if omitted. */
  clock?: Clock;
  host?: string;
  /** 0 (the default) lets the system pick free ports, so parallel runs never clash. */
  smtpPort?: number;
  imapPort?: number;
  maxMessageSize?: number;
}

/** One line of what happened on the wire, for a test's failure report. */
export type WireEvent =
  | { readonly protocol: 'imap'; readonly entry: TranscriptEntry }
  | { readonly protocol: 'smtp'; readonly delivery: SmtpDeliveryEvent };

export interface Endpoints {
  host: string;
  smtpPort: number;
  imapPort: number;
}

/**
 * The embeddable test mail server: one in-memory store behind a real SMTP server and a real IMAP
 * server on loopback. Any mail client can use it; it knows nothing of the CRM.
 */
export class MockMailServer {
  readonly store: MailStore;
  readonly smtp: SmtpMockServer;
  readonly imap: ImapServer;
  private readonly host: string;
  private endpoints: Endpoints | undefined;
  private readonly wireListeners = new Set<(event: WireEvent) => void>();

  constructor(options: MockMailServerOptions = {}) {
    this.host = options.host ?? '127.0.0.1';
    this.store = new MailStore(options.clock ? { clock: options.clock } : {});
    this.smtp = new SmtpMockServer({ store: this.store, host: this.host, port: options.smtpPort ?? 0, ...(options.maxMessageSize ? { maxMessageSize: options.maxMessageSize } : {}) });
    this.imap = new ImapServer({
      store: this.store,
      host: this.host,
      port: options.imapPort ?? 0,
      onLine: (entry) => this.emitWire({ protocol: 'imap', entry }),
    });
    this.smtp.onDelivery((delivery) => this.emitWire({ protocol: 'smtp', delivery }));
  }

  /** Every IMAP line (passwords redacted) and every SMTP delivery, as they happen. */
  onWire(listener: (event: WireEvent) => void): () => void {
    this.wireListeners.add(listener);
    return () => this.wireListeners.delete(listener);
  }

  private emitWire(event: WireEvent): void {
    for (const listener of [...this.wireListeners]) listener(event);
  }

  async start(): Promise<Endpoints> {
    const [smtp, imap] = await Promise.all([this.smtp.listen(), this.imap.listen()]);
    this.endpoints = { host: this.host, smtpPort: smtp.port, imapPort: imap.port };
    return this.endpoints;
  }

  get address(): Endpoints {
    if (!this.endpoints) throw new Error('The mock mail server is not started');
    return this.endpoints;
  }

  addAccount(address: string, password: string): Account {
    return this.store.createAccount({ address, password });
  }

  async stop(): Promise<void> {
    await Promise.all([this.smtp.close(), this.imap.close()]);
    this.endpoints = undefined;
  }
}
