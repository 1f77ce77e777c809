import { AnotherClient } from './embedded/another-client.ts';
import { deliverDirectly, type DeliverOptions, type DeliveredCopy } from './embedded/deliver-directly.ts';
import { summarise, type MessageSummary } from './embedded/message-summary.ts';
import { resetStore } from './embedded/reset-store.ts';
import { TranscriptBook, type Transcript, type TranscriptLimits } from './embedded/transcripts.ts';
import { waitForMessages, type WaitForMessagesOptions } from './embedded/wait-for-messages.ts';
import { FaultPlan, parseFault } from './faults/index.ts';
import { MailHttpServer } from './http/http-server.ts';
import { ImapServer, type TranscriptEntry } from './imap/index.ts';
import type { Endpoints, FolderSummary, ListenerAddress, MailServerSnapshot, MockMailServerOptions, WireEvent } from './mock-mail-server-types.ts';
import { SmtpMockServer } from './smtp/index.ts';
import { MailStore, type Account } from './store/index.ts';
import { resolveTls, type TlsCredentials } from './tls/index.ts';

export type { Endpoints, FolderSummary, ListenerAddress, ListenerName, MailServerSnapshot, MockMailServerOptions, WireEvent } from './mock-mail-server-types.ts';

const SMTP_NAMES = { inbound: 'smtp', submission: 'submission', 'implicit-tls': 'smtps' } as const;

/**
 * The embeddable test mail server: one in-memory store behind real SMTP and IMAP servers on
 * loopback, with optional TLS. Any mail client can use it; it knows nothing of the CRM.
 */
export class MockMailServer {
  readonly store: MailStore;
  /**
   * The scripted faults both servers obey: `server.faults.add(parseFault('throttle:after=3'))`
   * or a rule object; `add` returns the function that removes the rule, `clear()` removes all.
   */
  readonly faults: FaultPlan;
  /** Changes by another mail client, addressed by account, folder and UID; sessions hear of them. */
  readonly asAnotherClient: AnotherClient;
  private readonly transcriptBook: TranscriptBook;
  private stopping: Promise<void> | undefined;
  readonly smtp: SmtpMockServer;
  readonly imap: ImapServer;
  /** The implicit-TLS IMAP server, when open. */
  readonly imaps: ImapServer | undefined;
  /** The HTTP API and page, with the `http` option. */
  readonly http: MailHttpServer | undefined;
  private readonly host: string;
  private readonly credentials: TlsCredentials | undefined;
  private endpoints: Endpoints | undefined;
  private readonly wireListeners = new Set<(event: WireEvent) => void>();

  constructor(options: MockMailServerOptions = {}) {
    this.host = options.host ?? '127.0.0.1';
    this.credentials = options.tls ? resolveTls(options.tls) : undefined;
    const tls = this.credentials;
    if (!tls && (options.requireTls || typeof options.smtpsPort === 'number' || typeof options.imapsPort === 'number')) {
      throw new Error('requireTls, smtpsPort and imapsPort need the tls option (true for the shipped test certificate)');
    }
    const implicitPort = (port: number | false | undefined) => (tls && port !== false ? port ?? 0 : undefined);
    this.store = new MailStore(options.clock ? { clock: options.clock } : {});
    this.faults = new FaultPlan({ seed: options.seed ?? 1, clock: this.store.clock });
    for (const fault of options.faults ?? []) this.faults.add(typeof fault === 'string' ? parseFault(fault) : fault);
    this.asAnotherClient = new AnotherClient(this.store);
    const book = new TranscriptBook(this.store.clock, transcriptLimits(options), options.onTranscriptLine);
    this.transcriptBook = book;
    // One id sequence for every connection of both protocols, so a transcript id names one connection.
    let lastConnectionId = 0;
    const nextConnectionId = () => ++lastConnectionId;
    this.smtp = new SmtpMockServer({
      store: this.store,
      host: this.host,
      port: options.smtpPort ?? 0,
      ...(options.maxMessageSize ? { maxMessageSize: options.maxMessageSize } : {}),
      ...(options.maxRecipients ? { maxRecipients: options.maxRecipients } : {}),
      ...(options.smtpGreetingPause ? { greetingPause: true } : {}),
      ...(tls ? { tls, requireTls: options.requireTls ?? false } : {}),
      ...(options.submission || options.submissionPort !== undefined ? { submissionPort: options.submissionPort ?? 0 } : {}),
      ...(implicitPort(options.smtpsPort) === undefined ? {} : { implicitTlsPort: implicitPort(options.smtpsPort) }),
      faults: this.faults,
      nextConnectionId,
      transcript: {
        opened: (id, remote) => book.opened('smtp', id, remote),
        line: (id, direction, text) => book.line(id, direction, text),
        fault: (id, event) => book.fault(id, event),
        closed: (id) => book.closed(id),
      },
      ...(options.smtpLimits ? { limits: options.smtpLimits } : {}),
    });
    const imapOptions = {
      store: this.store,
      host: this.host,
      onLine: (entry: TranscriptEntry) => {
        book.line(entry.connectionId, entry.direction, entry.line);
        this.emitWire({ protocol: 'imap', entry });
      },
      nextConnectionId,
      onConnection: ({ connectionId, remote }: { connectionId: number; remote: string }) => book.opened('imap', connectionId, remote),
      onDisconnect: (connectionId: number) => book.closed(connectionId),
      // Without transcripts nor onWire listeners, responses are not decoded into lines at all.
      wantsServerLines: () => book.keepsLines || this.wireListeners.size > 0,
      ...(options.imapLimits ? { limits: options.imapLimits } : {}),
      faults: this.faults,
      onFault: (connectionId: number, event: Parameters<TranscriptBook['fault']>[1]) => book.fault(connectionId, event),
      ...(tls ? { tls, requireTls: options.requireTls ?? false } : {}),
    };
    this.imap = new ImapServer({ ...imapOptions, port: options.imapPort ?? 0 });
    const imapsPort = implicitPort(options.imapsPort);
    this.imaps = imapsPort === undefined ? undefined : new ImapServer({ ...imapOptions, port: imapsPort, implicitTls: true });
    this.smtp.onDelivery((delivery) => this.emitWire({ protocol: 'smtp', delivery }));
    this.http = options.http ? this.httpServer(options.http === true ? 0 : options.http.port ?? 0, options.maxMessageSize) : undefined;
    for (const user of options.users ?? []) this.addAccount(user.address, user.password);
  }

  /** The certificate the servers present (PEM), for clients to trust as their CA; undefined without TLS. */
  get certificate(): Buffer | undefined {
    return this.credentials?.cert;
  }

  /** Every IMAP line (passwords redacted) and every SMTP delivery, as they happen. */
  onWire(listener: (event: WireEvent) => void): () => void {
    this.wireListeners.add(listener);
    return () => this.wireListeners.delete(listener);
  }

  private emitWire(event: WireEvent): void {
    for (const listener of [...this.wireListeners]) listener(event);
  }

  /** Opens every listener; if one cannot (say its port is taken), closes the others and rejects. */
  async start(): Promise<Endpoints> {
    const opening = [this.smtp.listen(), this.imap.listen(), this.imaps?.listen(), this.http?.listen()] as const;
    const failure = (await Promise.allSettled(opening)).find((result) => result.status === 'rejected');
    if (failure) {
      await this.stop();
      throw failure.reason;
    }
    const [smtp, imap, imaps, http] = await Promise.all(opening);
    const byKind = new Map(this.smtp.addresses().map((a) => [a.kind, a.port]));
    const submissionPort = byKind.get('submission');
    const smtpsPort = byKind.get('implicit-tls');
    this.endpoints = {
      host: this.host,
      smtpPort: smtp.port,
      imapPort: imap.port,
      ...(submissionPort === undefined ? {} : { submissionPort }),
      ...(smtpsPort === undefined ? {} : { smtpsPort }),
      ...(imaps ? { imapsPort: imaps.port } : {}),
      ...(http ? { httpPort: http.port } : {}),
    };
    return this.endpoints;
  }

  get address(): Endpoints {
    if (!this.endpoints) throw new Error('The mock mail server is not started');
    return this.endpoints;
  }

  /** Every listener that is open: SMTP ones first (smtp, submission, smtps), then imap, imaps, http. */
  addresses(): ListenerAddress[] {
    const { host, imapPort, imapsPort, httpPort } = this.address;
    const tlsConfigured = this.credentials !== undefined;
    const smtp = this.smtp.addresses().map((a): ListenerAddress => ({ name: SMTP_NAMES[a.kind], protocol: 'smtp', host, port: a.port, tls: a.tls, authRequired: a.authRequired }));
    const imap: ListenerAddress[] = [{ name: 'imap', protocol: 'imap', host, port: imapPort, tls: tlsConfigured ? 'starttls' : 'none', authRequired: true }];
    if (imapsPort !== undefined) imap.push({ name: 'imaps', protocol: 'imap', host, port: imapsPort, tls: 'implicit', authRequired: true });
    const http: ListenerAddress[] = httpPort === undefined ? [] : [{ name: 'http', protocol: 'http', host, port: httpPort, tls: 'none', authRequired: false }];
    return [...smtp, ...imap, ...http];
  }

  private httpServer(port: number, maxMessageSize: number | undefined): MailHttpServer {
    const control = {
      store: this.store,
      outbox: this.smtp.outbox,
      faults: this.faults,
      asAnotherClient: this.asAnotherClient,
      onDelivery: (listener: Parameters<SmtpMockServer['onDelivery']>[0]) => this.smtp.onDelivery(listener),
      addresses: () => this.addresses(),
      transcripts: () => this.transcripts(),
      addAccount: (address: string, password: string) => this.addAccount(address, password),
      reset: () => this.reset(),
      snapshot: () => this.snapshot(),
      restore: (snapshot: MailServerSnapshot) => this.restore(snapshot),
      maxMessageSize: maxMessageSize ?? 25 * 1024 * 1024,
    };
    return new MailHttpServer({ control, host: this.host, port });
  }

  addAccount(address: string, password: string): Account {
    return this.store.createAccount({ address, password });
  }

  /** Closes every listener and connection. Safe to call more than once, and before start(). */
  stop(): Promise<void> {
    this.stopping ??= Promise.all([this.smtp.close(), this.imap.close(), this.imaps?.close(), this.http?.close()]).then(() => {
      this.endpoints = undefined;
    });
    return this.stopping;
  }

  /** The same as stop(), for `await using`-style and test-framework habits. */
  close(): Promise<void> {
    return this.stop();
  }

  // The embedded test API: deliver and read mail without a client, wait, reset, snapshot.

  /**
   * Files a message as if it had arrived, without SMTP: for each hosted recipient a copy in
   * `folder`, or in INBOX (Spam when it carries `X-Spam-Flag: YES`, as SMTP delivery does).
   * No trace fields are added. Recipients the server does not host are an error.
   */
  deliver(raw: Buffer | string, options: DeliverOptions): DeliveredCopy[] {
    return deliverDirectly(this.store, typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw, options);
  }

  /** The account's folders with their counts and UID state. */
  folders(address: string): FolderSummary[] {
    const account = this.account(address);
    return account.folders.map((folder) => ({
      name: folder.name,
      role: folder.role,
      uidValidity: folder.uidValidity,
      uidNext: folder.uidNext,
      messages: folder.messages.length,
      unseen: folder.unseenCount,
      subscribed: account.isSubscribed(folder.name),
    }));
  }

  /** The messages of one folder (INBOX by default), in UID order, with their flags and main headers. */
  messages(address: string, folder = 'INBOX'): MessageSummary[] {
    const account = this.account(address);
    const box = account.folder(folder);
    if (!box) throw new Error(`${account.address} has no folder "${folder}"; folders: ${account.folders.map((f) => f.name).join(', ')}`);
    return box.messages.map((message) => summarise(account, box, message));
  }

  /** Resolves once `count` messages match (those already stored count); event-driven, see WaitForMessagesOptions. */
  waitForMessages(options: WaitForMessagesOptions = {}): Promise<MessageSummary[]> {
    return waitForMessages(this.store, options);
  }

  /**
   * Ends every session idle past its limit by the server's clock: IMAP autologout (RFC 3501
   * §5.4) and the SMTP time-out. The servers look by themselves every second; after moving a
   * virtual clock forward, call this to have the effect at once. Returns how many were ended.
   */
  expireIdleConnections(): number {
    return this.imap.expireIdleSessions() + (this.imaps?.expireIdleSessions() ?? 0) + this.smtp.expireIdleConnections();
  }

  /** Every connection's lines so far, both protocols, passwords redacted, faults marked. */
  transcripts(): Transcript[] {
    return this.transcriptBook.all();
  }

  /**
   * Back to empty, keeping the accounts and the listeners: every message and folder of one's
   * own goes (sessions hear EXPUNGE as from another client), the outbox empties, faults and
   * their counters and transcripts are cleared. UIDs keep counting up, as after any expunge.
   */
  reset(): void {
    resetStore(this.store);
    this.smtp.outbox.clear();
    this.faults.clear();
    this.transcriptBook.clear();
  }

  /** The store (accounts, folders, UIDs, UIDVALIDITY, flags, subscriptions) and the outbox, as data. */
  snapshot(): MailServerSnapshot {
    return { store: this.store.snapshot(), outbox: [...this.smtp.outbox.messages] };
  }

  /**
   * Puts the server back as the snapshot had it. Open IMAP sessions are told `* BYE` and
   * closed first: what they knew of their mailbox may no longer hold, and a client that
   * reconnects sees the restored state whole. Faults and transcripts are left as they are.
   */
  restore(snapshot: MailServerSnapshot): void {
    const text = 'Mailbox state restored by the test, please reconnect';
    this.imap.byeAll(text);
    this.imaps?.byeAll(text);
    this.store.restore(snapshot.store);
    this.smtp.outbox.replaceWith(snapshot.outbox);
  }

  private account(address: string): Account {
    const account = this.store.account(address);
    if (!account) throw new Error(`No account ${address} on the mail server; accounts: ${this.store.allAccounts.map((a) => a.address).join(', ') || 'none'}`);
    return account;
  }
}

/** What the transcript book keeps: nothing with `transcripts: false`, else the limits asked for. */
function transcriptLimits(options: MockMailServerOptions): Partial<TranscriptLimits> {
  if (options.transcripts === false) return { linesPerConnection: 0, charsPerConnection: 0, closedChars: 0 };
  const limits = typeof options.transcripts === 'object' ? options.transcripts : {};
  return { ...(options.transcriptLinesPerConnection === undefined ? {} : { linesPerConnection: options.transcriptLinesPerConnection }), ...limits };
}
