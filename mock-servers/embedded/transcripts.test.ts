import { describe, expect, it } from 'vitest';
import { formatTranscripts, TranscriptBook } from './transcripts.ts';

const AT = new Date('2026-03-02T09:00:00Z');

describe('TranscriptBook', () => {
  it('keeps the latest lines per connection and counts the earlier ones; fault lines are never pushed out', () => {
    const book = new TranscriptBook(() => AT, { linesPerConnection: 2 });
    book.opened('imap', 1, '127.0.0.1:5000');
    book.opened('smtp', 2, '127.0.0.1:5001');
    book.line(1, 'client', 'a NOOP');
    book.fault(1, { protocol: 'imap', rule: 'every FETCH dropped after 0 response(s)', detail: 'cut' });
    book.line(2, 'server', '220 ready');
    book.line(1, 'server', 'a OK');
    book.line(1, 'server', '* 1 EXISTS');
    book.line(99, 'client', 'unknown connection: ignored');
    expect(book.all()).toEqual([
      { protocol: 'imap', connectionId: 1, remote: '127.0.0.1:5000', droppedLines: 1, lines: [
        { direction: 'fault', text: 'every FETCH dropped after 0 response(s): cut', at: AT }, { direction: 'server', text: 'a OK', at: AT }, { direction: 'server', text: '* 1 EXISTS', at: AT },
      ] },
      { protocol: 'smtp', connectionId: 2, remote: '127.0.0.1:5001', droppedLines: 0, lines: [{ direction: 'server', text: '220 ready', at: AT }] },
    ]);
    expect(formatTranscripts(book.all())).toBe([
      'IMAP#1 from 127.0.0.1:5000', 'IMAP#1 … 1 earlier lines not kept', 'IMAP#1 !! every FETCH dropped after 0 response(s): cut', 'IMAP#1 S: a OK', 'IMAP#1 S: * 1 EXISTS',
      'SMTP#2 from 127.0.0.1:5001', 'SMTP#2 S: 220 ready',
    ].join('\n'));
  });

  it('cuts a long line to its start and its size, and holds a connection to its share of characters', () => {
    const book = new TranscriptBook(() => AT, { maxLineChars: 10, charsPerConnection: 200 });
    book.opened('imap', 1, 'r');
    book.line(1, 'client', `a1 APPEND ${'x'.repeat(60_000)}`);
    expect(book.all()[0]?.lines.map((l) => l.text)).toEqual(['a1 APPEND … (60010 bytes in all)']);
    for (let i = 0; i < 100; i++) book.line(1, 'client', `n${i} NOOP`);
    const [transcript] = book.all();
    // Each line costs its text and a fixed overhead of 40: 200 characters hold four of these.
    expect(transcript?.lines.map((l) => l.text)).toEqual(['n96 NOOP', 'n97 NOOP', 'n98 NOOP', 'n99 NOOP']);
    expect(transcript?.droppedLines).toBe(97);
  });

  it('forgets the oldest closed connections once closed ones pass their budget, never open ones', () => {
    const book = new TranscriptBook(() => AT, { closedChars: 300 });
    book.opened('imap', 1, 'still open');
    book.line(1, 'client', 'x'.repeat(500));
    for (let id = 2; id <= 1000; id++) {
      book.opened('imap', id, 'reconnecting');
      book.line(id, 'client', `a${id} LOGIN user ***`);
      book.closed(id);
    }
    const kept = book.all().map((t) => t.connectionId);
    expect(kept[0]).toBe(1);
    // 60 characters per closed connection (20 of text, 40 overhead): five fit in 300.
    expect(kept.slice(1)).toEqual([996, 997, 998, 999, 1000]);
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
