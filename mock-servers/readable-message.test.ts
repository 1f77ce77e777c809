import { describe, expect, it } from 'vitest';
import { MESSAGE_FRAME_CSP, framedHtml, readableMessage } from './readable-message.ts';

const RELATED = [
  'From: =?UTF-8?Q?Anna_Nowak?= <anna@client.test>',
  'To: sales@acme.test, "Biuro" <biuro@acme.test>',
  'Cc: Team: jan@acme.test;',
  'Subject: =?UTF-8?B?WmFweXRhbmllIG8gb2ZlcnTEmQ==?=',
  'Date: Mon, 02 Mar 2026 10:00:00 +0100',
  'Message-ID: <q1@client.test>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="m"',
  '',
  '--m',
  'Content-Type: multipart/related; boundary="r"',
  '',
  '--r',
  'Content-Type: text/html; charset=iso-8859-2',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  '<!DOCTYPE html><p>Dzie=F1 dobry</p><img src=3D"cid:logo@acme">',
  '--r',
  'Content-Type: image/png',
  'Content-ID: <logo@acme>',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('PNGDATA').toString('base64'),
  '--r--',
  '--m',
  'Content-Type: application/pdf',
  "Content-Disposition: attachment; filename*=UTF-8''oferta%20%C5%BC%C3%B3%C5%82ta.pdf",
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('%PDF').toString('base64'),
  '--m--',
  '',
].join('\r\n');

describe('readableMessage', () => {
  it('decodes headers, addresses, bodies in their charsets, and attachments with RFC 2231 names', async () => {
    const readable = await readableMessage(RELATED);
    expect(readable.subject).toBe('Zapytanie o ofertę');
    expect(readable.headers.slice(0, 2)).toEqual([{ name: 'From', value: 'Anna Nowak <anna@client.test>' }, { name: 'To', value: 'sales@acme.test, "Biuro" <biuro@acme.test>' }]);
    expect(readable.from).toEqual([{ name: 'Anna Nowak', address: 'anna@client.test' }]);
    expect(readable.to).toEqual([{ name: '', address: 'sales@acme.test' }, { name: 'Biuro', address: 'biuro@acme.test' }]);
    expect(readable.cc).toEqual([{ name: '', address: 'jan@acme.test' }]);
    expect(readable.date).toBe('2026-03-02T09:00:00.000Z');
    expect(readable.messageId).toBe('q1@client.test');
    expect(readable.html).toContain('<p>Dzień dobry</p>');
    // An image the HTML shows by Content-ID comes inline, as data: the frame is allowed to show.
    expect(readable.html).toContain(`src="data:image/png;base64,${Buffer.from('PNGDATA').toString('base64')}"`);
    expect(readable.attachments.map(({ content, ...rest }) => ({ ...rest, content: content.toString() }))).toEqual([
      { index: 0, filename: 'attachment-1', contentType: 'image/png', size: 7, contentId: 'logo@acme', inline: true, content: 'PNGDATA' },
      { index: 1, filename: 'oferta żółta.pdf', contentType: 'application/pdf', size: 4, contentId: undefined, inline: false, content: '%PDF' },
    ]);
  });

  it('gives the HTML as a document whose first head element is a policy that blocks scripts and the network', async () => {
    const { htmlDocument } = await readableMessage(RELATED);
    expect(htmlDocument).toMatch(/^<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
    expect(/content="([^"]+)"/.exec(htmlDocument!)![1]).toBe(MESSAGE_FRAME_CSP);
    expect(MESSAGE_FRAME_CSP).toMatch(/^default-src 'none'; img-src data:;/);
    // The message's own doctype would come after our head and is dropped.
    expect(htmlDocument).not.toMatch(/<!DOCTYPE html><p>/);
    expect(framedHtml('<script>x()</script>')).toContain('<body><script>x()</script></body>');
  });

  it('reads a plain message: text only, no HTML, nothing attached; a bare source without headers still reads', async () => {
    const readable = await readableMessage(Buffer.from('Subject: Hi\r\n\r\nJust text\r\n'));
    expect(readable).toMatchObject({ subject: 'Hi', text: 'Just text\n', html: undefined, htmlDocument: undefined, attachments: [], from: [], date: undefined, messageId: '' });
    expect((await readableMessage('no header at all')).subject).toBe('');
  });
});
