import type { FaultRule } from './faults/index.ts';
import type { TranscriptLimits } from './embedded/transcripts.ts';
import type { ImapLimits, TranscriptEntry } from './imap/index.ts';
import type { OutboundMessage, SmtpDeliveryEvent, SmtpLimits } from './smtp/index.ts';
import type { Clock, FolderRole, StoreSnapshot } from './store/index.ts';
import type { TlsOption } from './tls/index.ts';

/** The mock mail server's options and the shapes its methods return. */

export interface MockMailServerOptions {
  /** Time source for INTERNALDATE and trace fields; the wall clock if omitted. */
  clock?: Clock;
  host?: string;
  /** 0 (the default) lets the system pick free ports, so parallel runs never clash. */
  smtpPort?: number;
  imapPort?: number;
  /** Largest message accepted over SMTP, in octets (SIZE, RFC 1870). */
  maxMessageSize?: number;
  /** Most recipients per SMTP transaction (452 4.5.3 past it). */
  maxRecipients?: number;
  /**
   * Pause 100 ms before the SMTP greeting, as smtp-server does on its own, and answer a client
   * that talks first with `421 … You talk too soon` (a pregreet test). Off by default: greeted at once.
   */
  smtpGreetingPause?: boolean;
  /**
   * TLS: `true` for the shipped test-only certificate (mock-servers/tls/), or a key and
   * certificate of your own. STARTTLS is then offered on SMTP and IMAP, and the implicit-TLS
   * listeners open too unless their port is `false`.
   */
  tls?: TlsOption;
  /** Plaintext AUTH/LOGIN refused until STARTTLS, on both protocols (IMAP: LOGINDISABLED). */
  requireTls?: boolean;
  /** Opens the SMTP submission listener (AUTH required, like port 587). */
  submission?: boolean;
  submissionPort?: number;
  /** Implicit-TLS SMTP submission (like 465); with `tls`, 0 unless `false`. */
  smtpsPort?: number | false;
  /** Implicit-TLS IMAP (like 993); with `tls`, 0 unless `false`. */
  imapsPort?: number | false;
  /** Accounts to create at once, each with the default folders. */
  users?: ReadonlyArray<{ readonly address: string; readonly password: string }>;
  /** Faults from the start: rules, or specs as `parseFault` reads them (`greylist:retry-after=5m`). */
  faults?: ReadonlyArray<FaultRule | string>;
  /** Seed of probabilistic faults (default 1): the same seed and traffic fail the same way. */
  seed?: number;
  /** Lines kept per connection in `transcripts()`, the latest (default 10,000); earlier ones are only counted. */
  transcriptLinesPerConnection?: number;
  /**
   * Opens the HTTP listener on `host`: the JSON API under /api/v1 and the page at / (see
   * mock-servers/http/). `true` or `{ port: 0 }` for any free port. Off by default.
   */
  http?: boolean | { readonly port?: number };
  /**
   * What `transcripts()` keeps: true (the default) within the limits of embedded/transcripts.ts,
   * other limits, or false for no lines at all (the command line's default).
   */
  transcripts?: boolean | Partial<TranscriptLimits>;
  /** Hears every transcript line as it is recorded (`IMAP#3 C: a1 LOGIN user ***`); the command line's --transcripts. */
  onTranscriptLine?: (line: string) => void;
  /** IMAP limits: connection caps, autologout, literal and pattern sizes, failed logins (imap/imap-limits.ts). */
  imapLimits?: Partial<ImapLimits>;
  /** SMTP limits: connection caps, idle time-out, failed AUTH (smtp/smtp-limits.ts). */
  smtpLimits?: Partial<SmtpLimits>;
}

/** A folder as `folders()` lists it. */
export interface FolderSummary {
  readonly name: string;
  readonly role: FolderRole | undefined;
  readonly uidValidity: number;
  readonly uidNext: number;
  readonly messages: number;
  readonly unseen: number;
  readonly subscribed: boolean;
}

/** Everything `restore` needs to put the server back: the store and the outbox. */
export interface MailServerSnapshot {
  readonly store: StoreSnapshot;
  readonly outbox: readonly OutboundMessage[];
}

/** One line of what happened on the wire, for a test's failure report. */
export type WireEvent =
  | { readonly protocol: 'imap'; readonly entry: TranscriptEntry }
  | { readonly protocol: 'smtp'; readonly delivery: SmtpDeliveryEvent };

export interface Endpoints {
  host: string;
  smtpPort: number;
  imapPort: number;
  /** Present when that listener is open. */
  submissionPort?: number;
  smtpsPort?: number;
  imapsPort?: number;
  httpPort?: number;
}

export type ListenerName = 'smtp' | 'submission' | 'smtps' | 'imap' | 'imaps' | 'http';

/** One open listener, as `addresses()` reports it. */
export interface ListenerAddress {
  readonly name: ListenerName;
  readonly protocol: 'smtp' | 'imap' | 'http';
  readonly host: string;
  readonly port: number;
  /** How TLS starts: never, by STARTTLS, or from the first byte. */
  readonly tls: 'none' | 'starttls' | 'implicit';
  /** Mail can only be handed over after AUTH (IMAP always needs a login; HTTP has none). */
  readonly authRequired: boolean;
}
