import { describe, expect, it } from 'vitest';
import { CommandFramer, type FrameEvent, type FramingLimits } from './framing.ts';

/** Feeds the chunks one by one and collects every event, commands shown as latin1 text. */
function frame(chunks: string[], limits?: FramingLimits, rawLineAfter?: number): unknown[] {
  const framer = new CommandFramer(limits);
  const events: unknown[] = [];
  for (const chunk of chunks) {
    framer.push(Buffer.from(chunk, 'latin1'));
    for (let event = framer.next(); event; event = framer.next()) {
      events.push(show(event));
      if (rawLineAfter !== undefined && events.length === rawLineAfter) framer.expectRawLine();
    }
  }
  return events;
}

function show(event: FrameEvent): unknown {
  if (event.type === 'continue') return { type: 'continue' };
  return event.type === 'command' ? { command: event.bytes.toString('latin1') } : event;
}

const small: FramingLimits = { maxLineLength: 20, maxLiteralSize: 5 };

describe('CommandFramer', () => {
  it.each([
    ['one CRLF line', ['a1 NOOP\r\n'], [{ command: 'a1 NOOP' }]],
    ['two commands in one chunk', ['a1 NOOP\r\na2 CAPABILITY\r\n'], [{ command: 'a1 NOOP' }, { command: 'a2 CAPABILITY' }]],
    ['a line split across chunks', ['a1 NO', 'OP\r', '\n'], [{ command: 'a1 NOOP' }]],
    ['a bare LF line', ['a1 NOOP\n'], [{ command: 'a1 NOOP' }]],
    ['nothing until the line ends', ['a1 NOOP'], []],
    [
      'a synchronising literal asks for a continuation, then completes',
      ['a1 LOGIN {4}\r\n', 'user pass\r\n'],
      [{ type: 'continue' }, { command: 'a1 LOGIN {4}\r\nuser pass' }],
    ],
    [
      'a non-synchronising literal (RFC 7888) needs no continuation',
      ['a1 LOGIN {4+}\r\nuser {4+}\r\npass\r\n'],
      [{ command: 'a1 LOGIN {4+}\r\nuser {4+}\r\npass' }],
    ],
    ['literal octets may contain CRLF', ['a1 X {4+}\r\n\r\n\r\n Y\r\n'], [{ command: 'a1 X {4+}\r\n\r\n\r\n Y' }]],
    ['a literal split across chunks', ['a1 X {6+}\r\nab', 'cd', 'ef\r\n'], [{ command: 'a1 X {6+}\r\nabcdef' }]],
    ['an empty literal', ['a1 X {0}\r\n\r\n'], [{ type: 'continue' }, { command: 'a1 X {0}\r\n' }]],
  ])('%s', (_name, chunks, expected) => {
    expect(frame(chunks)).toEqual(expected);
  });

  it.each([
    ['a line over the limit, then a good command', ['a1 NOOP 12345678901234567890\r\na2 NOOP\r\n'], [{ type: 'rejected', reason: 'line-too-long', tag: 'a1' }, { command: 'a2 NOOP' }]],
    ['an over-long partial line is not kept', ['a1 ' + 'x'.repeat(50), 'y'.repeat(50), '\r\na2 NOOP\r\n'], [{ type: 'rejected', reason: 'line-too-long', tag: 'a1' }, { command: 'a2 NOOP' }]],
    ['no tag on an over-long garbage line', ['(((((((((((((((((((((((((\r\n'], [{ type: 'rejected', reason: 'line-too-long', tag: undefined }]],
    [
      'a synchronising literal over the limit ends the command at once',
      ['a1 X {6}\r\na2 NOOP\r\n'],
      [{ type: 'rejected', reason: 'literal-too-large', tag: 'a1', literal: { size: 6, synchronising: true, command: 'X' } }, { command: 'a2 NOOP' }],
    ],
    [
      'a non-synchronising literal over the limit is refused when announced, and nothing after it is read (RFC 7888 §4)',
      ['a1 uid  append {6+}\r\nabc', 'def Y\r\na3 NOOP\r\n'],
      [{ type: 'rejected', reason: 'literal-too-large', tag: 'a1', literal: { size: 6, synchronising: false, command: 'UID APPEND' } }],
    ],
    [
      'a literal announced at the end of an over-long line is skipped too',
      ['a1 ' + 'x'.repeat(30) + ' {3+}\r\nabc\r\na2 NOOP\r\n'],
      [{ type: 'rejected', reason: 'line-too-long', tag: 'a1' }, { command: 'a2 NOOP' }],
    ],
    [
      'literals count against one budget per command',
      ['a1 X {3+}\r\nabc {3+}\r\ndef\r\n'],
      [{ type: 'rejected', reason: 'literal-too-large', tag: 'a1', literal: { size: 3, synchronising: false, command: 'X' } }],
    ],
  ])('enforces limits: %s', (_name, chunks, expected) => {
    expect(frame(chunks, small)).toEqual(expected);
  });

  it('hands over the first line with a continuation, and can drop the command', () => {
    const framer = new CommandFramer();
    framer.push(Buffer.from('a1 APPEND INBOX {3}\r\na2 NOOP\r\n'));
    const first = framer.next();
    expect(first?.type === 'continue' && first.firstLine.toString()).toBe('a1 APPEND INBOX {3}');
    framer.abandonCommand();
    expect(show(framer.next() ?? { type: 'line', text: 'nothing' })).toEqual({ command: 'a2 NOOP' });
  });

  it('returns a bare line when asked, without reading a literal header in it', () => {
    expect(frame(['a1 AUTHENTICATE PLAIN\r\n', 'abc{5}\r\na2 NOOP\r\n'], undefined, 1)).toEqual([
      { command: 'a1 AUTHENTICATE PLAIN' },
      { type: 'line', text: 'abc{5}' },
      { command: 'a2 NOOP' },
    ]);
  });
});
