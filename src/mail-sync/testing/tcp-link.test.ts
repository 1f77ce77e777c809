import { once } from 'node:events';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DROP, TcpLink } from './tcp-link.ts';

// A server that writes exactly the chunks it is told to, and a client that reads all it gets.
let server: Server | undefined;
let link: TcpLink | undefined;
afterEach(async () => {
  await link?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = link = undefined;
});

async function through(): Promise<{ upstream: Socket; client: Socket; received: () => Buffer; waitFor: (bytes: number) => Promise<void> }> {
  const accepted = new Promise<Socket>((resolve) => {
    server = createServer(resolve);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server!.address() as { port: number };
  link = new TcpLink({ host: '127.0.0.1', port });
  const endpoint = await link.start();
  const client = createConnection(endpoint);
  const chunks: Buffer[] = [];
  const waiting: { bytes: number; resolve: () => void }[] = [];
  const size = () => chunks.reduce((n, c) => n + c.length, 0);
  client.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    for (const w of waiting.filter((w) => size() >= w.bytes)) w.resolve();
  });
  const upstream = await accepted;
  return {
    upstream,
    client,
    received: () => Buffer.concat(chunks),
    waitFor: (bytes) => (size() >= bytes ? Promise.resolve() : new Promise((resolve) => waiting.push({ bytes, resolve }))),
  };
}

describe('TcpLink', () => {
  it('passes every byte unchanged while no rule is set, binary and split lines alike', async () => {
    const { upstream, received, waitFor } = await through();
    const bytes = Buffer.from([0x2a, 0x20, 0xff, 0x00, 0x0d, 0x0a, 0x80, 0x41, 0x0d]);
    upstream.write(bytes);
    await waitFor(bytes.length);
    upstream.write('\n* OK done\r\n');
    await waitFor(bytes.length + 12);
    expect(received()).toEqual(Buffer.concat([bytes, Buffer.from('\n* OK done\r\n')]));
  });

  it('applies a rule set mid-line from the next whole line, leaving the rest of the line under way alone', async () => {
    const { upstream, received, waitFor } = await through();
    upstream.write('* 1 FETCH (UID 1)\r\n* 2 FE');
    await waitFor(25);
    link!.rule = (line) => (line.includes('FETCH') ? line.replace('FETCH', 'fetch') : line);
    upstream.write('TCH (UID 2)\r\n* 3 FETCH (UID 3)\r\n');
    await waitFor(55);
    expect(received().toString('latin1')).toBe('* 1 FETCH (UID 1)\r\n* 2 FETCH (UID 2)\r\n* 3 fetch (UID 3)\r\n');
  });

  it('finds the end of a line whose CRLF was split between chunks', async () => {
    const { upstream, received, waitFor } = await through();
    upstream.write('* OK partial\r');
    await waitFor(13);
    link!.rule = (line) => (line.startsWith('* 4') ? DROP : line);
    upstream.write('\n* 4 FETCH (UID 4)\r\n');
    const closed = once(upstream, 'close');
    await closed;
    expect(received().toString('latin1')).toBe('* OK partial\r\n');
    expect(link!.dropped).toBe(1);
  });
});
