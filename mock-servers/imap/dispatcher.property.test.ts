import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MailStore } from '../store/index.ts';
import { registeredNames } from './commands/registry.ts';
import { Dispatcher } from './dispatcher.ts';
import { FIRST_MESSAGE, SECOND_MESSAGE } from './test-support/fixtures.ts';

/** Argument pieces that every handler must cope with, sensible or not. */
const argument = fc.oneof(
  fc.constantFrom('1', '1:*', '*', '2,1', '0', '99', 'INBOX', 'Sent', 'Trash', 'New/Sub', 'INBOX/x', '""', '"a b"', 'NIL', '()', '(FLAGS UID)', 'ALL', 'FULL', 'BODYSTRUCTURE'),
  fc.constantFrom('BODY[]', 'BODY.PEEK[HEADER.FIELDS (FROM)]<0.5>', 'BODY[1.MIME]', 'BODY[2.1.TEXT]', 'RFC822', '(\\Seen $X)', '(\\Deleted)', '+FLAGS', 'FLAGS.SILENT'),
  fc.constantFrom('OR', 'NOT', 'SINCE', '1-Jan-2026', 'HEADER', 'CHARSET', 'UTF-8', 'UID', 'TEXT', '(SEEN UNSEEN)', '{3+}\r\nabc', 'RETURN', '(SPECIAL-USE)'),
  fc.constantFrom('"05-Mar-2026 10:00:00 +0000"', '{16+}\r\nSubject: x\r\n\r\nx', '{0+}\r\n', '&BB8-', 'A*'),
  fc.stringMatching(/^[A-Za-z0-9.:*%\\$/]{1,8}$/),
);

/** The tags of tagged responses in some output; literals do not hide lines that look tagged here. */
function taggedLines(output: readonly Buffer[], tag: string): string[] {
  return Buffer.concat(output).toString('latin1').split('\r\n').filter((line) => line.startsWith(`${tag} `));
}

describe('dispatcher properties', () => {
  it('answers every tagged command exactly once, with no internal error, whatever two sessions send', () => {
    const names = [...registeredNames(), 'BOGUS', 'UID BOGUS'];
    const command = fc.tuple(fc.constantFrom<0 | 1>(0, 1), fc.constantFrom(...names), fc.array(argument, { maxLength: 5 }));
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 14 }), (commands) => {
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
        const sessions = [session(), session()];
        // A folder both sessions may select, and delete from under each other.
        store.createFolder(account, 'New/Sub');
        commands.forEach(([index, name, args], position) => {
          const tag = `t${position}`;
          const dispatcher = sessions[index] ?? session();
          const reply = dispatcher.command(Buffer.from([tag, name, ...args].join(' '), 'latin1'));
          const output = [...reply.output];
          if (dispatcher.awaitingLine) output.push(...dispatcher.line(name === 'IDLE' ? 'DONE' : '*').output);
          // The one exception: the session's selected mailbox was deleted by the other session,
          // and the server hangs up with BYE instead of running the command (RFC 3501 §7.1.5).
          const hungUp = reply.close && Buffer.concat(output).toString('latin1') === '* BYE Selected mailbox was deleted, have to disconnect\r\n';
          expect(taggedLines(output, tag)).toHaveLength(hungUp ? 0 : 1);
          if (reply.close) sessions[index] = session();
        });
        expect(errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
