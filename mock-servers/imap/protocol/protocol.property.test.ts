import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandFramer, type FrameEvent } from './framing.ts';
import { parseCommand } from './parser.ts';
import { parseSequenceSet, sequenceSetHas } from './sequence-set.ts';
import { encodeString } from './writer.ts';

/** Frames a byte stream delivered in the given chunk sizes; returns every event. */
function frameAll(bytes: Buffer, chunkSizes: number[]): FrameEvent[] {
  const framer = new CommandFramer({ maxLineLength: 200, maxLiteralSize: 4000 });
  const events: FrameEvent[] = [];
  let offset = 0;
  let sizeIndex = 0;
  while (offset < bytes.length) {
    const size = Math.max(1, chunkSizes[sizeIndex++ % Math.max(1, chunkSizes.length)] ?? 1);
    framer.push(bytes.subarray(offset, offset + size));
    offset += size;
    for (let event = framer.next(); event; event = framer.next()) events.push(event);
  }
  return events;
}

describe('protocol properties', () => {
  it('any string the writer encodes is framed and parsed back to the same string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 17 }), { maxLength: 5 }), (value, chunks) => {
        const wire = Buffer.concat([Buffer.from('t1 X '), encodeString(value), Buffer.from('\r\n')]);
        const commands = frameAll(wire, chunks).filter((event) => event.type === 'command');
        expect(commands).toHaveLength(1);
        const parsed = parseCommand(commands[0]!.bytes);
        expect(parsed.ok && parsed.command.args).toEqual([expect.objectContaining({ type: 'string', value })]);
      }),
    );
  });

  it('neither the framer nor the parser throws on arbitrary input', () => {
    const noisy = fc.array(fc.oneof(fc.constantFrom('{', '}', '+', '"', '\\', '(', ')', '[', ']', '<', '>', '\r', '\n', ' ', '{3}\r\n', '{2+}\r\n', 'a1 ', 'BODY['), fc.string({ maxLength: 8 })), { maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(noisy.map((parts) => Buffer.from(parts.join(''), 'latin1')), fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes))), fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 4 }), (bytes, chunks) => {
        for (const event of frameAll(bytes, chunks)) {
          if (event.type === 'command') expect(() => parseCommand(event.bytes)).not.toThrow();
        }
        expect(() => parseCommand(bytes)).not.toThrow();
      }),
    );
  });

  it('a sequence set built from numbers contains exactly those numbers', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 70 }), (numbers, probe) => {
        const result = parseSequenceSet(numbers.join(','), 100);
        expect(result.ok && sequenceSetHas(result.set, probe)).toBe(numbers.includes(probe));
      }),
    );
  });
});
