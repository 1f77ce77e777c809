import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../store/index.ts';
import { parseSequenceSet, sequenceSetHas } from '../protocol/sequence-set.ts';
import type { MailboxView } from './mailbox-view.ts';
import { selectMessages } from './message-set.ts';

/** A view holding messages with these ascending UIDs; selectMessages reads nothing else. */
const viewOf = (uids: readonly number[]) => ({ messages: uids.map((uid) => ({ uid }) as StoredMessage) }) as unknown as MailboxView;

const uids = fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 30 }).map((list) => [...list].sort((a, b) => a - b));
const end = fc.oneof(fc.integer({ min: 1, max: 70 }).map(String), fc.constant('*'));
const setText = fc.array(fc.oneof(end, fc.tuple(end, end).map(([a, b]) => `${a}:${b}`)), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(','));

describe('selectMessages (RFC 3501 §9 sequence sets)', () => {
  it('names exactly the messages whose UID or number the set holds, once each, in sequence order', () => {
    fc.assert(
      fc.property(uids, setText, fc.boolean(), (list, text, byUid) => {
        const view = viewOf(list);
        const result = selectMessages(view, { type: 'atom', value: text }, byUid);
        const set = parseSequenceSet(text, byUid ? (list[list.length - 1] ?? 0) : list.length);
        if (!result.ok) {
          expect(byUid).toBe(false);
          return;
        }
        if (!set.ok) throw new Error(`the set ${text} was refused by the parser but accepted by selectMessages`);
        const expected = list.flatMap((uid, index) => (sequenceSetHas(set.set, byUid ? uid : index + 1) ? [index + 1] : []));
        expect(result.messages.map((m) => m.seq)).toEqual(expected);
        expect(result.messages.map((m) => m.message.uid)).toEqual(expected.map((seq) => list[seq - 1]));
      }),
    );
  });
});
