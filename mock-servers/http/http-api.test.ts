import { request as httpRequest } from 'node:http';
import nodemailer from 'nodemailer';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MockMailServer } from '../mock-mail-server.ts';
import { OPENAPI_DOCUMENT } from './openapi.ts';
import { checkSchema, responseSchema } from './test-support/schema-check.ts';

/**
 * The HTTP API through real requests. Every JSON answer is checked against the OpenAPI document
 * the server itself serves, and the last test checks every described operation was called.
 */
const EML = [
  'From: Anna Nowak <anna@client.test>',
  'To: sales@acme.test',
  'Subject: =?UTF-8?Q?Zapytanie_o_ofert=C4=99?=',
  'Date: Mon, 02 Mar 2026 10:00:00 +0000',
  'Message-ID: <q1@client.test>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: multipart/alternative; boundary="b2"',
  '',
  '--b2',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Dzień dobry',
  '--b2',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Dzień <b>dobry</b></p><img src="https://tracker.example/x.png">',
  '--b2--',
  '--b1',
  'Content-Type: application/pdf; name="oferta.pdf"',
  'Content-Disposition: attachment; filename="oferta.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('%PDF-1.4 test').toString('base64'),
  '--b1--',
  '',
].join('\r\n');

let server: MockMailServer;
let base: string;
let document: Record<string, unknown>;
const called = new Set<string>();

beforeAll(async () => {
  const probe = new MockMailServer({ http: true });
  await probe.start();
  document = await (await fetch(`http://127.0.0.1:${probe.address.httpPort}/api/v1/openapi.json`)).json() as Record<string, unknown>;
  await probe.stop();
});
beforeEach(async () => {
  server = new MockMailServer({ http: { port: 0 }, users: [{ address: 'sales@acme.test', password: 'secret' }], clock: () => new Date('2026-03-02T10:00:00Z') });
  await server.start();
  base = `http://127.0.0.1:${server.address.httpPort}`;
});
afterEach(() => server.stop());

interface Answer<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly bytes: Buffer;
}

/** Calls an operation by its documented path, fills in the parameters, checks the answer against the document. */
async function call<T = any>(method: string, pattern: string, options: { params?: Record<string, string>; query?: string; body?: string | Buffer; type?: string } = {}): Promise<Answer<T>> {
  const path = pattern.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(options.params?.[name] ?? ''));
  const response = await fetch(`${base}${path}${options.query ? `?${options.query}` : ''}`, {
    method,
    ...(options.body === undefined ? {} : { body: options.body, headers: { 'content-type': options.type ?? 'application/json' } }),
  });
  called.add(`${method} ${pattern}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!;
  let body: unknown;
  if (mediaType === 'application/json' || mediaType === 'application/problem+json') {
    body = JSON.parse(bytes.toString('utf8'));
    const errors = checkSchema(body, responseSchema(document, pattern, method, response.status, mediaType), document);
    expect(errors, `${method} ${path} → ${response.status} against the OpenAPI document`).toEqual([]);
  } else if (response.status !== 204) {
    responseSchema(document, pattern, method, response.status, mediaType);
  }
  return { status: response.status, headers: response.headers, body: body as T, bytes };
}

const MESSAGES = '/api/v1/accounts/{address}/folders/{folder}/messages';
const MESSAGE = `${MESSAGES}/{uid}`;
const INBOX = { address: 'sales@acme.test', folder: 'INBOX' };

function smtp() {
  return nodemailer.createTransport({ host: '127.0.0.1', port: server.address.smtpPort, secure: false, ignoreTLS: true });
}

describe('HTTP API', () => {
  it('lists accounts and folders, creates accounts, and names what exists when asked for what does not', async () => {
    const accounts = await call('GET', '/api/v1/accounts');
    expect(accounts.body).toEqual([{ address: 'sales@acme.test', folders: expect.arrayContaining([expect.objectContaining({ name: 'INBOX', role: 'inbox', messages: 0 })]) }]);
    const created = await call('POST', '/api/v1/accounts', { body: JSON.stringify({ address: 'ann@acme.test', password: 'pw' }) });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/v1/accounts/ann%40acme.test');
    expect(server.store.authenticate('ann@acme.test', 'pw')).toBeDefined();
    expect((await call('POST', '/api/v1/accounts', { body: JSON.stringify({ address: 'ann@acme.test', password: 'pw' }) })).body).toMatchObject({ status: 409, code: 'ACCOUNT.EXISTS' });
    expect((await call('POST', '/api/v1/accounts', { body: '{"address": "nobody"}' })).body).toMatchObject({ status: 400, code: 'REQUEST.INVALID_BODY' });
    expect((await call('GET', '/api/v1/accounts/{address}', { params: { address: 'ann@acme.test' } })).body).toMatchObject({ address: 'ann@acme.test' });
    const folders = await call('GET', '/api/v1/accounts/{address}/folders', { params: { address: 'ann@acme.test' } });
    expect(folders.body.map((f: { name: string }) => f.name)).toEqual(['INBOX', 'Sent', 'Spam', 'Trash', 'Drafts']);

    const noAccount = await call('GET', MESSAGES, { params: { address: 'bob@acme.test', folder: 'INBOX' } });
    expect(noAccount.status).toBe(404);
    expect(noAccount.headers.get('content-type')).toBe('application/problem+json');
    expect(noAccount.body).toMatchObject({ code: 'ACCOUNT.NOT_FOUND', accounts: ['sales@acme.test', 'ann@acme.test'], instance: '/api/v1/accounts/bob%40acme.test/folders/INBOX/messages' });
    expect(noAccount.body.detail).toBe('No account bob@acme.test on the mail server; accounts: sales@acme.test, ann@acme.test');
    const noFolder = await call('GET', MESSAGES, { params: { address: 'sales@acme.test', folder: 'Archive' } });
    expect(noFolder.body).toMatchObject({ status: 404, code: 'FOLDER.NOT_FOUND', folders: ['INBOX', 'Sent', 'Spam', 'Trash', 'Drafts'] });
  });

  it('imports an .eml, lists, filters, reads, downloads and deletes it', async () => {
    const imported = await call('POST', MESSAGES, { params: INBOX, body: EML, type: 'message/rfc822', query: 'flag=%5CSeen' });
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual({ account: 'sales@acme.test', folder: 'INBOX', uid: 1, url: '/api/v1/accounts/sales%40acme.test/folders/INBOX/messages/1' });
    server.deliver('From: bob@other.test\r\nTo: sales@acme.test\r\nSubject: Second\r\n\r\nHi\r\n', { to: 'sales@acme.test' });

    const list = await call('GET', MESSAGES, { params: INBOX });
    expect(list.body.messages.map((m: { subject: string }) => m.subject)).toEqual(['Second', 'Zapytanie o ofertę']);
    expect(list.body.messages[1]).toEqual({
      account: 'sales@acme.test', folder: 'INBOX', uid: 1, flags: ['\\Seen'], from: ['anna@client.test'], to: ['sales@acme.test'],
      subject: 'Zapytanie o ofertę', date: '2026-03-02T10:00:00.000Z', internalDate: '2026-03-02T10:00:00.000Z', size: Buffer.byteLength(EML), messageId: 'q1@client.test',
    });
    expect((await call('GET', MESSAGES, { params: INBOX, query: 'subject=OFERT' })).body.messages.map((m: { uid: number }) => m.uid)).toEqual([1]);
    expect((await call('GET', MESSAGES, { params: INBOX, query: 'from=bob' })).body.messages.map((m: { uid: number }) => m.uid)).toEqual([2]);
    expect((await call('GET', MESSAGES, { params: INBOX, query: 'to=sales%40acme.test&limit=1' })).body).toMatchObject({ total: 2, messages: [{ uid: 2 }] });
    expect((await call('GET', MESSAGES, { params: INBOX, query: 'limit=0' })).body).toMatchObject({ status: 400, code: 'REQUEST.INVALID_QUERY' });

    const message = await call('GET', MESSAGE, { params: { ...INBOX, uid: '1' } });
    expect(message.body).toMatchObject({ subject: 'Zapytanie o ofertę', text: 'Dzień dobry', html: '<p>Dzień <b>dobry</b></p><img src="https://tracker.example/x.png">' });
    expect(message.body.headers).toContainEqual({ name: 'Subject', value: 'Zapytanie o ofertę' });
    expect(message.body.htmlDocument).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:`);
    expect(message.body.attachments).toEqual([{ index: 0, filename: 'oferta.pdf', contentType: 'application/pdf', size: 13, contentId: null, inline: false, url: '/api/v1/accounts/sales%40acme.test/folders/INBOX/messages/1/attachments/0' }]);

    const raw = await call('GET', `${MESSAGE}/raw`, { params: { ...INBOX, uid: '1' }, query: 'download=1' });
    expect(raw.headers.get('content-type')).toBe('message/rfc822');
    expect(raw.headers.get('content-disposition')).toBe(`attachment; filename="sales@acme.test-INBOX-1.eml"; filename*=UTF-8''sales%40acme.test-INBOX-1.eml`);
    expect(raw.bytes.equals(Buffer.from(EML))).toBe(true);
    const attachment = await call('GET', `${MESSAGE}/attachments/{index}`, { params: { ...INBOX, uid: '1', index: '0' } });
    expect(attachment.bytes.toString()).toBe('%PDF-1.4 test');
    expect(attachment.headers.get('content-disposition')).toContain('attachment; filename="oferta.pdf"');
    expect((await call('GET', `${MESSAGE}/attachments/{index}`, { params: { ...INBOX, uid: '1', index: '3' } })).body).toMatchObject({ code: 'ATTACHMENT.NOT_FOUND' });

    expect((await call('DELETE', MESSAGE, { params: { ...INBOX, uid: '1' } })).status).toBe(204);
    expect(server.messages('sales@acme.test').map((m) => m.uid)).toEqual([2]);
    expect((await call('DELETE', MESSAGE, { params: { ...INBOX, uid: '1' } })).body).toMatchObject({ status: 404, code: 'MESSAGE.NOT_FOUND', uids: [2] });
    expect((await call('POST', MESSAGES, { params: INBOX, body: '', type: 'message/rfc822' })).body).toMatchObject({ status: 400, code: 'REQUEST.INVALID_BODY' });
  });

  it('addresses nested folders with %2F', async () => {
    const account = server.store.requireAccount('sales@acme.test');
    server.store.createFolder(account, 'Projects/2026');
    const imported = await call('POST', MESSAGES, { params: { address: 'sales@acme.test', folder: 'Projects/2026' }, body: EML, type: 'message/rfc822' });
    expect(imported.body.url).toBe('/api/v1/accounts/sales%40acme.test/folders/Projects%2F2026/messages/1');
    expect(server.messages('sales@acme.test', 'Projects/2026')).toHaveLength(1);
  });

  it('shows the outbox: mail for domains the server does not host', async () => {
    await smtp().sendMail({ from: 'sales@acme.test', to: 'client@elsewhere.test', subject: 'Your quote', text: 'Attached.' });
    const outbox = await call('GET', '/api/v1/outbox');
    expect(outbox.body).toMatchObject({ total: 1, messages: [{ id: 1, mailFrom: 'sales@acme.test', recipients: ['client@elsewhere.test'], subject: 'Your quote' }] });
    expect((await call('GET', '/api/v1/outbox', { query: 'to=nobody' })).body.total).toBe(0);
    const one = await call('GET', '/api/v1/outbox/{id}', { params: { id: '1' } });
    expect(one.body).toMatchObject({ text: 'Attached.\n', attachments: [], rawUrl: '/api/v1/outbox/1/raw' });
    expect((await call('GET', '/api/v1/outbox/{id}/raw', { params: { id: '1' } })).bytes.toString()).toContain('Subject: Your quote');
    expect((await call('GET', '/api/v1/outbox/{id}/attachments/{index}', { params: { id: '1', index: '0' } })).body).toMatchObject({ code: 'ATTACHMENT.NOT_FOUND' });
    expect((await call('GET', '/api/v1/outbox/{id}', { params: { id: '9' } })).body).toMatchObject({ status: 404, code: 'OUTBOX.NOT_FOUND', ids: [1] });
  });

  it('waits for mail: answers when the awaited messages are there, or says what it found', async () => {
    const waiting = call('GET', '/api/v1/wait', { query: 'to=sales%40acme.test&subject=offer&count=2&timeout=10s' });
    await smtp().sendMail({ from: 'anna@client.test', to: 'sales@acme.test', subject: 'Offer 1', text: '1' });
    await smtp().sendMail({ from: 'anna@client.test', to: 'sales@acme.test', subject: 'Unrelated', text: '-' });
    await smtp().sendMail({ from: 'anna@client.test', to: 'sales@acme.test', subject: 'Offer 2', text: '2' });
    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(answer.body.messages.map((m: { subject: string }) => m.subject)).toEqual(['Offer 1', 'Offer 2']);

    const late = await call('GET', '/api/v1/wait', { query: 'subject=offer&count=3&timeout=20ms' });
    expect(late.status).toBe(408);
    expect(late.body).toMatchObject({ code: 'WAIT.TIMEOUT', expected: 3, found: [{ subject: 'Offer 1' }, { subject: 'Offer 2' }] });
    expect(late.body.detail).toBe('Waited 20 ms for 3 matching message(s), found 2: "Offer 1" in sales@acme.test/INBOX, "Offer 2" in sales@acme.test/INBOX');
    expect((await call('GET', '/api/v1/wait', { query: 'timeout=soon' })).body).toMatchObject({ status: 400, code: 'REQUEST.INVALID_QUERY', parameter: 'timeout' });

    const outbound = call('GET', '/api/v1/wait', { query: 'in=outbox&to=client%40elsewhere.test&timeout=10s' });
    await smtp().sendMail({ from: 'sales@acme.test', to: 'client@elsewhere.test', subject: 'Your quote', text: 'x' });
    expect((await outbound).body).toMatchObject({ count: 1, messages: [{ id: 1, recipients: ['client@elsewhere.test'], subject: 'Your quote' }] });
    expect((await call('GET', '/api/v1/wait', { query: 'in=outbox&count=2&timeout=10ms' })).body).toMatchObject({ status: 408, code: 'WAIT.TIMEOUT', found: [{ id: 1 }] });
  });

  it('adds, lists and removes faults with the specs of --fault, and they fire', async () => {
    const added = await call('POST', '/api/v1/faults', { body: JSON.stringify({ spec: 'refuse-recipient:address=sales@acme.test,code=550' }) });
    expect(added.status).toBe(201);
    expect(added.body).toEqual([{ id: 1, spec: 'refuse-recipient:address=sales@acme.test,code=550', kind: 'refuse-recipient', description: 'refuse <sales@acme.test> with 550', rule: expect.objectContaining({ kind: 'refuse-recipient', code: 550 }) }]);
    await expect(smtp().sendMail({ from: 'a@client.test', to: 'sales@acme.test', subject: 'x', text: 'x' })).rejects.toThrow(/550/);
    await call('POST', '/api/v1/faults', { body: 'throttle:after=5', type: 'text/plain' });
    expect((await call('GET', '/api/v1/faults')).body.map((f: { id: number }) => f.id)).toEqual([1, 2]);

    const bad = await call('POST', '/api/v1/faults', { body: JSON.stringify({ specs: ['slow:protocol=imap,delay=10ms', 'explode'] }) });
    expect(bad.body).toMatchObject({ status: 400, code: 'FAULT.INVALID_SPEC', spec: 'explode' });
    expect(server.faults.active()).toHaveLength(2);

    expect((await call('DELETE', '/api/v1/faults/{id}', { params: { id: '1' } })).status).toBe(204);
    await smtp().sendMail({ from: 'a@client.test', to: 'sales@acme.test', subject: 'x', text: 'x' });
    expect((await call('DELETE', '/api/v1/faults/{id}', { params: { id: '1' } })).body).toMatchObject({ status: 404, code: 'FAULT.NOT_FOUND', ids: [2] });
    expect((await call('DELETE', '/api/v1/faults')).status).toBe(204);
    expect(server.faults.active()).toEqual([]);
  });

  it('resets, and restores a snapshot', async () => {
    server.deliver('From: a@client.test\r\nTo: sales@acme.test\r\nSubject: Kept\r\n\r\nx\r\n', { to: 'sales@acme.test' });
    const snapshot = await call('POST', '/api/v1/snapshots');
    expect(snapshot.body).toEqual({ id: '1', takenAt: '2026-03-02T10:00:00.000Z', accounts: 1, messages: 1, outbox: 0 });
    expect((await call('GET', '/api/v1/snapshots')).body).toHaveLength(1);
    expect((await call('POST', '/api/v1/reset')).status).toBe(204);
    expect(server.messages('sales@acme.test')).toEqual([]);
    expect((await call('POST', '/api/v1/snapshots/{id}/restore', { params: { id: '1' } })).status).toBe(204);
    expect(server.messages('sales@acme.test').map((m) => m.subject)).toEqual(['Kept']);
    expect((await call('POST', '/api/v1/snapshots/{id}/restore', { params: { id: '7' } })).body).toMatchObject({ status: 404, code: 'SNAPSHOT.NOT_FOUND', ids: ['1'] });
    expect((await call('DELETE', '/api/v1/snapshots/{id}', { params: { id: '1' } })).status).toBe(204);
  });

  it('streams deliveries and changes as Server-Sent Events', async () => {
    called.add('GET /api/v1/events');
    const events: Array<{ event: string; data: any }> = [];
    const done = new Promise<void>((resolve, reject) => {
      const request = httpRequest(`${base}/api/v1/events`, (response) => {
        expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        let buffered = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffered += chunk;
          if (buffered.includes(': connected')) {
            buffered = buffered.replace(/^[\s\S]*?: connected\n\n/, '');
            server.deliver('From: a@client.test\r\nTo: sales@acme.test\r\nSubject: Live\r\n\r\nx\r\n', { to: 'sales@acme.test' });
            server.asAnotherClient.addFlags('sales@acme.test', 'INBOX', 1, ['\\Seen']);
          }
          for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
            const block = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            const field = (name: string) => [...block.matchAll(/^(\w+): (.*)$/gm)].find((m) => m[1] === name)?.[2];
            if (field('event')) events.push({ event: field('event')!, data: JSON.parse(field('data')!) });
            if (events.length === 2) {
              request.destroy();
              resolve();
            }
          }
        });
      });
      request.on('error', reject);
      request.end();
    });
    await done;
    expect(events).toEqual([
      { event: 'message-added', data: { account: 'sales@acme.test', folder: 'INBOX', message: expect.objectContaining({ uid: 1, subject: 'Live' }) } },
      { event: 'flags-changed', data: { account: 'sales@acme.test', folder: 'INBOX', uids: [1] } },
    ]);
  });

  it('gives transcripts and readiness', async () => {
    await smtp().sendMail({ from: 'a@client.test', to: 'sales@acme.test', subject: 'x', text: 'x' });
    const transcripts = await call('GET', '/api/v1/transcripts', { query: 'protocol=smtp' });
    expect(transcripts.body[0].lines.map((l: { text: string }) => l.text)).toContain('MAIL FROM:<a@client.test>');
    expect((await call('GET', '/api/v1/transcripts', { query: 'protocol=pop3' })).body).toMatchObject({ status: 400, code: 'REQUEST.INVALID_QUERY' });
    const ready = await call('GET', '/readyz');
    expect(ready.body.listeners.map((l: { name: string }) => l.name)).toEqual(['smtp', 'imap', 'http']);
    await call('GET', '/api/v1/openapi.json');
  });

  it('refuses requests for other hosts and changes from other origins; wrong methods and paths are problems too', async () => {
    const raw = (method: string, path: string, headers: Record<string, string>) => new Promise<{ status: number; body: any; allow: string | undefined }>((resolve, reject) => {
      const request = httpRequest(`${base}${path}`, { method, headers }, (response) => {
        let text = '';
        response.on('data', (chunk) => { text += chunk; });
        response.on('end', () => resolve({ status: response.statusCode!, body: text ? JSON.parse(text) : undefined, allow: response.headers.allow }));
      });
      request.on('error', reject);
      request.end();
    });
    expect((await raw('GET', '/api/v1/accounts', { host: 'evil.example' })).body).toMatchObject({ status: 421, code: 'HTTP.MISDIRECTED' });
    expect((await raw('POST', '/api/v1/reset', { origin: 'http://evil.example' })).body).toMatchObject({ status: 403, code: 'HTTP.FORBIDDEN_ORIGIN' });
    expect((await raw('POST', '/api/v1/reset', { origin: base })).status).toBe(204);
    const wrongMethod = await raw('PUT', '/api/v1/faults', {});
    expect(wrongMethod.body).toMatchObject({ status: 405, code: 'HTTP.METHOD_NOT_ALLOWED' });
    expect(wrongMethod.allow).toBe('GET, POST, DELETE');
    expect((await raw('GET', '/api/v2/nothing', {})).body).toMatchObject({ status: 404, code: 'HTTP.NOT_FOUND' });
  });
});

describe('the OpenAPI document', () => {
  it('is the one the server serves, declares every path parameter, and every $ref resolves', () => {
    expect(document).toEqual(JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)));
    expect(document.openapi).toBe('3.1.0');
    for (const [path, item] of Object.entries(document.paths as Record<string, { parameters?: Array<{ name: string; in: string }> }>)) {
      const declared = (item.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort();
      expect(declared, path).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort());
    }
    for (const [ref] of JSON.stringify(document).matchAll(/#\/components\/schemas\/(\w+)/g)) {
      expect((document.components as { schemas: Record<string, unknown> }).schemas[ref.split('/').pop()!], ref).toBeDefined();
    }
  });
});

afterAll(() => {
  // Every operation the document describes was called by a test above (when the whole file runs).
  if (called.size < 5) return;
  const described = Object.entries(document.paths as Record<string, Record<string, unknown>>)
    .flatMap(([path, item]) => Object.keys(item).filter((key) => key !== 'parameters').map((method) => `${method.toUpperCase()} ${path}`));
  expect(described.filter((operation) => !called.has(operation))).toEqual([]);
});
