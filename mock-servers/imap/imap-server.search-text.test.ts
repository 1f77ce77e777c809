import { describe, expect, it } from 'vitest';
import { useHarness } from './test-support/fixtures.ts';

const harness = useHarness();

const latin2 = (text: string) => Buffer.from([...text].map((char) => ({ ż: 0xbf, ó: 0xf3, ł: 0xb3, ć: 0xe6, ę: 0xea, ś: 0xb6, ą: 0xb1, ź: 0xbc, ń: 0xf1 })[char] ?? char.charCodeAt(0)));

/** Three bodies, each hiding its words behind a different encoding. */
function deliverEncoded() {
  harness().deliver(
    ['Subject: b64', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', Buffer.from('Proszę o fakturę korygującą').toString('base64'), ''].join('\r\n'),
  );
  const qp = latin2('Zażółć gęślą jaźń').toString('latin1').replace(/[\x80-\xff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase()}`);
  harness().deliver(['Subject: qp', 'Content-Type: text/plain; charset=ISO-8859-2', 'Content-Transfer-Encoding: quoted-printable', '', `${qp.slice(0, 10)}=\r\n${qp.slice(10)}`, ''].join('\r\n'));
  // Latin-1 octets as written: 0xb3 is "ł" in windows-1250.
  const { store, account, inbox } = harness();
  store.deliver(account, inbox, Buffer.from(
    [
      'Subject: =?UTF-8?B?T2ZlcnRhIGN6xJnFm2Np?=',
      'Content-Type: multipart/mixed; boundary="x"',
      '',
      '--x',
      'Content-Type: text/html; charset=windows-1250',
      '',
      '<p>Cena: 100 z\xb3</p>',
      '--x',
      'Content-Type: application/octet-stream; name="=?UTF-8?Q?cennik_=C5=BC.bin?="',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('hidden-words').toString('base64'),
      '--x--',
      '',
    ].join('\r\n'),
    'latin1',
  ));
}

async function search(criteria: string): Promise<string[]> {
  const client = await harness().loggedIn('EXAMINE');
  client.send(`s1 UID SEARCH CHARSET UTF-8 ${criteria}\r\n`);
  return client.waitForTagged('s1');
}

const literal = (text: string) => `{${Buffer.byteLength(text)}+}\r\n${text}`;

describe('IMAP SEARCH BODY and TEXT read the text as a person would', () => {
  it.each([
    ['BODY', 'fakturę', '3'],
    ['BODY', 'GĘŚLĄ', '4'],
    ['BODY', 'jaźń', '4'],
    ['BODY', '100 zł', '5'],
    ['TEXT', 'oferta części', '5'],
    ['TEXT', 'cennik ż', '5'],
    ['BODY', 'hidden-words', ''],
    ['BODY', 'UHJvc3rEmQ', ''],
  ])('%s %s', async (key, words, found) => {
    deliverEncoded();
    expect(await search(`${key} ${literal(words)}`)).toEqual([found ? `* SEARCH ${found}` : '* SEARCH', 's1 OK UID SEARCH completed']);
  });

  it('matches a body word split by a soft line break', async () => {
    deliverEncoded();
    expect(await search(`BODY ${literal('gęślą')}`)).toEqual(['* SEARCH 4', 's1 OK UID SEARCH completed']);
  });

  it('answers NO [BADCHARSET] for a charset other than UTF-8 and US-ASCII', async () => {
    const client = await harness().loggedIn('EXAMINE');
    expect(await client.command('s1 SEARCH CHARSET ISO-8859-2 BODY x')).toEqual(['s1 NO [BADCHARSET (UTF-8 US-ASCII)] Charset ISO-8859-2 is not supported']);
  });
});
