/**
 * The messages every benchmark sends and fetches: business mail of realistic shape and size,
 * generated from a seed so each run (and each server) gets byte-identical messages.
 *
 * Shape, after what a CRM mailbox holds: half plain text, about four in ten text + HTML
 * (multipart/alternative), about one in eight with an attachment of 15–250 KB; each with the
 * trace and DKIM headers an MTA leaves (RFC 5321 §4.4, RFC 6376). Bodies are quoted-printable or
 * base64, so the raw messages are 7-bit ASCII: a server that keeps strings instead of octets
 * (hoodiecrow does) still returns the same bytes, and the byte counts can be checked.
 */
import { seededRandom, type Random } from './seeded-random.ts';

export interface CorpusMessage {
  readonly raw: Buffer;
  readonly flags: readonly string[];
  readonly internalDate: Date;
  readonly messageId: string;
}

export interface Corpus {
  readonly messages: readonly CorpusMessage[];
  readonly totalBytes: number;
}

export interface CorpusOptions {
  count: number;
  seed?: number;
  /** Date of the first message; the others follow at a few minutes' interval. */
  start?: Date;
}

const WORDS = [
  'oferta', 'zam=C3=B3wienie', 'faktura', 'termin', 'dostawa', 'umowa', 'prosz=C4=99', 'dzi=C4=99kuj=C4=99',
  'spotkanie', 'cena', 'rabat', 'klient', 'projekt', 'wycena', 'pozdrawiam', 'serdecznie', 'w', 'na', 'i',
  'do', 'z', 'that', 'the', 'order', 'invoice', 'delivery', 'meeting', 'quote', 'contract', 'please',
  'regards', 'attached', 'next', 'week', 'Monday', 'price', 'discount', 'account', 'support', 'ticket',
];
const PEOPLE = ['Jan Kowalski', 'Anna Nowak', 'Piotr Wi=C5=9Bniewski', 'Maria W=C3=B3jcik', 'John Smith', 'Emma Brown'];
const DOMAINS = ['client.test', 'partner.test', 'supplier.test', 'example.test'];
const SUBJECTS = ['Oferta na', 'Pytanie o', 'Re: Zam=C3=B3wienie', 'Faktura za', 'Spotkanie w sprawie', 'Fwd: Umowa'];

export function buildCorpus(options: CorpusOptions): Corpus {
  const random = seededRandom(options.seed ?? 20260302);
  const start = (options.start ?? new Date('2026-03-02T09:00:00Z')).getTime();
  const messages: CorpusMessage[] = [];
  let totalBytes = 0;
  for (let i = 0; i < options.count; i++) {
    const internalDate = new Date(start + i * 180_000);
    const message = buildMessage(random, i, internalDate);
    messages.push(message);
    totalBytes += message.raw.length;
  }
  return { messages, totalBytes };
}

function buildMessage(random: Random, index: number, date: Date): CorpusMessage {
  const person = random.pick(PEOPLE);
  const address = `${person.split(' ')[0]!.toLowerCase().replace(/=[0-9A-F]{2}/g, '')}.${index}@${random.pick(DOMAINS)}`;
  const messageId = `<${index}.${random.int(100000, 999999)}@${address.split('@')[1]}>`;
  const shape = random.next();
  const body = shape < 0.5 ? plainPart(random) : shape < 0.88 ? alternativePart(random, index) : mixedPart(random, index);
  const headers = [
    `Return-Path: <${address}>`,
    `Received: from mail.${address.split('@')[1]} (mail.${address.split('@')[1]} [192.0.2.${random.int(1, 254)}])\r\n\tby mx.acme.test with ESMTPS id ${random.int(1e8, 9e8)}\r\n\tfor <sales@acme.test>; ${date.toUTCString().replace('GMT', '+0000')}`,
    `Received: from workstation (unknown [10.0.${random.int(0, 255)}.${random.int(1, 254)}])\r\n\tby mail.${address.split('@')[1]} with ESMTPSA id ${random.int(1e8, 9e8)}; ${date.toUTCString().replace('GMT', '+0000')}`,
    `DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=${address.split('@')[1]}; s=mail;\r\n\th=from:to:subject:date:message-id; bh=${base64Blob(random, 32)};\r\n\tb=${foldBase64(base64Blob(random, 256), '\t  ')}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `From: =?utf-8?Q?${person.replace(/ /g, '_')}?= <${address}>`,
    'To: Sales <sales@acme.test>',
    ...(random.next() < 0.3 ? [`Cc: ${random.pick(PEOPLE).split(' ')[0]} <cc.${index}@${random.pick(DOMAINS)}>`] : []),
    `Subject: =?utf-8?Q?${random.pick(SUBJECTS).replace(/ /g, '_')}_${index}?=`,
    `Message-ID: ${messageId}`,
    ...(random.next() < 0.35 ? [`In-Reply-To: <${index - 1}.thread@acme.test>`, `References: <${index - 2}.thread@acme.test> <${index - 1}.thread@acme.test>`] : []),
    'MIME-Version: 1.0',
  ];
  const raw = Buffer.from(`${headers.join('\r\n')}\r\n${body}`, 'ascii');
  const flags = [
    ...(random.next() < 0.7 ? ['\\Seen'] : []),
    ...(random.next() < 0.1 ? ['\\Answered'] : []),
    ...(random.next() < 0.05 ? ['\\Flagged'] : []),
  ];
  return { raw, flags, internalDate: date, messageId };
}

/** Headers of the part and its body, starting with the part's Content-Type. */
function plainPart(random: Random): string {
  return `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${prose(random, random.int(800, 6000))}`;
}

function htmlPart(random: Random): string {
  const paragraphs = prose(random, random.int(3000, 20000)).split('\r\n\r\n').map((p) => `<p style=3D"margin:0 0 12px 0;font-family:Arial">${p}</p>`);
  return `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<html><body>\r\n${paragraphs.join('\r\n')}\r\n</body></html>\r\n`;
}

function alternativePart(random: Random, index: number): string {
  const boundary = `alt-${index}-${random.int(1e6, 9e6)}`;
  return `Content-Type: multipart/alternative; boundary="${boundary}"\r\n\r\n--${boundary}\r\n${plainPart(random)}\r\n--${boundary}\r\n${htmlPart(random)}\r\n--${boundary}--\r\n`;
}

function mixedPart(random: Random, index: number): string {
  const boundary = `mix-${index}-${random.int(1e6, 9e6)}`;
  // Log-uniform: small attachments are more common than large ones.
  const size = Math.round(15_000 * Math.pow(250_000 / 15_000, random.next()));
  const attachment = `Content-Type: application/pdf; name="oferta-${index}.pdf"\r\nContent-Disposition: attachment; filename="oferta-${index}.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${foldBase64(base64Blob(random, size), '')}\r\n`;
  return `Content-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n--${boundary}\r\n${random.next() < 0.5 ? plainPart(random) : alternativePart(random, index)}\r\n--${boundary}\r\n${attachment}--${boundary}--\r\n`;
}

/** About `length` characters of words in lines of at most 76 (RFC 2045 §6.7), blank lines between paragraphs. */
function prose(random: Random, length: number): string {
  const lines: string[] = [];
  let line = '';
  let written = 0;
  while (written < length) {
    const word = random.pick(WORDS);
    if (line.length + word.length + 1 > 72) {
      lines.push(line);
      written += line.length + 2;
      line = '';
      if (random.next() < 0.15) lines.push('');
    }
    line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return `${lines.join('\r\n')}\r\n`;
}

function base64Blob(random: Random, bytes: number): string {
  const data = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) data[i] = Math.floor(random.next() * 256);
  return data.toString('base64');
}

function foldBase64(text: string, indent: string): string {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 76) lines.push(text.slice(i, i + 76));
  return lines.join(`\r\n${indent}`);
}
