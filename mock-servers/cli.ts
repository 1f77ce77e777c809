/**
 * Runs the mock mail server on its own, for manual checks with any mail client:
 *
 *   npm run mail-server -- --user sales@acme.test:secret --smtp-port 2525 --imap-port 1143
 *
 * Prints one line per endpoint, then serves until interrupted (Ctrl+C or SIGTERM).
 */
import { parseArgs } from 'node:util';
import { MockMailServer } from './mock-mail-server.ts';

const USAGE = `Usage: npm run mail-server -- [--host 127.0.0.1] [--smtp-port 0] [--imap-port 0] [--user address:password ...]
Ports default to 0: the system picks free ones and the lines printed say which.`;

function readPort(value: string | undefined, name: string): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--${name} must be a port number from 0 to 65535, not "${value}"`);
  return port;
}

function readUser(value: string): { address: string; password: string } {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1 || !value.slice(0, colon).includes('@')) {
    throw new Error(`--user must look like address:password, not "${value}"`);
  }
  return { address: value.slice(0, colon), password: value.slice(colon + 1) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      'smtp-port': { type: 'string' },
      'imap-port': { type: 'string' },
      user: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const server = new MockMailServer({ host: values.host, smtpPort: readPort(values['smtp-port'], 'smtp-port'), imapPort: readPort(values['imap-port'], 'imap-port') });
  for (const user of values.user.map(readUser)) server.addAccount(user.address, user.password);
  const { host, smtpPort, imapPort } = await server.start();
  process.stdout.write(`SMTP listening on ${host}:${smtpPort}\nIMAP listening on ${host}:${imapPort}\n`);
  for (const account of server.store.allAccounts) process.stdout.write(`Account ${account.address}\n`);
  const stop = () => {
    server.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exitCode = 2;
});
