import { parseArgs } from 'node:util';
import { withConfigFile } from './cli-config-file.ts';
import { LIMIT_OPTIONS, LIMITS_USAGE, readLimitOptions } from './cli-limits.ts';
import { FAULT_KINDS, parseFault, type FaultRule } from './faults/index.ts';
import type { ListenerAddress, MockMailServerOptions } from './mock-mail-server.ts';

export const USAGE = `Usage: npm run mail-server -- [options]

  --host <address>            listen address (default 127.0.0.1)
  --smtp-port <port>          SMTP, AUTH optional (like 25); 0 = any free port (default)
  --imap-port <port>          IMAP (like 143); 0 = any free port (default)
  --user <address:password>   an account; repeat for more
  --submission-port <port>    also open SMTP submission, AUTH required (like 587)
  --tls                       TLS with the shipped test-only certificate for localhost:
                              STARTTLS on SMTP and IMAP, plus SMTPS and IMAPS listeners
  --tls-key <file>            TLS with this PEM private key (needs --tls-cert)
  --tls-cert <file>           ... and this PEM certificate chain
  --smtps-port <port>         implicit-TLS SMTP submission (like 465); default 0 with TLS
  --imaps-port <port>         implicit-TLS IMAP (like 993); default 0 with TLS
  --require-tls               no plaintext AUTH/LOGIN before STARTTLS (IMAP: LOGINDISABLED)
  --max-recipients <n>        recipients per SMTP transaction (452 4.5.3 past it)
  --max-message-size <bytes>  largest SMTP message (SIZE; 552 over it)
  --fault <spec>              a scripted fault, kind or kind:key=value,...; repeat for more:
                                refuse-recipient:nth=2,code=550   greylist:retry-after=5m
                                throttle:after=3                  slow:protocol=imap,delay=200ms
                                drop-after-commands:protocol=smtp,commands=2
                                drop-mid-fetch:after=5,nth=1      fail-command:command=SELECT,status=NO
  --seed <n>                  seed of probabilistic faults (default 1)
                              (every fault that fires is written to standard error)
  --http-port <port>          the HTTP API (/api/v1) and the page to read the mail (/);
                              0 = any free port (default); on --host, like the others
  --load <dir>                files every .eml under <dir> at start, by where it lies:
                                <dir>/<account>/<name>.eml           into INBOX
                                <dir>/<account>/<folder>/<name>.eml  into that folder
                                (nested directories are nested folders, created if missing;
                                name order is UID order; each account needs its --user)
  --config <file>             options as JSON by their long names, e.g.
                                {"user": ["sales@acme.test:secret"], "smtp-port": 2525,
                                 "fault": ["throttle:after=3"], "load": "mail"}
                              the command line wins over the file
  --help                      this text

${LIMITS_USAGE}

Once every listener accepts connections, prints one line:
  ready smtp=<port> imap=<port> [submission=<port>] [smtps=<port>] [imaps=<port>] http=<port>
and serves until SIGINT (Ctrl+C) or SIGTERM, then closes every socket and exits with 0.
Bad arguments exit with 2. A server for tests: it listens on 127.0.0.1 unless --host says otherwise.`;

export interface CliRequest {
  readonly help: boolean;
  readonly options: MockMailServerOptions;
  readonly users: ReadonlyArray<{ readonly address: string; readonly password: string }>;
  /** `--load`: a directory of .eml files to file at start. */
  readonly load?: string;
}

/** A wrong command line: the message says what to fix; the exit code is 2. */
export class CliArgumentError extends Error {}

/** Turns argv into server options, or throws CliArgumentError saying what is wrong. */
export function parseCliArguments(argv: readonly string[]): CliRequest {
  let values;
  try {
    ({ values } = parseArgs({
      args: withConfigFile(argv),
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        'smtp-port': { type: 'string' },
        'imap-port': { type: 'string' },
        'submission-port': { type: 'string' },
        'smtps-port': { type: 'string' },
        'imaps-port': { type: 'string' },
        user: { type: 'string', multiple: true, default: [] },
        tls: { type: 'boolean', default: false },
        'tls-key': { type: 'string' },
        'tls-cert': { type: 'string' },
        'require-tls': { type: 'boolean', default: false },
        'max-recipients': { type: 'string' },
        'max-message-size': { type: 'string' },
        fault: { type: 'string', multiple: true, default: [] },
        seed: { type: 'string' },
        'http-port': { type: 'string' },
        load: { type: 'string' },
        help: { type: 'boolean', default: false },
        ...LIMIT_OPTIONS,
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliArgumentError((error as Error).message);
  }
  const keyFile = values['tls-key'];
  const certFile = values['tls-cert'];
  if ((keyFile === undefined) !== (certFile === undefined)) throw new CliArgumentError('--tls-key and --tls-cert go together');
  const tlsWanted = values.tls || keyFile !== undefined;
  for (const option of ['smtps-port', 'imaps-port', 'require-tls'] as const) {
    if (values[option] !== undefined && values[option] !== false && !tlsWanted) throw new CliArgumentError(`--${option} needs --tls (or --tls-key and --tls-cert)`);
  }
  const users = values.user.map(readUser);
  const seen = new Set<string>();
  for (const { address } of users) {
    if (seen.has(address.toLowerCase())) throw new CliArgumentError(`--user ${address} is given twice`);
    seen.add(address.toLowerCase());
  }
  const optionalPort = (name: 'submission-port' | 'smtps-port' | 'imaps-port') => (values[name] === undefined ? undefined : readPort(values[name], name));
  const submissionPort = optionalPort('submission-port');
  const smtpsPort = optionalPort('smtps-port');
  const imapsPort = optionalPort('imaps-port');
  const maxRecipients = values['max-recipients'] === undefined ? undefined : readCount(values['max-recipients'], 'max-recipients');
  const maxMessageSize = values['max-message-size'] === undefined ? undefined : readCount(values['max-message-size'], 'max-message-size');
  const faults = values.fault.map(readFault);
  const seed = values.seed === undefined ? undefined : readSeed(values.seed);
  let limits;
  try {
    limits = readLimitOptions(values);
  } catch (error) {
    throw new CliArgumentError((error as Error).message);
  }
  const options: MockMailServerOptions = {
    host: values.host,
    smtpPort: readPort(values['smtp-port'], 'smtp-port'),
    imapPort: readPort(values['imap-port'], 'imap-port'),
    ...(keyFile !== undefined && certFile !== undefined ? { tls: { keyFile, certFile } } : values.tls ? { tls: true } : {}),
    ...(values['require-tls'] ? { requireTls: true } : {}),
    ...(submissionPort === undefined ? {} : { submission: true, submissionPort }),
    ...(smtpsPort === undefined ? {} : { smtpsPort }),
    ...(imapsPort === undefined ? {} : { imapsPort }),
    ...(maxRecipients === undefined ? {} : { maxRecipients }),
    ...(maxMessageSize === undefined ? {} : { maxMessageSize }),
    ...(faults.length > 0 ? { faults } : {}),
    ...(seed === undefined ? {} : { seed }),
    http: { port: readPort(values['http-port'], 'http-port') },
    ...limits,
  };
  return { help: values.help, options, users, ...(values.load === undefined ? {} : { load: values.load }) };
}

function readPort(value: string | undefined, name: string): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new CliArgumentError(`--${name} must be a port number from 0 to 65535, not "${value}"`);
  return port;
}

function readCount(value: string, name: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || count < 1 || !Number.isSafeInteger(count)) throw new CliArgumentError(`--${name} must be a whole number of at least 1, not "${value}"`);
  return count;
}

function readFault(spec: string): FaultRule {
  try {
    return parseFault(spec);
  } catch (error) {
    throw new CliArgumentError(`--fault ${spec}: ${(error as Error).message} (faults: ${FAULT_KINDS.join(', ')})`);
  }
}

function readSeed(value: string): number {
  const seed = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(seed)) throw new CliArgumentError(`--seed must be a whole number, not "${value}"`);
  return seed;
}

function readUser(value: string): { address: string; password: string } {
  const colon = value.indexOf(':');
  const address = value.slice(0, colon);
  if (colon <= 0 || colon === value.length - 1 || !/^[^@\s]+@[^@\s]+$/.test(address)) {
    throw new CliArgumentError(`--user must look like address:password, not "${value}"`);
  }
  return { address, password: value.slice(colon + 1) };
}

/** `ready smtp=… imap=…` first, as promised, then the other listeners in a fixed order. */
export function readyLine(listeners: readonly ListenerAddress[]): string {
  const port = (name: ListenerAddress['name']) => listeners.find((l) => l.name === name)?.port;
  const pairs = (['smtp', 'imap', 'submission', 'smtps', 'imaps', 'http'] as const)
    .flatMap((name) => (port(name) === undefined ? [] : [`${name}=${port(name)}`]));
  return `ready ${pairs.join(' ')}`;
}
