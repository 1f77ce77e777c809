import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** Cut the connection instead of passing the line on. */
export const DROP = Symbol('drop the connection');

/**
 * Decides what happens to one line the server sends (without its CRLF): the line itself, a
 * replacement, or DROP. `connection` counts the client's connections from 1.
 */
export type ServerLineRule = (line: string, connection: number) => string | typeof DROP;

/**
 * A TCP link between a client and a server on loopback that can break the way networks do: it
 * cuts a connection at a chosen server line, or rewrites a server line, so tests of what a
 * client does about a dropped connection or a changed UIDVALIDITY are exact, not timed. Lines
 * are read as latin1, so message bytes pass through unchanged.
 */
export class TcpLink {
  private readonly target: { host: string; port: number };
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private connections = 0;
  private drops = 0;
  rule: ServerLineRule | undefined;

  constructor(target: { host: string; port: number }) {
    this.target = target;
  }

  async start(): Promise<{ host: string; port: number }> {
    const server = createServer((client) => this.join(client));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, this.target.host, resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('The link has no TCP address');
    return { host: this.target.host, port: address.port };
  }

  /** How many connections were cut so far. */
  get dropped(): number {
    return this.drops;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private join(client: Socket): void {
    const connection = ++this.connections;
    const upstream = createConnection(this.target);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined); // the other side's close ends the pair below
    }
    client.on('data', (chunk) => upstream.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    let pending = '';
    // While no rule is set the bytes pass as they come, without being cut into lines: most
    // connections are never broken. A rule applies from the next line that starts after it is
    // set; the rest of a line already partly passed on goes through untouched.
    let midLine = false;
    let lastWasCr = false;
    upstream.on('data', (chunk: Buffer) => {
      if (this.rule === undefined && pending === '') {
        client.write(chunk);
        midLine = !endsWithCrlf(chunk);
        lastWasCr = chunk.at(-1) === CR;
        return;
      }
      if (midLine) {
        const end = endOfLine(chunk, lastWasCr);
        if (end === undefined) {
          client.write(chunk);
          lastWasCr = chunk.at(-1) === CR;
          return;
        }
        client.write(chunk.subarray(0, end));
        chunk = chunk.subarray(end);
        midLine = false;
      }
      pending += chunk.toString('latin1');
      const lines = pending.split('\r\n');
      pending = lines.pop() ?? '';
      const out: string[] = [];
      for (const line of lines) {
        const ruled = this.rule ? this.rule(line, connection) : line;
        if (ruled === DROP) {
          if (out.length > 0) client.write(Buffer.from(`${out.join('\r\n')}\r\n`, 'latin1'));
          this.drops++;
          client.destroy();
          upstream.destroy();
          return;
        }
        out.push(ruled);
      }
      if (out.length > 0) client.write(Buffer.from(`${out.join('\r\n')}\r\n`, 'latin1'));
    });
  }
}

const CR = 0x0d;
const LF = 0x0a;
/** Where the line under way ends (after its CRLF, which may have been split between chunks), if in this chunk. */
function endOfLine(chunk: Buffer, lastWasCr: boolean): number | undefined {
  if (lastWasCr && chunk[0] === LF) return 1;
  const crlf = chunk.indexOf('\r\n');
  return crlf < 0 ? undefined : crlf + 2;
}

const endsWithCrlf = (chunk: Buffer): boolean => chunk.length >= 2 && chunk[chunk.length - 2] === CR && chunk[chunk.length - 1] === LF;
