import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MailStore } from '../store/index.ts';
import { registeredNames } from './commands/registry.ts';
import { Dispatcher } from './dispatcher.ts';
import { FIRST_MESSAGE, SECOND_MESSAGE } from './test-support/fixtures.ts';

/** Argument pieces that every handler must cope with, sensible or not. */
const argument = fc.oneof(
  fc.constantFrom('1', '1:*', '*', '2,1', '0', '99', 'INBOX', 'Sent', '""', '"a b"', 'NIL', '()', '(FLAGS UID)', 'ALL', 'FULL', 'BODYSTRUCTURE'),
  fc.constantFrom('BODY[]', 'BODY.PEEK[HEADER.FIELDS (FROM)]<0.5>', 'BODY[1.MIME]', 'BODY[2.1.TEXT]', 'RFC822', '(\\Seen $X)', '+FLAGS', 'FLAGS.SILENT'),
  fc.constantFrom('OR', 'NOT', 'SINCE', '1-Jan-2026', 'HEADER', 'CHARSET', 'UTF-8', 'UID', 'TEXT', '(SEEN UNSEEN)', '{3+}\r\nabc', 'RETURN', '(SPECIAL-USE)'),
  fc.stringMatching(/^[A-Za-z0-9.:*%\\$]{1,8}$/),
);

describe('dispatcher properties', () => {
  it('answers any command with any arguments without an internal error', () => {
    const names = [...registeredNames(), 'BOGUS', 'UID BOGUS'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...names), fc.array(argument, { maxLength: 5 })), { minLength: 1, maxLength: 12 }), (commands) => {
        const store = new MailStore({ clock: () => new Date('2026-03-02T10:00:00Z') });
        const account = store.createAccount({ address: 'a@x.test', password: 'pw' });
        const inbox = account.requireFolderByRole('inbox');
        store.deliver(account, inbox, Buffer.from(FIRST_MESSAGE));
        store.deliver(account, inbox, Buffer.from(SECOND_MESSAGE));
        const errors: unknown[] = [];
        const session = () => {
          const fresh = new Dispatcher({ store, maxBadCommands: 1000, onInternalError: (error) => errors.push(error) });
          fresh.command(Buffer.from('a LOGIN a@x.test pw'));
          fresh.command(Buffer.from('b SELECT INBOX'));
          return fresh;
        };
        let dispatcher = session();
        commands.forEach(([name, args], index) => {
          const reply = dispatcher.command(Buffer.from([`t${index}`, name, ...args].join(' '), 'latin1'));
          const text = Buffer.concat(reply.output).toString('latin1');
          expect(text.includes(`t${index} `) || text.trimEnd().endsWith('+ idling') || text.startsWith('+ ')).toBe(true);
          if (dispatcher.awaitingLine) dispatcher.line(name === 'IDLE' ? 'DONE' : '*');
          if (reply.close) dispatcher = session();
        });
        expect(errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
