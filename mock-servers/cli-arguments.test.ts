import { describe, expect, it } from 'vitest';
import { parseCliArguments, readyLine } from './cli-arguments.ts';
import type { ListenerAddress } from './mock-mail-server.ts';

describe('mail-server command line', () => {
  // Unlike the embedded server, the command line delays failed logins and keeps no transcripts.
  const COMMAND_LINE_DEFAULTS = { imapLimits: { authFailureDelayMs: 2000 }, smtpLimits: { authFailureDelayMs: 2000 }, transcripts: false, http: { port: 0 } };

  it('defaults to loopback and free ports, with no TLS', () => {
    expect(parseCliArguments([])).toEqual({ help: false, users: [], options: { host: '127.0.0.1', smtpPort: 0, imapPort: 0, ...COMMAND_LINE_DEFAULTS } });
  });

  it('reads every limit into the options of both protocols', () => {
    const request = parseCliArguments([
      '--max-connections', '200', '--max-connections-per-address', '20', '--imap-autologout', '45m', '--imap-login-timeout', '30s',
      '--smtp-timeout', '10m', '--auth-failure-delay', '0', '--max-auth-failures', '5', '--max-literal-size', '1048576',
      '--max-line-length', '8192', '--max-list-pattern', '256', '--transcripts',
    ]);
    const shared = { maxConnections: 200, maxConnectionsPerAddress: 20, maxAuthFailures: 5, authFailureDelayMs: 0 };
    expect(request.options.imapLimits).toEqual({
      ...shared, autologoutMs: 45 * 60_000, loginTimeoutMs: 30_000, maxLiteralSize: 1048576, maxLineLength: 8192, maxListPatternLength: 256,
    });
    expect(request.options.smtpLimits).toEqual({ ...shared, idleTimeoutMs: 600_000 });
    expect(request.options.transcripts).toBe(true);
  });

  it.each([
    [['--imap-autologout', '10m'], '--imap-autologout must be at least 30m (RFC 3501 §5.4)'],
    [['--smtp-timeout', 'soon'], '--smtp-timeout must be a time like 500ms, 30s or 5m, not "soon"'],
    [['--max-connections', '0'], '--max-connections must be a whole number of at least 1, not "0"'],
  ])('refuses the limit %j', (args, message) => {
    expect(() => parseCliArguments(args)).toThrow(message);
  });

  it('reads every option', () => {
    const request = parseCliArguments([
      '--host', '::1', '--smtp-port', '2525', '--imap-port', '1143', '--submission-port', '0', '--smtps-port', '4465', '--imaps-port', '0',
      '--tls-key', 'k.pem', '--tls-cert', 'c.pem', '--require-tls', '--max-recipients', '50', '--max-message-size', '1048576',
      '--user', 'sales@acme.test:se:cret', '--user', 'ann@acme.test:pw',
    ]);
    expect(request.users).toEqual([{ address: 'sales@acme.test', password: 'se:cret' }, { address: 'ann@acme.test', password: 'pw' }]);
    expect(request.options).toEqual({
      host: '::1', smtpPort: 2525, imapPort: 1143, submission: true, submissionPort: 0, smtpsPort: 4465, imapsPort: 0,
      tls: { keyFile: 'k.pem', certFile: 'c.pem' }, requireTls: true, maxRecipients: 50, maxMessageSize: 1048576, ...COMMAND_LINE_DEFAULTS,
    });
    expect(parseCliArguments(['--tls']).options.tls).toBe(true);
    expect(parseCliArguments(['--help']).help).toBe(true);
  });

  it.each([
    [['--smtp-port', '70000'], '--smtp-port must be a port number from 0 to 65535, not "70000"'],
    [['--imap-port', '-1'], "Option '--imap-port' argument is ambiguous"],
    [['--imap-port', '1.5'], '--imap-port must be a port number from 0 to 65535, not "1.5"'],
    [['--smtp-port'], "Option '--smtp-port <value>' argument missing"],
    [['--user', 'no-password@acme.test'], '--user must look like address:password, not "no-password@acme.test"'],
    [['--user', 'not-an-address:pw'], '--user must look like address:password, not "not-an-address:pw"'],
    [['--user', 'a@acme.test:'], '--user must look like address:password, not "a@acme.test:"'],
    [['--user', 'a@acme.test:x', '--user', 'A@acme.test:y'], '--user A@acme.test is given twice'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['extra'], "Unexpected argument 'extra'"],
    [['--require-tls'], '--require-tls needs --tls (or --tls-key and --tls-cert)'],
    [['--imaps-port', '993'], '--imaps-port needs --tls (or --tls-key and --tls-cert)'],
    [['--tls-key', 'key.pem'], '--tls-key and --tls-cert go together'],
    [['--max-recipients', '0'], '--max-recipients must be a whole number of at least 1, not "0"'],
    [['--max-message-size', 'big'], '--max-message-size must be a whole number of at least 1, not "big"'],
    [['--fault', 'explode'], '--fault explode: Unknown fault "explode"'],
    [['--fault', 'throttle'], '--fault throttle: Fault "throttle" needs after=…'],
    [['--fault', 'greylist:retry-after=soon'], 'must be a duration like 200ms, 30s or 5m, not "soon"'],
    [['--fault', 'refuse-recipient:code=250'], 'needs a 4xx or 5xx reply code, not 250'],
    [['--seed', 'abc'], '--seed must be a whole number, not "abc"'],
  ])('refuses %j', (args, message) => {
    expect(() => parseCliArguments(args)).toThrow(message);
  });

  it('reads repeated --fault specs into rules, and --seed', () => {
    const request = parseCliArguments(['--fault', 'greylist:retry-after=5m', '--fault', 'refuse-recipient:nth=2,code=550', '--seed', '42']);
    expect(request.options.faults).toEqual([{ kind: 'greylist', retryAfterMs: 300_000 }, { kind: 'refuse-recipient', nth: 2, code: 550 }]);
    expect(request.options.seed).toBe(42);
    expect(parseCliArguments([]).options).not.toHaveProperty('faults');
  });

  it('puts smtp and imap first in the ready line, then the other listeners', () => {
    const at = (name: ListenerAddress['name'], port: number): ListenerAddress => ({ name, port, protocol: 'smtp', host: '127.0.0.1', tls: 'none', authRequired: false });
    expect(readyLine([at('smtp', 25), at('submission', 587), at('smtps', 465), at('imap', 143), at('imaps', 993)]))
      .toBe('ready smtp=25 imap=143 submission=587 smtps=465 imaps=993');
    expect(readyLine([at('imap', 143), at('smtp', 25)])).toBe('ready smtp=25 imap=143');
  });
});
