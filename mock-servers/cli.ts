/**
 * Runs the mock mail server on its own, for manual checks and for test suites in other
 * languages that start it as a process:
 *
 *   npm run mail-server -- --user sales@acme.test:secret --smtp-port 2525 --imap-port 1143
 *
 * Standard output carries exactly one line, `ready smtp=<port> imap=<port> ...`, written once
 * every listener accepts connections, so a parent process can wait for it instead of sleeping.
 * Errors, and every scripted fault that fires, go to standard error: exit code 2 for a bad command line (unreadable key and
 * certificate files included), 1 when the server cannot start (a port in use). SIGINT and
 * SIGTERM close every socket and exit with 0.
 */
import { CliArgumentError, parseCliArguments, readyLine, USAGE } from './cli-arguments.ts';
import type { MockMailServer } from './mock-mail-server.ts';

async function main(): Promise<number | undefined> {
  let request;
  try {
    request = parseCliArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliArgumentError)) throw error;
    process.stderr.write(`mail-server: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (request.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // The server's modules are loaded once the command line is known to be sound: `--help` and a
  // mistyped option answer at once.
  const [{ MockMailServer: Server }, { loadDirectory }] = await Promise.all([import('./mock-mail-server.ts'), import('./load-directory.ts')]);
  let server: MockMailServer;
  try {
    // Only configuration can fail here: an unreadable key or certificate file, say.
    const onTranscriptLine = (line: string) => process.stderr.write(`mail-server: ${line}\n`);
    server = new Server({ ...request.options, ...(request.options.transcripts ? { onTranscriptLine } : {}) });
  } catch (error) {
    process.stderr.write(`mail-server: ${(error as Error).message}\n`);
    return 2;
  }
  for (const user of request.users) server.addAccount(user.address, user.password);
  if (request.load !== undefined) {
    try {
      loadDirectory(server.store, request.load);
    } catch (error) {
      process.stderr.write(`mail-server: ${(error as Error).message}\n`);
      return 2;
    }
  }
  // Every fault that fires, on standard error: standard output carries the ready line only.
  server.faults.onFault((event) => process.stderr.write(`mail-server: fault (${event.protocol}) ${event.rule}: ${event.detail}\n`));
  // A signal that comes while the listeners are still opening waits for them, then closes them.
  const started = server.start();
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const stopped = () => process.exit(0);
    const failed = (error: unknown) => {
      process.stderr.write(`mail-server: could not stop cleanly: ${String(error)}\n`);
      process.exit(1);
    };
    // If the listeners could not open, main() reports that and exits with 1.
    started.then(() => server.stop().then(stopped, failed), () => undefined);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await started;
  if (!stopping) process.stdout.write(`${readyLine(server.addresses())}\n`);
  return undefined;
}

main().then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    const e = error as NodeJS.ErrnoException & { address?: string; port?: number };
    const reason = e.code === 'EADDRINUSE' ? `${e.address}:${e.port} is already in use` : e instanceof Error ? e.message : String(error);
    process.stderr.write(`mail-server: cannot start: ${reason}\n`);
    process.exitCode = 1;
  },
);
