import { describe, expect, it } from 'vitest';
import { formatTranscripts, TranscriptBook } from './transcripts.ts';

const AT = new Date('2026-03-02T09:00:00Z');

describe('TranscriptBook', () => {
  it('keeps lines per connection up to the limit, then only counts them; fault lines are always kept', () => {
    const book = new TranscriptBook(() => AT, 2);
    book.opened('imap', 1, '127.0.0.1:5000');
    book.opened('smtp', 2, '127.0.0.1:5001');
    book.line(1, 'client', 'a NOOP');
    book.line(2, 'server', '220 ready');
    book.line(1, 'server', 'a OK');
    book.line(1, 'server', '* 1 EXISTS');
    book.fault(1, { protocol: 'imap', rule: 'every FETCH dropped after 0 response(s)', detail: 'cut' });
    book.line(99, 'client', 'unknown connection: ignored');
    expect(book.all()).toEqual([
      { protocol: 'imap', connectionId: 1, remote: '127.0.0.1:5000', droppedLines: 1, lines: [
        { direction: 'client', text: 'a NOOP', at: AT }, { direction: 'server', text: 'a OK', at: AT }, { direction: 'fault', text: 'every FETCH dropped after 0 response(s): cut', at: AT },
      ] },
      { protocol: 'smtp', connectionId: 2, remote: '127.0.0.1:5001', droppedLines: 0, lines: [{ direction: 'server', text: '220 ready', at: AT }] },
    ]);
    expect(formatTranscripts(book.all())).toBe([
      'IMAP#1 from 127.0.0.1:5000', 'IMAP#1 C: a NOOP', 'IMAP#1 S: a OK', 'IMAP#1 !! every FETCH dropped after 0 response(s): cut', 'IMAP#1 … 1 more lines not kept',
      'SMTP#2 from 127.0.0.1:5001', 'SMTP#2 S: 220 ready',
    ].join('\n'));
  });

  it('after clear() shows nothing, and a connection still open reappears with its new lines only', () => {
    const book = new TranscriptBook(() => AT);
    book.opened('imap', 1, 'r');
    book.opened('imap', 2, 'r');
    book.line(1, 'client', 'old');
    book.clear();
    expect(book.all()).toEqual([]);
    book.line(2, 'client', 'new');
    expect(book.all().map((t) => [t.connectionId, t.lines.map((l) => l.text)])).toEqual([[2, ['new']]]);
  });

  it('hands out copies: what a test holds does not change under it', () => {
    const book = new TranscriptBook(() => AT);
    book.opened('smtp', 1, 'r');
    const before = book.all();
    book.line(1, 'client', 'EHLO x');
    expect(before[0]!.lines).toEqual([]);
  });
});
