import { describe, expect, it } from 'vitest';
import type { EmailActivity } from '../activities/email-activity.ts';
import { buildThreads, flattenThreads } from './threads.ts';

let nextId = 1;
function email(minute: number, fields: Partial<EmailActivity> = {}): EmailActivity {
  const id = nextId++;
  return {
    id, direction: 'incoming', subject: `e-mail ${id}`, from: [{ address: 'jan@client.test' }], to: [], cc: [],
    messageId: `<m${id}@client.test>`, bindings: [{ type: 'deal', id: 1 }], responsibleId: 1, authorId: 1, completed: false,
    createdAt: new Date(Date.UTC(2026, 2, 2, 9, minute)), receivedAt: new Date(Date.UTC(2026, 2, 2, 9, minute)), ...fields,
  };
}

const shape = (activities: readonly EmailActivity[]) =>
  flattenThreads(buildThreads(activities)).map(({ activity, depth }) => `${'  '.repeat(depth)}${activity.subject}`);

describe('threads (R9.1)', () => {
  it('R9.1 lists e-mails in time order with replies under their parent, whatever order they are given in', () => {
    const question = email(0, { subject: 'Question' });
    const other = email(5, { subject: 'Other topic' });
    const answer = email(10, { subject: 'Re: Question', direction: 'outgoing', inReplyTo: question.messageId! });
    const followUp = email(20, { subject: 'Re: Re: Question', inReplyTo: answer.messageId!, references: [question.messageId!, answer.messageId!] });
    expect(shape([followUp, other, answer, question])).toEqual(['Question', '  Re: Question', '    Re: Re: Question', 'Other topic']);
  });

  it('R9.1 a reply whose In-Reply-To is unknown is threaded by its References; with neither it starts its own thread', () => {
    const question = email(0, { subject: 'Question' });
    const viaReferences = email(1, { subject: 'Via references', inReplyTo: '<unknown@x>', references: ['<older@x>', question.messageId!] });
    const orphan = email(2, { subject: 'Orphan', inReplyTo: '<gone@x>' });
    expect(shape([question, viaReferences, orphan])).toEqual(['Question', '  Via references', 'Orphan']);
  });

  it('R9.1 a header chain that points forward or at itself makes no cycle', () => {
    const a = email(0, { subject: 'A', messageId: '<a@x>', inReplyTo: '<b@x>' });
    const b = email(1, { subject: 'B', messageId: '<b@x>', inReplyTo: '<a@x>' });
    const self = email(2, { subject: 'Self', messageId: '<s@x>', inReplyTo: '<s@x>' });
    expect(shape([b, a, self])).toEqual(['A', '  B', 'Self']);
  });

  it('R9.1 replies to one parent come in time order; equal times in the order they entered', () => {
    const question = email(0, { subject: 'Q' });
    const late = email(30, { subject: 'late', inReplyTo: question.messageId! });
    const early = email(10, { subject: 'early', inReplyTo: question.messageId! });
    const sameTime = email(10, { subject: 'same time, entered later', inReplyTo: question.messageId! });
    expect(shape([late, sameTime, early, question])).toEqual(['Q', '  early', '  same time, entered later', '  late']);
  });
});
