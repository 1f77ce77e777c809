import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MockMailServer } from '../mock-mail-server.ts';
import { MESSAGE_FRAME_SANDBOX } from '../readable-message.ts';
import { HeadlessChromium, type BrowserPage } from './test-support/chromium-pipe.ts';

/**
 * The page at / in a real browser: mail sent over SMTP shows in the open list without a reload,
 * opens, and its HTML is shown in a frame where no script runs and nothing remote loads.
 */
interface DomNode {
  readonly nodeName: string;
  readonly nodeValue?: string;
  readonly attributes?: string[];
  readonly children?: DomNode[];
  readonly contentDocument?: DomNode;
}

let server: MockMailServer;
let browser: HeadlessChromium;
let tracker: Server;
const trackerHits: string[] = [];

// One browser for the file (a tab per test), a fresh mail server per test.
// Starting Chromium can take seconds on a busy machine: the hook gets the tests' minute, not the default ten seconds.
beforeAll(async () => {
  browser = await HeadlessChromium.launch();
}, 60_000);
afterAll(() => browser.close());

beforeEach(async () => {
  server = new MockMailServer({ http: true, users: [{ address: 'sales@acme.test', password: 'secret' }] });
  await server.start();
  // Stands for the sender's web server: a message's remote image or script would call it.
  trackerHits.length = 0;
  tracker = createServer((request, response) => {
    trackerHits.push(request.url ?? '');
    response.end('tracked');
  });
  await new Promise<void>((resolve) => tracker.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  await server.stop();
  await new Promise<void>((resolve) => tracker.close(() => resolve()));
});

const attribute = (node: DomNode, name: string) => {
  const list = node.attributes ?? [];
  const at = list.indexOf(name);
  return at >= 0 && at % 2 === 0 ? list[at + 1] : undefined;
};

function find(node: DomNode, test: (node: DomNode) => boolean): DomNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) {
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

const text = (node: DomNode): string => (node.nodeName === '#text' ? node.nodeValue ?? '' : (node.children ?? []).map(text).join(''));

/** The message frame's document as the browser built it (DevTools sees into sandboxed frames). */
async function frameDocument(page: BrowserPage): Promise<{ frame: DomNode; body: DomNode }> {
  const { root } = await page.send<{ root: DomNode }>('DOM.getDocument', { depth: -1, pierce: true });
  const frame = find(root, (node) => node.nodeName === 'IFRAME' && attribute(node, 'id') === 'message-html') as (DomNode & { frameId?: string }) | undefined;
  if (!frame) throw new Error('The page has no message frame');
  // A sandboxed frame may run in a process of its own: then its document is asked of that frame.
  const document = frame.contentDocument ?? (await page.sendToFrame<{ root: DomNode }>(frame.frameId ?? '', 'DOM.getDocument', { depth: -1, pierce: true })).root;
  const body = find(document, (node) => node.nodeName === 'BODY');
  if (!body) throw new Error('The message frame\'s document has no body');
  return { frame, body };
}

describe('the mail page in headless Chromium', { timeout: 60_000 }, () => {
  it('shows mail sent over SMTP without a reload, opens it, and runs none of its HTML\'s scripts', async () => {
    const page = await browser.newPage();
    const { httpPort, smtpPort } = server.address;
    await page.goto(`http://127.0.0.1:${httpPort}/`);
    // The live stream is open and INBOX is listed (empty) before anything is sent.
    await page.waitFor(`document.documentElement.dataset.events === 'open' && document.querySelector('#list-title').textContent === 'sales@acme.test / INBOX' && !document.querySelector('#list-empty').hidden`);
    await page.evaluate(`window.sameDocument = 'yes'`);

    const remote = `http://127.0.0.1:${(tracker.address() as AddressInfo).port}`;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: 'anna@client.test',
      to: 'sales@acme.test',
      subject: 'Offer for Q3',
      text: 'Please see the offer.',
      html: `<p id="greeting">Hello from the HTML part</p>
        <script>document.body.setAttribute('data-script-ran', 'yes'); fetch('${remote}/script-ran');</script>
        <img src="${remote}/remote.png" onerror="document.body.setAttribute('data-handler-ran', 'yes')">`,
      attachments: [{ filename: 'offer.txt', content: 'Offer details' }],
    });

    const subject = await page.waitFor<string>(`document.querySelector('#messages li[data-key="1"] .subject')?.textContent`);
    expect(subject).toBe('Offer for Q3');
    expect(await page.evaluate<string>('window.sameDocument')).toBe('yes');

    await page.evaluate(`document.querySelector('#messages li[data-key="1"]').click()`);
    await page.waitFor(`document.querySelector('#message-html').getAttribute('data-loaded') === '1'`);
    const view = await page.evaluate<{ subject: string; headers: string; attachments: string; download: string; remoteNote: boolean; address: string }>(`({
      remoteNote: !document.querySelector('#remote-blocked').hidden,
      address: location.hash,
      subject: document.querySelector('#message-subject').textContent,
      headers: document.querySelector('#message-headers').textContent,
      attachments: document.querySelector('#attachments').textContent,
      download: document.querySelector('#download').getAttribute('href'),
    })`);
    expect(view.subject).toBe('Offer for Q3');
    expect(view.headers).toContain('anna@client.test');
    expect(view.attachments).toContain('offer.txt');
    expect(view.remoteNote).toBe(true);
    expect(view.address).toBe('#/sales%40acme.test/INBOX');
    expect(view.download).toBe('/api/v1/accounts/sales%40acme.test/folders/INBOX/messages/1/raw?download=1');

    const { frame, body } = await frameDocument(page);
    expect(attribute(frame, 'sandbox')).toBe(MESSAGE_FRAME_SANDBOX);
    expect(attribute(frame, 'sandbox')).not.toContain('allow-scripts');
    expect(text(body)).toContain('Hello from the HTML part');
    expect(attribute(body, 'data-script-ran')).toBeUndefined();
    expect(attribute(body, 'data-handler-ran')).toBeUndefined();
    // The frame's load event waits for its images: by now a remote image would have been asked for.
    expect(trackerHits).toEqual([]);
  });

  it('lists mail for other domains in the outbox and takes a message away when it is deleted elsewhere', async () => {
    const page = await browser.newPage();
    const { httpPort, smtpPort } = server.address;
    server.deliver('From: a@client.test\r\nTo: sales@acme.test\r\nSubject: To be deleted\r\n\r\nBye\r\n', { to: 'sales@acme.test' });
    await page.goto(`http://127.0.0.1:${httpPort}/`);
    await page.waitFor(`document.documentElement.dataset.events === 'open' && document.querySelector('#messages li[data-key="1"]')`);
    server.asAnotherClient.expunge('sales@acme.test', 'INBOX', 1);
    await page.waitFor(`!document.querySelector('#messages li[data-key="1"]') && !document.querySelector('#list-empty').hidden`);

    await page.evaluate(`document.querySelector('#outbox-button').click()`);
    await page.waitFor(`document.querySelector('#list-title').textContent.startsWith('Outbox')`);
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: 'sales@acme.test', to: 'client@elsewhere.test', subject: 'Your quote', text: 'Attached.' });
    const row = await page.waitFor<string>(`document.querySelector('#messages li[data-key="1"]')?.textContent`);
    expect(row).toContain('Your quote');
    expect(row).toContain('to client@elsewhere.test');
    await page.waitFor(`document.querySelector('#outbox-count').textContent === '1'`);
  });

  it('keeps a message that arrives while the list is loading, whichever answer comes first', async () => {
    const page = await browser.newPage();
    const { httpPort, smtpPort } = server.address;
    await page.goto(`http://127.0.0.1:${httpPort}/`);
    await page.waitFor(`document.documentElement.dataset.events === 'open'`);
    // The page's requests for the outbox list are sent at once but their answers held back, so the
    // event of a message sent meanwhile comes before the answer that does not hold it yet.
    await page.evaluate(`(() => {
      const send = window.fetch.bind(window);
      Object.assign(window, { holding: true, heldAnswers: [], held: 0, read: 0 });
      // waitFor looks again on every change to the document: the counts are mirrored into it.
      const mirror = () => Object.assign(document.documentElement.dataset, { held: window.held, read: window.read });
      window.fetch = (url, init) => {
        const answer = send(url, init);
        if (!window.holding || !String(url).includes('/api/v1/outbox')) return answer;
        window.held += 1;
        mirror();
        // Counted once the page has the answer's body, just before the page goes on with it.
        const counted = answer.then((response) => {
          const json = response.json.bind(response);
          response.json = () => json().then((body) => { window.read += 1; mirror(); return body; });
          return response;
        });
        return new Promise((resolve) => window.heldAnswers.push(() => resolve(counted)));
      };
      document.querySelector('#outbox-button').click();
    })()`);
    await page.waitFor(`window.heldAnswers.length >= 1`);
    const heldBeforeSending = await page.evaluate<number>(`window.held`);
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: 'sales@acme.test', to: 'client@elsewhere.test', subject: 'Sent while loading', text: 'x' });
    // The page has had the message's event once it asks for the outbox again (its count, at least);
    // then every answer is given, oldest first, and nothing more is held.
    await page.waitFor(`window.held > ${heldBeforeSending}`);
    await page.evaluate(`window.holding = false; window.heldAnswers.splice(0).forEach((give) => give())`);
    const row = await page.waitFor<string>(`window.read === window.held && document.querySelector('#messages li')?.textContent`);
    expect(row).toContain('Sent while loading');
    expect(await page.evaluate<number>(`document.querySelectorAll('#messages li').length`)).toBe(1);
  });

  it('deletes the open message and adds a fault from the page', async () => {
    const page = await browser.newPage();
    server.deliver('From: a@client.test\r\nTo: sales@acme.test\r\nSubject: Delete me\r\n\r\nx\r\n', { to: 'sales@acme.test' });
    await page.goto(`http://127.0.0.1:${server.address.httpPort}/`);
    await page.waitFor(`document.documentElement.dataset.events === 'open' && document.querySelector('#messages li[data-key="1"]')`);
    await page.evaluate(`document.querySelector('#messages li[data-key="1"]').click()`);
    await page.waitFor(`document.querySelector('#message-view').dataset.key === '1' && !document.querySelector('#message-view').hidden`);
    await page.evaluate(`document.querySelector('#delete').click()`);
    await page.waitFor(`!document.querySelector('#messages li[data-key="1"]') && document.querySelector('#message-view').hidden`);
    expect(server.messages('sales@acme.test')).toEqual([]);

    await page.evaluate(`document.querySelector('#fault-spec').value = 'throttle:after=2'; document.querySelector('#fault-form').requestSubmit()`);
    const fault = await page.waitFor<string>(`document.querySelector('#faults li[data-fault]')?.textContent`);
    expect(fault).toContain('421 after 2 message(s)');
    expect(server.faults.active()).toEqual([{ kind: 'throttle', afterMessages: 2 }]);
    await page.evaluate(`document.querySelector('#fault-spec').value = 'nonsense'; document.querySelector('#fault-form').requestSubmit()`);
    expect(await page.waitFor<string>(`document.querySelector('#fault-error').textContent`)).toContain('Unknown fault "nonsense"');
  });
});
