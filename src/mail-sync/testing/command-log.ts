import type { MockMailServer } from '../../../mock-servers/index.ts';

/** One command a client sent, as the server's wire showed it. */
export interface SentCommand {
  connection: number;
  /** The command's name, with UID in front where it has one: "UID FETCH", "STATUS". */
  name: string;
  line: string;
}

/**
 * The IMAP commands clients send to the server, read off its wire: what the tests of the
 * connector's round trips count. A command is a client line with a tag and a name in capitals;
 * the lines of a short literal (a message's header lines) and an IDLE's DONE are not commands.
 */
export class CommandLog {
  readonly commands: SentCommand[] = [];
  private readonly stop: () => void;

  constructor(server: MockMailServer) {
    this.stop = server.onWire((event) => {
      if (event.protocol !== 'imap' || event.entry.direction !== 'client') return;
      // A tag is letters and digits (imapflow's: 1, 2, … A, 1F); a header line of a literal has a colon.
      const match = /^[A-Za-z0-9.]+ ((?:UID )?[A-Z]+)(?: |$)/.exec(event.entry.line);
      if (match) this.commands.push({ connection: event.entry.connectionId, name: match[1]!, line: event.entry.line });
    });
  }

  /** The commands sent while `action` ran. */
  async during(action: () => Promise<unknown>): Promise<SentCommand[]> {
    const from = this.commands.length;
    await action();
    return this.commands.slice(from);
  }

  close(): void {
    this.stop();
  }
}
