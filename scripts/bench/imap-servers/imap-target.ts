/** An IMAP server holding the benchmark corpus in its INBOX, ready for a client to log in. */
export interface ImapTarget {
  /** Name and version, as printed in the results. */
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The server's process when it has its own (Dovecot, a child process), for its CPU time. */
  readonly pid?: number | undefined;
}

export const BENCH_USER = 'sales@acme.test';
export const BENCH_PASSWORD = 'secret';
