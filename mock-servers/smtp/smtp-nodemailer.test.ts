import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MailStore } from '../store/index.ts';
import { resolveTls, testCertificate } from '../tls/index.ts';
import type { SmtpListenerKind } from './listeners.ts';
import { SmtpMockServer } from './smtp-mock-server.ts';

/**
 * nodemailer, the client the CRM sends with, against every listener: plain, STARTTLS, implicit
 * TLS and submission with AUTH. It trusts the server through the shipped certificate as its CA.
 */
const NOW = new Date('2026-03-02T10:00:00Z');
let store: MailStore;
let server: SmtpMockServer;

beforeEach(async () => {
  store = new MailStore({ clock: () => NOW });
  store.createAccount({ address: 'sales@acme.test', password: 'secret' });
  server = new SmtpMockServer({ store, tls: resolveTls(true), submissionPort: 0, implicitTlsPort: 0 });
  await server.listen();
});
afterEach(() => server.close());

const portOf = (kind: SmtpListenerKind) => server.addresses().find((a) => a.kind === kind)!.port;
const auth = { user: 'sales@acme.test', pass: 'secret' };
const tls = { ca: testCertificate() };
const inbox = () => store.requireAccount('sales@acme.test').requireFolderByRole('inbox').messages;
const received = () => /Received: [^\r\n]* with (\w+) id/.exec(inbox()[0]!.raw.toString())?.[1];
const mail = { from: 'Zoë <zoe@client.test>', to: 'sales@acme.test', subject: 'Zapytanie o ofertę', text: 'Dzień dobry' };

describe('nodemailer against the mock SMTP server', () => {
  it('sends in plaintext when told to ignore TLS', async () => {
    await nodemailer.createTransport({ host: '127.0.0.1', port: portOf('inbound'), ignoreTLS: true }).sendMail(mail);
    expect(received()).toBe('ESMTP');
  });

  it('upgrades with STARTTLS on its own and verifies the certificate', async () => {
    const info = await nodemailer.createTransport({ host: '127.0.0.1', port: portOf('inbound'), requireTLS: true, tls }).sendMail(mail);
    expect(info.accepted).toEqual(['sales@acme.test']);
    expect(received()).toBe('ESMTPS');
  });

  it('refuses a server whose certificate it cannot verify', async () => {
    await expect(nodemailer.createTransport({ host: '127.0.0.1', port: portOf('inbound'), requireTLS: true }).sendMail(mail))
      .rejects.toMatchObject({ code: 'ESOCKET' });
    expect(inbox()).toHaveLength(0);
  });

  it('submits with AUTH over STARTTLS on the submission port', async () => {
    await nodemailer.createTransport({ host: '127.0.0.1', port: portOf('submission'), requireTLS: true, tls, auth }).sendMail(mail);
    expect(received()).toBe('ESMTPSA');
  });

  it('submits with AUTH over implicit TLS', async () => {
    await nodemailer.createTransport({ host: '127.0.0.1', port: portOf('implicit-tls'), secure: true, tls, auth }).sendMail(mail);
    expect(received()).toBe('ESMTPSA');
    expect(inbox()[0]!.raw.toString()).toContain('Subject: =?UTF-8?Q?Zapytanie_o_ofert=C4=99?=');
  });

  it('is refused on the submission port without credentials, and with wrong ones', async () => {
    await expect(nodemailer.createTransport({ host: '127.0.0.1', port: portOf('submission'), tls }).sendMail(mail))
      .rejects.toMatchObject({ responseCode: 530 });
    await expect(nodemailer.createTransport({ host: '127.0.0.1', port: portOf('submission'), tls, auth: { ...auth, pass: 'wrong' } }).sendMail(mail))
      .rejects.toMatchObject({ responseCode: 535, code: 'EAUTH' });
    expect(inbox()).toHaveLength(0);
  });

  it('sends to and from UTF-8 addresses with SMTPUTF8', async () => {
    store.createAccount({ address: 'józef@acme.test', password: 'secret' });
    const info = await nodemailer.createTransport({ host: '127.0.0.1', port: portOf('inbound'), tls })
      .sendMail({ from: 'zoë@klient.test', to: 'józef@acme.test', subject: 'Cześć', text: 'x' });
    expect(info.accepted).toEqual(['józef@acme.test']);
    const raw = store.requireAccount('józef@acme.test').requireFolderByRole('inbox').messages[0]!.raw.toString('utf8');
    expect(raw).toMatch(/^Return-Path: <zoë@klient\.test>\r\nReceived: [^\r\n]* with UTF8SMTPS id 1;/);
  });
});
