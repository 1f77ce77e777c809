import { DEFAULT_IMAP_LIMITS } from './imap/index.ts';
import type { MockMailServerOptions } from './mock-mail-server-types.ts';
import { DEFAULT_SMTP_LIMITS } from './smtp/index.ts';

/**
 * The limits on the command line: each one an option of the embedded server too. The command
 * line differs from the embedded defaults in two ways, as a server facing real clients should:
 * failed logins are answered after a delay (the embedded server answers at once so that tests
 * stay fast), and transcripts are kept only when asked for.
 */

/** The command line's delay before answering a failed login: Dovecot's auth_failure_delay. */
export const CLI_AUTH_FAILURE_DELAY_MS = 2000;

export const LIMITS_USAGE = `Limits (each answered with a clear error; see README "Limits and defaults"):
  --max-connections <n>       open connections per protocol (default ${DEFAULT_IMAP_LIMITS.maxConnections})
  --max-connections-per-address <n>
                              open connections per protocol from one address (default ${DEFAULT_IMAP_LIMITS.maxConnectionsPerAddress})
  --imap-autologout <time>    idle time before autologout once logged in (default 30m, RFC 3501 §5.4)
  --imap-login-timeout <time> idle time before autologout before login (default ${DEFAULT_IMAP_LIMITS.loginTimeoutMs / 1000}s)
  --smtp-timeout <time>       idle time before SMTP 421 4.4.2 (default ${DEFAULT_SMTP_LIMITS.idleTimeoutMs / 60_000}m)
  --auth-failure-delay <time> delay before a failed login is answered, times the failures so far
                              (default ${CLI_AUTH_FAILURE_DELAY_MS / 1000}s; 0 answers at once)
  --max-auth-failures <n>     failed logins per connection before it is closed (default ${DEFAULT_IMAP_LIMITS.maxAuthFailures})
  --max-literal-size <bytes>  largest IMAP literal, APPEND included (APPENDLIMIT; default ${DEFAULT_IMAP_LIMITS.maxLiteralSize})
  --max-line-length <bytes>   longest IMAP command line, literals excluded (default ${DEFAULT_IMAP_LIMITS.maxLineLength})
  --max-list-pattern <n>      characters of a LIST/LSUB reference and pattern (default ${DEFAULT_IMAP_LIMITS.maxListPatternLength})
  --transcripts               keep every connection's lines (bounded) and write them to standard error
  (<time> is a number with ms, s, m or h, e.g. 500ms, 30s, 5m)`;

/** The parseArgs options for the limits. */
export const LIMIT_OPTIONS = {
  'max-connections': { type: 'string' },
  'max-connections-per-address': { type: 'string' },
  'imap-autologout': { type: 'string' },
  'imap-login-timeout': { type: 'string' },
  'smtp-timeout': { type: 'string' },
  'auth-failure-delay': { type: 'string' },
  'max-auth-failures': { type: 'string' },
  'max-literal-size': { type: 'string' },
  'max-line-length': { type: 'string' },
  'max-list-pattern': { type: 'string' },
  transcripts: { type: 'boolean', default: false },
} as const;

type LimitValues = { readonly [K in keyof typeof LIMIT_OPTIONS]?: (typeof LIMIT_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

/** The server options the limit flags ask for; throws Error with the flag and what is wrong. */
export function readLimitOptions(values: LimitValues): Pick<MockMailServerOptions, 'imapLimits' | 'smtpLimits' | 'transcripts'> {
  const count = (name: keyof typeof LIMIT_OPTIONS) => optional(values[name], (text) => readCount(text, name));
  const time = (name: keyof typeof LIMIT_OPTIONS) => optional(values[name], (text) => readDuration(text, name));
  const maxConnections = count('max-connections');
  const maxConnectionsPerAddress = count('max-connections-per-address');
  const authFailureDelayMs = time('auth-failure-delay') ?? CLI_AUTH_FAILURE_DELAY_MS;
  const maxAuthFailures = count('max-auth-failures');
  const autologoutMs = time('imap-autologout');
  // RFC 3501 §5.4: the autologout timer of an authenticated session MUST be at least 30 minutes.
  if (autologoutMs !== undefined && autologoutMs < 30 * 60_000) throw new Error('--imap-autologout must be at least 30m (RFC 3501 §5.4)');
  const shared = {
    ...defined({ maxConnections, maxConnectionsPerAddress, maxAuthFailures }),
    authFailureDelayMs,
  };
  return {
    imapLimits: {
      ...shared,
      ...defined({
        autologoutMs,
        loginTimeoutMs: time('imap-login-timeout'),
        maxLiteralSize: count('max-literal-size'),
        maxLineLength: count('max-line-length'),
        maxListPatternLength: count('max-list-pattern'),
      }),
    },
    smtpLimits: { ...shared, ...defined({ idleTimeoutMs: time('smtp-timeout') }) },
    transcripts: values.transcripts === true,
  };
}

function optional<T>(value: string | boolean | undefined, read: (text: string) => T): T | undefined {
  return typeof value === 'string' ? read(value) : undefined;
}

function defined<T extends Record<string, number | undefined>>(values: T): { [K in keyof T]?: number } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: number };
}

function readCount(value: string, name: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || count < 1 || !Number.isSafeInteger(count)) throw new Error(`--${name} must be a whole number of at least 1, not "${value}"`);
  return count;
}

/** `500ms`, `30s`, `5m`, `1h`; a bare number is milliseconds. */
export function readDuration(value: string, name: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value);
  if (!match) throw new Error(`--${name} must be a time like 500ms, 30s or 5m, not "${value}"`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? 'ms') as 'ms' | 's' | 'm' | 'h'];
  return Math.round(Number(match[1]) * unit);
}
