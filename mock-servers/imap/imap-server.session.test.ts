import { describe, expect, it } from 'vitest';
import { PASSWORD, USER, useHarness } from './test-support/fixtures.ts';

const CAPS = 'IMAP4rev1 LITERAL+ SASL-IR AUTH=PLAIN ID ENABLE IDLE NAMESPACE UNSELECT SPECIAL-USE UIDPLUS MOVE APPENDLIMIT=16777216';
const plain = (text: string) => Buffer.from(text).toString('base64');

const harness = useHarness();

describe('IMAP session: greeting, capabilities, authentication, logout', () => {
  it('greets with its capabilities and answers CAPABILITY in any case', async () => {
    const { client, greeting } = await harness().client();
    expect(greeting).toBe(`* OK [CAPABILITY ${CAPS}] Mock IMAP server ready`);
    expect(await client.command('a1 capability')).toEqual([`* CAPABILITY ${CAPS}`, 'a1 OK Capability completed']);
  });

  it('logs in with an atom and a quoted password, and refuses a wrong one', async () => {
    const { client } = await harness().client();
    expect(await client.command(`a1 LOGIN ${USER} wrong`)).toEqual(['a1 NO [AUTHENTICATIONFAILED] Invalid credentials']);
    expect(await client.command(`a2 LOGIN "nobody@acme.test" "${PASSWORD}"`)).toEqual(['a2 NO [AUTHENTICATIONFAILED] Invalid credentials']);
    expect(await client.command(`a3 LOGIN ${USER.toUpperCase()} "${PASSWORD}"`)).toEqual([`a3 OK [CAPABILITY ${CAPS}] Logged in`]);
    expect(await client.command(`a4 LOGIN ${USER} "${PASSWORD}"`)).toEqual(['a4 BAD Already authenticated']);
  });

  it('logs in with literal arguments, synchronising and not', async () => {
    const { client } = await harness().client();
    client.send(`a1 LOGIN {${USER.length}}\r\n`);
    expect(await client.waitForContinuation()).toEqual(['+ Ready for literal data']);
    client.send(`${USER} {${PASSWORD.length}+}\r\n${PASSWORD}\r\n`);
    expect(await client.waitForTagged('a1')).toEqual([`a1 OK [CAPABILITY ${CAPS}] Logged in`]);
  });

  it('authenticates with AUTHENTICATE PLAIN and an initial response (SASL-IR)', async () => {
    const { client } = await harness().client();
    expect(await client.command(`a1 AUTHENTICATE PLAIN ${plain(`\0${USER}\0wrong`)}`)).toEqual(['a1 NO [AUTHENTICATIONFAILED] Invalid credentials']);
    expect(await client.command(`a2 AUTHENTICATE PLAIN ${plain(`\0${USER}\0${PASSWORD}`)}`)).toEqual([`a2 OK [CAPABILITY ${CAPS}] Logged in`]);
  });

  it('authenticates with AUTHENTICATE PLAIN after a continuation, and honours a cancel', async () => {
    const { client } = await harness().client();
    client.send('a1 AUTHENTICATE PLAIN\r\n');
    expect(await client.waitForContinuation()).toEqual(['+ ']);
    client.send('*\r\n');
    expect(await client.waitForTagged('a1')).toEqual(['a1 BAD Authentication cancelled']);
    client.send('a2 AUTHENTICATE plain\r\n');
    await client.waitForContinuation();
    client.send('not base64!\r\n');
    expect(await client.waitForTagged('a2')).toEqual(['a2 BAD Invalid base64 in authentication response']);
    client.send('a3 AUTHENTICATE PLAIN\r\n');
    await client.waitForContinuation();
    client.send(`${plain(`${USER}\0${USER}\0${PASSWORD}`)}\r\n`);
    expect(await client.waitForTagged('a3')).toEqual([`a3 OK [CAPABILITY ${CAPS}] Logged in`]);
  });

  it('refuses other mechanisms, other identities and malformed PLAIN messages', async () => {
    const { client } = await harness().client();
    expect(await client.command('a1 AUTHENTICATE CRAM-MD5')).toEqual(['a1 NO [CANNOT] Unsupported authentication mechanism CRAM-MD5']);
    expect(await client.command(`a2 AUTHENTICATE PLAIN ${plain(`boss@acme.test\0${USER}\0${PASSWORD}`)}`)).toEqual([
      'a2 NO [AUTHORIZATIONFAILED] Not authorised to act as that user',
    ]);
    expect(await client.command(`a3 AUTHENTICATE PLAIN ${plain('no separators')}`)).toEqual([
      'a3 BAD Malformed PLAIN response, expected authzid NUL user NUL password',
    ]);
    expect(await client.command('a4 AUTHENTICATE PLAIN =')).toEqual(['a4 BAD Malformed PLAIN response, expected authzid NUL user NUL password']);
  });

  it('keeps passwords out of the transcript', async () => {
    const { client } = await harness().client();
    await client.command(`a1 LOGIN ${USER} "${PASSWORD}"`);
    await client.command('a2 LOGOUT');
    const { client: second } = await harness().client();
    second.send('b1 AUTHENTICATE PLAIN\r\n');
    await second.waitForContinuation();
    second.send(`${plain(`\0${USER}\0${PASSWORD}`)}\r\n`);
    await second.waitForTagged('b1');
    const clientLines = harness().transcript.filter((entry) => entry.direction === 'client').map((entry) => [entry.connectionId, entry.line]);
    expect(clientLines).toEqual([
      [1, `a1 LOGIN ${USER} ***`],
      [1, 'a2 LOGOUT'],
      [2, 'b1 AUTHENTICATE PLAIN'],
      [2, '***'],
    ]);
    expect(JSON.stringify(harness().transcript)).not.toContain('s3cret');
    expect(harness().transcript.find((entry) => entry.direction === 'server')).toEqual({
      connectionId: 1,
      direction: 'server',
      line: `* OK [CAPABILITY ${CAPS}] Mock IMAP server ready`,
    });
  });

  it('answers ID, NAMESPACE and ENABLE', async () => {
    const client = await harness().loggedIn();
    const serverId = '* ID ("name" "Mock IMAP server" "vendor" "crm-email-faq-harness" "support-url" "https://www.rfc-editor.org/rfc/rfc3501")';
    expect(await client.command('a1 ID ("name" "test" "version" NIL)')).toEqual([serverId, 'a1 OK ID completed']);
    expect(await client.command('a2 ID NIL')).toEqual([serverId, 'a2 OK ID completed']);
    expect(await client.command('a3 ID ("odd")')).toEqual(['a3 BAD ID parameters must come in field/value pairs']);
    expect(await client.command('a4 NAMESPACE')).toEqual(['* NAMESPACE (("" "/")) NIL NIL', 'a4 OK NAMESPACE completed']);
    expect(await client.command('a5 ENABLE CONDSTORE UTF8=ACCEPT')).toEqual(['* ENABLED', 'a5 OK ENABLE completed']);
  });

  it('says BYE, then OK, then closes on LOGOUT', async () => {
    const { client } = await harness().client();
    expect(await client.command('a1 LOGOUT')).toEqual(['* BYE Logging out', 'a1 OK LOGOUT completed']);
    expect(await client.waitForClose()).toEqual([]);
  });
});
