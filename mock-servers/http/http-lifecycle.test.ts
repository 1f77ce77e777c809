import { request } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MockMailServer } from '../mock-mail-server.ts';

/** The HTTP listener opens and closes with the others, and only when asked for. */
const refused = (port: number) => new Promise<boolean>((resolve) => {
  const socket = connect(port, '127.0.0.1');
  socket.on('connect', () => { socket.destroy(); resolve(false); });
  socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
});

describe('the HTTP listener of MockMailServer', () => {
  it('is closed unless the http option asks for it', async () => {
    const server = new MockMailServer();
    await server.start();
    expect(server.address.httpPort).toBeUndefined();
    expect(server.addresses().map((a) => a.name)).toEqual(['smtp', 'imap']);
    await server.stop();
  });

  it('is listed among the listeners, and stop() ends open event streams and closes it', async () => {
    const server = new MockMailServer({ http: true });
    await server.start();
    const port = server.address.httpPort!;
    expect(server.addresses().at(-1)).toEqual({ name: 'http', protocol: 'http', host: '127.0.0.1', port, tls: 'none', authRequired: false });
    const streamEnded = new Promise<string>((resolve, reject) => {
      request(`http://127.0.0.1:${port}/api/v1/events`, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes(': connected')) void server.stop();
        });
        response.on('end', () => resolve(text));
      }).on('error', reject).end();
    });
    expect(await streamEnded).toBe('retry: 1000\n: connected\n\n');
    await server.stop();
    expect(await refused(port)).toBe(true);
  });

  it('opens on the port it is given, and a port in use fails start() with the others closed', async () => {
    const first = new MockMailServer({ http: { port: 0 } });
    await first.start();
    const taken = first.address.httpPort!;
    const second = new MockMailServer({ http: { port: taken } });
    await expect(second.start()).rejects.toMatchObject({ code: 'EADDRINUSE', port: taken });
    await first.stop();
  });
});
