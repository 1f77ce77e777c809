import { afterEach, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { MockMailServer } from '../mock-mail-server.ts';
import { resolveTls } from '../tls/index.ts';
import { SmtpServerSharingTls } from './shared-tls-context.ts';

const servers: MockMailServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

describe('TLS contexts shared between SMTP servers', () => {
  it("relies on smtp-server building its contexts in updateSecureContext(), called by its constructor", () => {
    // When this fails, read updateSecureContext() and the constructor in
    // node_modules/smtp-server/dist/esm/smtp-server.js and adapt mock-servers/smtp/shared-tls-context.ts.
    const plain = new SMTPServer({ disabledCommands: ['STARTTLS'] });
    expect(plain.secureContext).toBeInstanceOf(Map);
    expect(plain.secureContext.get('*')).toBeDefined();
    let called = 0;
    class Counting extends SMTPServer {
      override updateSecureContext(options?: Parameters<SMTPServer['updateSecureContext']>[0]): void {
        called += 1;
        super.updateSecureContext(options);
      }
    }
    new Counting({});
    expect(called).toBe(1);
  });

  it('gives servers with the same key and certificate one context, and others their own', () => {
    const { key, cert } = resolveTls(true);
    const [a, b] = [new SmtpServerSharingTls({ key, cert }), new SmtpServerSharingTls({ key, cert })];
    expect(a.secureContext).toBe(b.secureContext);
    const builtIn = new SmtpServerSharingTls({ disabledCommands: ['STARTTLS'] });
    expect(builtIn.secureContext).not.toBe(a.secureContext);
    expect(new SmtpServerSharingTls({ disabledCommands: ['STARTTLS'] }).secureContext).toBe(builtIn.secureContext);
    // Any other TLS setting, implicit TLS or an update with options: a context of its own.
    expect(new SmtpServerSharingTls({ key, cert, minVersion: 'TLSv1.3' }).secureContext).not.toBe(a.secureContext);
    expect(new SmtpServerSharingTls({ key, cert, secure: true }).secureContext).not.toBe(a.secureContext);
    const updated = new SmtpServerSharingTls({ key, cert });
    updated.updateSecureContext({ key, cert });
    expect(updated.secureContext).not.toBe(a.secureContext);
    expect(a.secureContext).toBe(b.secureContext);
  });

  it('still upgrades to TLS with STARTTLS on servers that share a context', async () => {
    for (let i = 0; i < 2; i += 1) {
      const server = new MockMailServer({ users: [{ address: 'sales@acme.test', password: 'secret' }], tls: true });
      servers.push(server);
      const { smtpPort } = await server.start();
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, requireTLS: true, tls: { rejectUnauthorized: false } });
      await transport.sendMail({ from: 'jan@client.test', to: 'sales@acme.test', subject: `over TLS ${i}`, text: 'Hello' });
      transport.close();
      expect(server.messages('sales@acme.test').map((m) => m.subject)).toEqual([`over TLS ${i}`]);
    }
  });
});
